import { useState } from 'react'
import { ErrorState, Loading } from '../../components/states'
import { useConfirm } from '../../components/confirm'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import type { Handout } from '../../../../shared/api/handouts'
import type { ClinicProfile } from '../../../../shared/api/settings'
import { langLabel } from '../../../../shared/handouts/languages'
import { handoutPaths } from './paths'
import { PreviewPanel } from './preview-panel'
import { PrintOptions } from './print-options'
import { FrontDeskBadges, FrontDeskPanel } from './front-desk-visibility'
import { HandoutVersions } from './handout-versions'
import { ReviewBadge } from './review-badge'
import { usePrint } from './use-print-actions'
import './handouts.css'
import { Breadcrumb } from '../../components/breadcrumb'
import { useAppInfo } from '../../app/app-info'
import { ConflictNotice } from '../sync/conflict-notice'
import { ReadAloudPanel } from '../read-aloud/read-aloud-panel'

/** One handout in one language: its printed pages, print options, versions and sign-off. */
export function HandoutScreen({ id, lang }: { id: string; lang: string }) {
  const loaded = useAsync(
    async () => ({
      handout: await api.handouts.get({ id, lang }),
      profile: await api.settings.getProfile({})
    }),
    `${id}/${lang}`
  )
  useDocumentTitle(loaded.state.status === 'ready' ? loaded.state.data.handout.title : 'Handout')
  if (loaded.state.status === 'loading') return <Loading label="Opening the handout" />
  if (loaded.state.status === 'error') {
    return (
      <ErrorState
        title="This handout could not be opened"
        error={loaded.state.error}
        onRetry={loaded.reload}
      />
    )
  }
  const { handout, profile } = loaded.state.data
  return (
    <HandoutView
      key={`${handout.id}/${handout.lang}`}
      handout={handout}
      profile={profile}
      onChanged={(next) => loaded.setData({ handout: next, profile })}
    />
  )
}

function HandoutView(props: {
  handout: Handout
  profile: ClinicProfile
  onChanged: (h: Handout) => void
}) {
  const { handout, profile, onChanged } = props
  const items = [{ id: handout.id, lang: handout.lang }]
  const { choices, setChoices, ...actions } = usePrint(items, profile.defaultPaper)
  // Read-only library or front-desk mode: no editing, hiding or sign-off here.
  const { readOnly } = useAppInfo()
  return (
    <section className="screen handout" aria-labelledby="handout-title">
      <Breadcrumb items={[{ to: handoutPaths.list(), label: 'Handouts' }]} />
      <header className="handout__header">
        <h1 id="handout-title" lang={handout.lang}>
          {handout.title}
        </h1>
        <p className="handout__meta">
          {langLabel(handout.lang)} · version {handout.version}{' '}
          <ReviewBadge status={handout.reviewStatus} />
          {handout.isBuiltin && <span className="badge badge--builtin">Built-in</span>}
          {handout.isModified && <span className="badge badge--edited">Edited by the clinic</span>}
          <FrontDeskBadges optional={handout.optional} hidden={handout.hiddenFromFrontDesk} />
        </p>
        <nav className="handout__langs" aria-label="Languages">
          {handout.langs.map((l) => (
            <Link
              key={l.lang}
              to={handoutPaths.handout(handout.id, l.lang)}
              className={l.lang === handout.lang ? 'chip chip--active' : 'chip'}
              aria-current={l.lang === handout.lang ? 'page' : undefined}
              lang={l.lang}
            >
              {langLabel(l.lang)}
              {l.reviewStatus === 'needs-review' ? ' (needs review)' : ''}
            </Link>
          ))}
          {!readOnly && (
            <Link to={handoutPaths.addLanguage(handout.id)} className="chip">
              + Add a language
            </Link>
          )}
        </nav>
      </header>
      <ConflictNotice
        kind="handout"
        itemId={`${handout.id}/${handout.lang}`}
        shownVersion={handout.version}
        // The versions list is in the panel that front-desk mode does not show.
        historyTo={readOnly ? undefined : () => handoutPaths.versions(handout.id, handout.lang)}
        historyLabel="See both versions"
        readOnly={readOnly}
      />
      {handout.reviewStatus === 'needs-review' && (
        <div className="notice notice--warning" role="note">
          <p>
            <strong>Needs clinic review.</strong> This translation has not been checked by someone
            at the clinic yet. Read it, then approve it below.
          </p>
        </div>
      )}
      {handout.builtinUpdateAvailable && (
        <div className="notice notice--info" role="note">
          <p>
            A newer built-in text of this handout is available. Your edits were kept; use “Reset to
            built-in” to take it.
          </p>
        </div>
      )}
      <div className="handout__layout">
        <div className="handout__side">
          <section className="panel" aria-labelledby="print-title">
            <h2 id="print-title">Print</h2>
            <PrintOptions
              value={choices}
              onChange={setChoices}
              practitioners={profile.practitioners}
              idPrefix="handout"
            />
            <div className="toolbar">
              <button
                type="button"
                className="button button--primary"
                onClick={() => void actions.print()}
                disabled={actions.busy}
              >
                Print
              </button>
              <button
                type="button"
                className="button"
                onClick={() => void actions.savePdf()}
                disabled={actions.busy}
              >
                Save as PDF
              </button>
            </div>
            {actions.state.status === 'error' && (
              <p className="field__error" role="alert">
                {actions.state.message}
              </p>
            )}
          </section>
          <ReadAloudPanel
            handout={handout}
            profile={profile}
            practitioner={choices.practitioner}
            patientName={choices.patientName}
          />
          {!readOnly && <FrontDeskPanel handout={handout} onChanged={onChanged} />}
          {!readOnly && <ManagePanel handout={handout} onChanged={onChanged} />}
        </div>
        <PreviewPanel
          items={items}
          paper={choices.paper}
          largePrint={choices.largePrint}
          patientName={choices.patientName}
          practitioner={choices.practitioner}
          label={`Preview of ${handout.title}`}
        />
      </div>
    </section>
  )
}

function ManagePanel({
  handout,
  onChanged
}: {
  handout: Handout
  onChanged: (h: Handout) => void
}) {
  const confirm = useConfirm()
  const toast = useToast()
  const [by, setBy] = useState('')
  const [on, setOn] = useState(() => new Date().toISOString().slice(0, 10))
  const [error, setError] = useState<string | null>(null)

  const approve = async () => {
    setError(null)
    try {
      const next = await api.handouts.approve({
        id: handout.id,
        lang: handout.lang,
        version: handout.version,
        by,
        on
      })
      onChanged(next)
      toast({ message: `Approved: version ${next.version} prints “approved by ${by} on ${on}”.` })
    } catch (e) {
      setError(errorMessage(e))
    }
  }
  const reset = async () => {
    const ok = await confirm({
      title: 'Reset to the built-in text?',
      message: (
        <p>The built-in text becomes a new version. Your edited versions stay in the history.</p>
      ),
      confirmLabel: 'Reset to built-in'
    })
    if (!ok) return
    try {
      onChanged(await api.handouts.resetToBuiltin({ id: handout.id, lang: handout.lang }))
      toast({ message: 'The built-in text is back, as a new version.' })
    } catch (e) {
      toast({ message: errorMessage(e), tone: 'error' })
    }
  }

  return (
    <section className="panel" aria-labelledby="manage-title">
      <h2 id="manage-title">Text and sign-off</h2>
      <div className="toolbar">
        <Link className="button" to={handoutPaths.edit(handout.id, handout.lang)}>
          Edit text
        </Link>
        {handout.isBuiltin && (handout.isModified || handout.builtinUpdateAvailable) && (
          <button type="button" className="button" onClick={() => void reset()}>
            Reset to built-in
          </button>
        )}
      </div>
      {handout.approval ? (
        <p>
          Approved by {handout.approval.by} on {handout.approval.on} (printed in the footer).
        </p>
      ) : (
        <form
          className="approve-form"
          onSubmit={(event) => {
            event.preventDefault()
            void approve()
          }}
        >
          <p className="muted">Optional: a sign-off printed in the footer of this version.</p>
          <div className="field">
            <label htmlFor="approve-by">Approved by</label>
            <input
              id="approve-by"
              value={by}
              maxLength={120}
              onChange={(e) => setBy(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="approve-on">On</label>
            <input
              id="approve-on"
              type="date"
              value={on}
              onChange={(e) => setOn(e.target.value)}
              required
            />
          </div>
          <button type="submit" className="button">
            Approve version {handout.version}
          </button>
          {error && (
            <p className="field__error" role="alert">
              {error}
            </p>
          )}
        </form>
      )}
      <HandoutVersions handout={handout} />
    </section>
  )
}
