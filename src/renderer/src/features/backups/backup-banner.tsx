import { useEffect } from 'react'
import { api } from '../../lib/api'
import { navigate } from '../../lib/router'
import { handoutPaths } from '../handouts/paths'
import { useAsync } from '../../lib/use-async'
import { BACKUPS_CHANGED_EVENT, backupWarning } from './backup-status'

/**
 * Across the top while backups are failing or too old: it stays until a backup succeeds, so a
 * clinic cannot go a month without one and not know (docs/data-safety.md).
 */
export function BackupBanner() {
  const { state, reload } = useAsync(() => api.backups.status({}), 'backup-status')
  useEffect(() => {
    window.addEventListener(BACKUPS_CHANGED_EVENT, reload)
    return () => window.removeEventListener(BACKUPS_CHANGED_EVENT, reload)
  }, [reload])
  if (state.status !== 'ready') return null
  const warning = backupWarning(state.data)
  if (warning === null) return null
  return (
    <div className="banner banner--error backup-banner" role="alert">
      <p>
        <strong>Backups need attention.</strong> {warning}
      </p>
      <button
        type="button"
        className="button button--small"
        onClick={() => navigate(handoutPaths.backups())}
      >
        Open Backups
      </button>
    </div>
  )
}
