import { useId, useState } from 'react'
import type { ImportPlan } from '../../../../shared/api/transfer'
import { Modal } from '../../components/modal'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { useBusyAction } from '../../lib/use-busy-action'
import { formatExact } from '../../lib/format'
import { announceBackupsChanged } from './backup-status'

const counts = (c: ImportPlan['articles'], what: string): string =>
  `${what}: ${c.add} new, ${c.update} changed, ${c.unchanged} already here`

const PROFILE_PLAN: Record<ImportPlan['profile'], string> = {
  add: 'The clinic profile and logo will be added (this library has none yet).',
  unchanged: 'The clinic profile is the same here.',
  'keep-yours': 'The clinic profile differs: yours is kept.',
  none: 'The file has no clinic profile.'
}

/**
 * Export library… / Import library…: how a clinic moves to a new computer or shares its edited
 * handouts. An import shows what it will do before anything changes.
 */
export function TransferSection(props: { readOnly: boolean; onChanged: () => void }) {
  const { readOnly } = props
  const toast = useToast()
  const { busy, run } = useBusyAction()
  const [plan, setPlan] = useState<ImportPlan | null>(null)

  const exportLibrary = () =>
    run(async () => {
      const done = await api.transfer.exportLibrary({})
      if (done.savedTo) {
        toast({
          message: `Exported ${done.articles} articles, ${done.notes} notes and ${done.handouts} handout texts to ${done.savedTo}`
        })
      }
    })

  const chooseFile = () =>
    run(async () => {
      setPlan(await api.transfer.previewImport({}))
    })

  const apply = (token: string) =>
    run(async () => {
      const done = await api.transfer.applyImport({ token })
      setPlan(null)
      props.onChanged()
      announceBackupsChanged()
      toast({
        message:
          `Imported: ${done.articles.add + done.articles.update} articles, ` +
          `${done.notes.add + done.notes.update} notes, ` +
          `${done.handouts.add + done.handouts.update} handout texts` +
          (done.conflicts > 0 ? ` (${done.conflicts} kept both texts).` : '.')
      })
    })

  return (
    <>
      <h2>Move or share the library</h2>
      <p>
        Export the clinic’s own articles, notes, edited handouts and profile to one file; import it
        on a new computer or in another clinic. An import shows what it will change first, and a
        backup is made before it.
      </p>
      <div className="backups__actions">
        <button
          type="button"
          className="button"
          onClick={() => void exportLibrary()}
          disabled={busy}
        >
          Export library…
        </button>
        <button
          type="button"
          className="button"
          onClick={() => void chooseFile()}
          disabled={busy || readOnly}
        >
          Import library…
        </button>
      </div>
      {plan && (
        <ImportPreview
          plan={plan}
          busy={busy}
          onApply={() => void apply(plan.token)}
          onClose={() => setPlan(null)}
        />
      )}
    </>
  )
}

function ImportPreview(props: {
  plan: ImportPlan
  busy: boolean
  onApply: () => void
  onClose: () => void
}) {
  const { plan } = props
  const titleId = useId()
  const nothing =
    plan.articles.add +
      plan.articles.update +
      plan.notes.add +
      plan.notes.update +
      plan.handouts.add +
      plan.handouts.update ===
      0 && plan.profile !== 'add'
  return (
    <Modal labelledBy={titleId} onClose={props.onClose} className="import-preview">
      <h2 id={titleId}>Import {plan.fileName}?</h2>
      <p>
        Exported {formatExact(plan.exportedAt)} by Pointbook {plan.appVersion}.
      </p>
      <ul>
        <li>{counts(plan.articles, 'Articles')}</li>
        <li>{counts(plan.notes, 'Notes')}</li>
        <li>{counts(plan.handouts, 'Handout texts')}</li>
        <li>{PROFILE_PLAN[plan.profile]}</li>
        {plan.hiddenHandouts > 0 && (
          <li>
            {plan.hiddenHandouts} {plan.hiddenHandouts === 1 ? 'handout' : 'handouts'} will be
            hidden from the front desk, as in the file.
          </li>
        )}
      </ul>
      {plan.conflicts.length > 0 && (
        <>
          <p>
            These differ here. Both texts are kept: the imported one becomes the newest revision,
            yours stays in the history.
          </p>
          <ul className="import-preview__conflicts">
            {plan.conflicts.map((c) => (
              <li key={`${c.kind}:${c.id}`}>
                {c.kind}: {c.title}
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="backups__actions">
        <button
          type="button"
          className="button button--primary"
          onClick={props.onApply}
          disabled={props.busy || nothing}
        >
          {nothing ? 'Nothing to import' : 'Back up, then import'}
        </button>
        <button type="button" className="button" onClick={props.onClose}>
          Cancel
        </button>
      </div>
    </Modal>
  )
}
