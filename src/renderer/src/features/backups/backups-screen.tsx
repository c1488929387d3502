import { useState } from 'react'
import type { BackupStatus, BackupSummary } from '../../../../shared/api/backups'
import { useConfirm } from '../../components/confirm'
import { ErrorState, Loading } from '../../components/states'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { formatExact, formatRelative } from '../../lib/format'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import { announceBackupsChanged, formatSize, reasonLabel } from './backup-status'
import { TransferSection } from './transfer-section'
import { useRole } from '../role/role-context'
import './backups.css'

/** Settings → Backups: see, make, restore and copy the library's backups. */
export function BackupsScreen() {
  useDocumentTitle('Backups')
  const loaded = useAsync(() => api.backups.status({}), 'backups')
  if (loaded.state.status === 'loading') return <Loading label="Reading the backups" />
  if (loaded.state.status === 'error') {
    return (
      <ErrorState
        title="The backups could not be read"
        error={loaded.state.error}
        onRetry={loaded.reload}
      />
    )
  }
  return <Backups status={loaded.state.data} reload={loaded.reload} />
}

function Backups({ status, reload }: { status: BackupStatus; reload: () => void }) {
  const toast = useToast()
  const confirm = useConfirm()
  const [busy, setBusy] = useState<string | null>(null)

  const run = async (what: string, work: () => Promise<string | null>) => {
    setBusy(what)
    try {
      const message = await work()
      if (message) toast({ message })
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    } finally {
      setBusy(null)
      reload()
      announceBackupsChanged()
    }
  }

  const backUpNow = () =>
    run('create', async () => {
      const made = await api.backups.create({})
      return made.secondFolderProblem
        ? `Backed up. ${made.secondFolderProblem}`
        : `Backed up (${formatSize(made.backup.sizeBytes)}).`
    })

  const restore = async (backup: BackupSummary) => {
    const yes = await confirm({
      title: 'Restore this backup?',
      message: (
        <>
          <p>
            Pointbook will back up the library as it is now, then restart and put the backup from{' '}
            <strong>{formatExact(backup.createdAt)}</strong> in its place.
          </p>
          <p>
            Anything saved after that time will not be in the library (it stays in the new backup).
          </p>
        </>
      ),
      confirmLabel: 'Back up, then restore',
      danger: true
    })
    if (!yes) return
    await run('restore', async () => {
      await api.backups.restore({ fileName: backup.fileName })
      return 'Restarting to restore the backup…'
    })
  }

  const saveCopy = (backup: BackupSummary) =>
    run('copy', async () => {
      const saved = await api.backups.saveCopy({ fileName: backup.fileName })
      return saved.savedTo ? `Copy saved to ${saved.savedTo}` : null
    })

  const chooseFolder = () =>
    run('folder', async () => {
      const chosen = await api.backups.chooseSecondFolder({})
      return chosen.secondFolder
        ? `Every backup will also be copied to ${chosen.secondFolder}`
        : null
    })

  const clearFolder = () =>
    run('folder', async () => {
      await api.backups.clearSecondFolder({})
      return 'Backups are no longer copied to a second folder.'
    })

  const disabled = busy !== null || status.readOnly
  // Front-desk mode: backing up now is allowed; folders, restores, copies and transfers are not.
  const { frontDesk } = useRole()
  const practitionerOnly = disabled || frontDesk
  return (
    <section className="screen backups" aria-labelledby="backups-title">
      <h1 id="backups-title">Backups</h1>
      <p className="backups__intro">
        Pointbook backs up the library every day it is used, keeps a copy for each of the last 7
        days, 4 weeks and 12 months, and never lets an emptied library push out the last backup with
        your work in it.
      </p>
      {status.lastRestore && (
        <p className={status.lastRestore.ok ? 'notice' : 'notice notice--error'} role="status">
          {formatExact(status.lastRestore.at)}: {status.lastRestore.message}
        </p>
      )}
      <div className="backups__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={backUpNow}
          disabled={disabled}
        >
          {busy === 'create' ? 'Backing up…' : 'Back up now'}
        </button>
        <p className="backups__age">
          {status.newestAgeHours === null
            ? 'No backup yet.'
            : `Newest backup: ${formatRelative(status.backups[0]?.createdAt ?? '')}.`}
        </p>
      </div>

      <h2>Second backup folder</h2>
      <p>
        {status.secondFolder
          ? `Every backup is also copied to ${status.secondFolder}.`
          : 'Keep a copy on another disk or a USB stick: every backup is also copied there.'}
      </p>
      <div className="backups__actions">
        <button type="button" className="button" onClick={chooseFolder} disabled={practitionerOnly}>
          {status.secondFolder ? 'Change folder…' : 'Choose a folder…'}
        </button>
        {status.secondFolder && (
          <button
            type="button"
            className="button"
            onClick={clearFolder}
            disabled={practitionerOnly}
          >
            Stop copying
          </button>
        )}
      </div>

      <TransferSection readOnly={status.readOnly || frontDesk} onChanged={reload} />

      <h2>All backups ({status.backups.length})</h2>
      <table className="backups__table">
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Kind</th>
            <th scope="col">Holds</th>
            <th scope="col">Size</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {status.backups.map((backup) => (
            <tr key={backup.fileName}>
              <td>
                <time dateTime={backup.createdAt}>{formatExact(backup.createdAt)}</time>
              </td>
              <td>{reasonLabel(backup.reason)}</td>
              <td>{backup.content ? holds(backup.content) : 'Cannot be read'}</td>
              <td>{formatSize(backup.sizeBytes)}</td>
              <td className="backups__row-actions">
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void restore(backup)}
                  disabled={practitionerOnly || backup.content === null}
                  aria-label={`Restore the backup from ${formatExact(backup.createdAt)}`}
                >
                  Restore…
                </button>
                <button
                  type="button"
                  className="button button--small"
                  onClick={() => void saveCopy(backup)}
                  disabled={busy !== null || frontDesk}
                  aria-label={`Save a copy of the backup from ${formatExact(backup.createdAt)}`}
                >
                  Save a copy…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

function holds(content: NonNullable<BackupSummary['content']>): string {
  const parts = [
    `${content.notes} ${content.notes === 1 ? 'note' : 'notes'}`,
    `${content.articles} articles (${content.clinicArticles} yours)`,
    `${content.editedHandouts} edited ${content.editedHandouts === 1 ? 'handout' : 'handouts'}`
  ]
  return parts.join(', ')
}
