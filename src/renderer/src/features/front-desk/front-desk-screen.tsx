import { useCallback, useMemo, useState } from 'react'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { Link } from '../../lib/link'
import { useAsync } from '../../lib/use-async'
import { useDocumentTitle } from '../../lib/use-document-title'
import type { FrontDesk as FrontDeskOffer } from '../../../../shared/api/handouts'
import type { ClinicProfile } from '../../../../shared/api/settings'
import { BUILTIN_HANDOUT_LANGS, langLabel } from '../../../../shared/handouts/languages'
import { handoutPaths } from '../handouts/paths'
import { PreviewPanel } from '../handouts/preview-panel'
import { PrintOptions } from '../handouts/print-options'
import { usePrint } from '../handouts/use-print-actions'
import { FrontDeskActions } from './front-desk-actions'
import { useLibrarySynced } from '../clinic-network/use-library-synced'
import '../handouts/handouts.css'
import './front-desk.css'

type Choice = { readonly kind: 'pack' | 'handout'; readonly id: string }

/**
 * The front desk: choose a pack or a handout, a language, and print. From opening the app on
 * this screen to the print dialog is two clicks (choice, Print); a language other than the
 * clinic's default is one more.
 */
export function FrontDeskScreen() {
  useDocumentTitle('Front desk')
  const loaded = useAsync(loadFrontDesk, 'front-desk')
  // A handout approved on another computer of the clinic shows here as soon as it arrives (in
  // place: what the desk has chosen stays chosen).
  const { setData } = loaded
  useLibrarySynced(
    useCallback(() => void loadFrontDesk().then(setData, () => undefined), [setData])
  )
  if (loaded.state.status === 'loading') return <Loading label="Opening the front desk" />
  if (loaded.state.status === 'error') {
    return (
      <ErrorState
        title="The front desk could not be opened"
        error={loaded.state.error}
        onRetry={loaded.reload}
      />
    )
  }
  return <FrontDesk desk={loaded.state.data.desk} profile={loaded.state.data.profile} />
}

const loadFrontDesk = async () => ({
  desk: await api.handouts.frontDesk({}),
  profile: await api.settings.getProfile({})
})

/** What the core offers at the front desk: handouts the clinic hid are not in `desk`. */
function FrontDesk({ desk, profile }: { desk: FrontDeskOffer; profile: ClinicProfile }) {
  const { handouts, packs } = desk
  const byId = useMemo(() => new Map(handouts.map((h) => [h.id, h])), [handouts])
  const allLangs = useMemo(() => {
    const found = new Set(handouts.flatMap((h) => h.langs.map((l) => l.lang)))
    const builtins = BUILTIN_HANDOUT_LANGS.filter((l) => found.has(l))
    return [...builtins, ...[...found].filter((l) => !(builtins as string[]).includes(l)).sort()]
  }, [handouts])
  const [choice, setChoice] = useState<Choice | null>(null)
  const [lang, setLang] = useState(
    allLangs.includes(profile.defaultLang) ? profile.defaultLang : 'en'
  )
  const [showPreview, setShowPreview] = useState(false)

  const ids =
    choice === null
      ? []
      : choice.kind === 'pack'
        ? (packs.find((p) => p.id === choice.id)?.handoutIds ?? [])
        : [choice.id]
  const has = (id: string, l: string) => byId.get(id)?.langs.some((x) => x.lang === l) ?? false
  const available = (l: string) => ids.length === 0 || ids.every((id) => has(id, l))
  const items = ids.filter((id) => has(id, lang)).map((id) => ({ id, lang }))
  const ready = ids.length > 0 && items.length === ids.length
  const needsReview = items
    .map((i) => byId.get(i.id)?.langs.find((l) => l.lang === lang))
    .filter((l) => l?.reviewStatus === 'needs-review')
    .map((l) => l?.title ?? '')
  const { choices, setChoices, ...actions } = usePrint(items, profile.defaultPaper, {
    notify: false
  })
  const titleOf = (id: string) =>
    byId.get(id)?.langs.find((l) => l.lang === lang)?.title ?? byId.get(id)?.title ?? id

  const pick = (next: Choice) => {
    setChoice(next)
    const nextIds =
      next.kind === 'pack' ? (packs.find((p) => p.id === next.id)?.handoutIds ?? []) : [next.id]
    if (!nextIds.every((id) => has(id, lang))) setLang('en')
  }

  return (
    <section className="screen front-desk" aria-labelledby="front-desk-title">
      <header className="front-desk__header">
        <h1 id="front-desk-title">Front desk</h1>
        <p className="muted">Choose what to hand out, then print or save it as a PDF.</p>
        {!profile.isSet && (
          <p className="notice notice--warning">
            The clinic’s name and phone number are not set yet, so handouts print “Your clinic”.{' '}
            <Link to={handoutPaths.settings()}>Set up the clinic profile</Link>
          </p>
        )}
      </header>

      <div className="front-desk__grid">
        <div className="front-desk__choose">
          <h2 id="packs-title">Packs</h2>
          <div className="big-choices" role="group" aria-labelledby="packs-title">
            {packs.map((pack) => (
              <button
                key={pack.id}
                type="button"
                className="big-choice big-choice--pack"
                aria-pressed={choice?.kind === 'pack' && choice.id === pack.id}
                onClick={() => pick({ kind: 'pack', id: pack.id })}
              >
                <span className="big-choice__title">{pack.label}</span>
                <span className="big-choice__detail">
                  {pack.handoutIds.length} handouts: {pack.description}
                </span>
              </button>
            ))}
          </div>
          <h2 id="singles-title">Single handouts</h2>
          <div className="big-choices" role="group" aria-labelledby="singles-title">
            {handouts.map(({ id }) => (
              <button
                key={id}
                type="button"
                className="big-choice"
                aria-pressed={choice?.kind === 'handout' && choice.id === id}
                onClick={() => pick({ kind: 'handout', id })}
              >
                <span className="big-choice__title" lang={has(id, lang) ? lang : 'en'}>
                  {titleOf(id)}
                </span>
              </button>
            ))}
          </div>
          <p className="muted front-desk__hidden-note">
            {handouts.length === 0 && 'Every handout is hidden from the front desk. '}
            Hide the handouts your clinic does not use under{' '}
            <Link to={handoutPaths.list()}>Handouts</Link>.
          </p>
        </div>

        <div className="front-desk__options">
          <h2 id="lang-title">Language</h2>
          <div className="lang-choices" role="group" aria-labelledby="lang-title">
            {allLangs.map((l) => (
              <button
                key={l}
                type="button"
                className="lang-choice"
                lang={l}
                aria-pressed={lang === l}
                disabled={!available(l)}
                title={available(l) ? undefined : 'Not every chosen handout has this language'}
                onClick={() => setLang(l)}
              >
                {langLabel(l)}
              </button>
            ))}
          </div>
          {needsReview.length > 0 && (
            <p className="notice notice--warning" role="status">
              <strong>Needs clinic review:</strong> the {langLabel(lang)} text of{' '}
              {needsReview.join(', ')} has not been approved by the clinic yet.
            </p>
          )}
          <PrintOptions
            value={choices}
            onChange={setChoices}
            practitioners={profile.practitioners}
            idPrefix="desk"
          />
          <p>
            <Link to={handoutPaths.log()}>Print log</Link>
          </p>
          {ready && (
            <button
              type="button"
              className="button button--quiet"
              aria-expanded={showPreview}
              onClick={() => setShowPreview((v) => !v)}
            >
              {showPreview ? 'Hide the pages' : 'Show the pages'}
            </button>
          )}
        </div>
      </div>
      {ready && showPreview && (
        <PreviewPanel
          items={items}
          paper={choices.paper}
          largePrint={choices.largePrint}
          patientName={choices.patientName}
          practitioner={choices.practitioner}
          label="Preview of the pages to print"
        />
      )}
      <FrontDeskActions
        ready={ready}
        state={actions.state}
        busy={actions.busy}
        openError={actions.openError}
        onPrint={() => void actions.print()}
        onSavePdf={() => void actions.savePdf()}
        onOpenSaved={(action) => void actions.openSaved(action)}
      />
    </section>
  )
}
