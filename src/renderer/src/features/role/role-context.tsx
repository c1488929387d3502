import { createContext, useContext, useMemo } from 'react'
import type { ReactNode } from 'react'
import type { RoleStatus } from '../../../../shared/api/role'
import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'

interface RoleValue {
  /** Null until `role:status` answers (or when it failed: the app then behaves as before). */
  readonly status: RoleStatus | null
  /** This computer is in front-desk mode: editing is hidden or off (and the core refuses it). */
  readonly frontDesk: boolean
  /** Takes the status a role call returned (switching mode, setting the PIN). */
  readonly update: (status: RoleStatus) => void
}

const RoleContext = createContext<RoleValue>({
  status: null,
  frontDesk: false,
  update: () => undefined
})

/** Loads this computer's role once and shares it; role calls hand their new status back here. */
export function RoleProvider({ children }: { children: ReactNode }) {
  const { state, setData } = useAsync(() => api.role.status({}), 'role')
  const status = state.status === 'ready' ? state.data : null
  const value = useMemo(
    () => ({ status, frontDesk: status?.mode === 'front-desk', update: setData }),
    [status, setData]
  )
  return <RoleContext.Provider value={value}>{children}</RoleContext.Provider>
}

export function useRole(): RoleValue {
  return useContext(RoleContext)
}

/** Why an edit button is off (its tooltip): front-desk mode, or else the read-only library. */
export function useEditsOffReason(): string {
  return useRole().frontDesk ? 'Front-desk mode: editing is off' : 'The library is read-only'
}
