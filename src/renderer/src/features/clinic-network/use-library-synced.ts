import { useEffect } from 'react'
import { LIBRARY_SYNCED_EVENT } from './status-text'

/** Calls `reload` whenever changes from the clinic network have arrived on this computer. */
export function useLibrarySynced(reload: () => void): void {
  useEffect(() => {
    window.addEventListener(LIBRARY_SYNCED_EVENT, reload)
    return () => window.removeEventListener(LIBRARY_SYNCED_EVENT, reload)
  }, [reload])
}
