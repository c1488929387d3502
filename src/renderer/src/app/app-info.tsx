import { createContext, useContext } from 'react'
import type { ReactNode } from 'react'
import type { AppInfo } from '../../../shared/api/app'
import { takeEarly, takeEarlyAnswer } from '../lib/api'
import { errorMessage } from '../lib/errors'
import { useAsync } from '../lib/use-async'
import { LockIcon } from '../components/icons'
import { useRole } from '../features/role/role-context'
import { loadAppInfo } from './start-requests'

interface AppInfoValue {
  readonly info: AppInfo | null
  /** Edits are off in this window: the library is read-only, or this computer is in front-desk mode. */
  readonly readOnly: boolean
}

const AppInfoContext = createContext<AppInfoValue>({ info: null, readOnly: false })

/** Loads `app:info` once and shares it (the read-only flag turns edits off everywhere). */
export function AppInfoProvider({ children }: { children: ReactNode }) {
  const { state, reload } = useAsync(
    () => takeEarly(loadAppInfo),
    'app-info',
    () => takeEarlyAnswer(loadAppInfo)
  )
  const info = state.status === 'ready' ? state.data : null
  const { frontDesk } = useRole()
  return (
    <AppInfoContext.Provider value={{ info, readOnly: (info?.readOnly ?? false) || frontDesk }}>
      {state.status === 'error' && (
        <div className="banner banner--error" role="alert">
          <p>Pointbook could not read its status: {errorMessage(state.error)}</p>
          <button type="button" className="button button--small" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      {children}
    </AppInfoContext.Provider>
  )
}

export function useAppInfo(): AppInfoValue {
  return useContext(AppInfoContext)
}

/** Shown across the top whenever the library cannot be written. */
export function ReadOnlyBanner() {
  const { info } = useAppInfo()
  if (!info?.readOnly) return null
  return (
    <div className="banner banner--warning" role="status">
      <LockIcon />
      <p>
        <strong>Read-only.</strong> You can read and search everything, but changes cannot be saved
        {info.readOnlyReason ? `: ${info.readOnlyReason}` : '.'}
      </p>
    </div>
  )
}
