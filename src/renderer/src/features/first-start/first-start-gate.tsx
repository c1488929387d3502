import { lazy, Suspense } from 'react'
import type { ReactNode } from 'react'
import { Loading } from '../../components/states'
import { useLocation } from '../../lib/router'
import { FIRST_START_PATH } from '../../../../shared/first-start'

// Shown once per library, so in a chunk of its own that no other start loads.
const FirstStartScreen = lazy(() =>
  import('./first-start-screen').then((m) => ({ default: m.FirstStartScreen }))
)

/**
 * The first-start setup takes the whole window, without the app's sidebar and search: a short
 * form with one way on (finish or skip). The core decides when the app opens on it
 * (core/settings/first-start.ts); every other address is the app itself.
 */
export function FirstStartGate({ children }: { children: ReactNode }) {
  const { path } = useLocation()
  if (path !== FIRST_START_PATH) return children
  return (
    <Suspense fallback={<Loading label="Opening" />}>
      <FirstStartScreen />
    </Suspense>
  )
}
