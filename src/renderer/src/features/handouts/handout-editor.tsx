import { useMemo, useRef, useState } from 'react'
import { ErrorState, Loading } from '../../components/states'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { Link } from '../../lib/link'
import { navigate } from '../../lib/router'
import { useAsync } from '../../lib/use-async'
import { useDebounced } from '../../lib/use-debounced'
import { useDocumentTitle } from '../../lib/use-document-title'
import { useUnsavedGuard } from '../editor/use-unsaved-guard'
import { HANDOUT_FIELDS, checkFields } from '../../../../shared/handouts/fields'
import {
  BUILTIN_HANDOUT_LANGS,
  LANG_TAG_RE,
  langLabel
} from '../../../../shared/handouts/languages'
import { measureReadability } from '../../../../shared/handouts/readability'
import type { Handout } from '../../../../shared/api/handouts'
import { handoutPaths } from './paths'
import { PreviewPanel } from './preview-panel'
import { ReadabilityMeter } from './readability-meter'
import './handouts.css'
import { Breadcrumb } from '../../components/breadcrumb'
import { useAppInfo } from '../../app/app-info'
import { ConflictNotice } from '../sync/conflict-notice'

export type EditorMode =
  | { readonly kind: 'edit'; readonly id: string; readonly lang: string }
  | { readonly kind: 'create' }
  | { readonly kind: 'add-language'; readonly id: string }

/** Loads what the editor starts from, then hands over to the form. */
export function HandoutEditorScreen({ mode }: { mode: EditorMode }) {
  const key =
    mode.kind === 'edit'
      ? `edit/${mode.id}/${mode.lang}`
      : mode.kind === 'create'
        ? 'create'
        : `add/${mode.id}`
  const loaded = useAsync(async () => {
    const profile = await api.settings.getProfile({})
    if (mode.kind === 'edit')
      return { base: await api.handouts.get({ id: mode.id, lang: mode.lang }), profile }
    if (mode.kind === 'add-language') {
      const list = await api.handouts.list({})
      const handout = list.find((h) => h.id === mode.id)
      const first = handout?.langs.find((l) => l.lang === 'en') ?? handout?.langs[0]
      const base = first ? await api.handouts.get({ id: mode.id, lang: first.lang }) : null
      return { base, profile }
    }
    return { base: null, profile }
  }, key)
  if (loaded.state.status === 'loading') return <Loading label="Opening the editor" />
  if (loaded.state.status === 'error') {
    return (
      <ErrorState
        title="The editor could not be opened"
        error={loaded.state.error}
        onRetry={loaded.reload}
      />
    )
  }
  return (
    <HandoutEditor
      key={key}
      mode={mode}
      base={loaded.state.data.base}
      defaultPaper={loaded.state.data.profile.defaultPaper}
    />
  )
}

function HandoutEditor(props: {
  mode: EditorMode
  base: Handout | null
  defaultPaper: 'letter' | 'a4'
}) {
  const { mode, base } = props
  const editing = mode.kind === 'edit'
  const [title, setTitle] = useState(
    editing ? (base?.title ?? '') : mode.kind === 'add-language' ? '' : ''
  )
  const [summary, setSummary] = useState(editing ? (base?.summary ?? '') : '')
  // A new language starts from the source text, to translate in place.
  const [body, setBody] = useState(base?.body ?? '')
  const [lang, setLang] = useState(editing ? mode.lang : mode.kind === 'add-language' ? '' : 'en')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const bodyRef = useRef<HTMLTextAreaElement>(null)
  const { readOnly } = useAppInfo()

  const dirty = editing
    ? title !== base?.title || summary !== base?.summary || body !== base?.body
    : title !== '' || body !== (base?.body ?? '')
  const { withoutGuard } = useUnsavedGuard(dirty && !saving, 'this handout')
  useDocumentTitle(editing ? `Edit: ${base?.title ?? ''}` : 'New handout text')

  const problems = useMemo(() => checkFields(body), [body])
  const settledBody = useDebounced(body, 300)
  const readability = useMemo(
    () => measureReadability(settledBody, lang || 'en'),
    [settledBody, lang]
  )
  const langValid = LANG_TAG_RE.test(lang)
  const existingLangs = base?.langs.map((l) => l.lang) ?? []
  const previewId = mode.kind === 'create' ? 'new-handout' : mode.id

  const insertField = (field: string) => {
    const area = bodyRef.current
    const token = `{{${field}}}`
    if (area === null) {
      setBody((b) => b + token)
      return
    }
    const start = area.selectionStart
    const end = area.selectionEnd
    const next = body.slice(0, start) + token + body.slice(end)
    setBody(next)
    requestAnimationFrame(() => {
      area.focus()
      area.setSelectionRange(start + token.length, start + token.length)
    })
  }

  const save = async () => {
    setError(null)
    if (problems.length > 0) {
      setError(problems.map((p) => p.message).join(' '))
      return
    }
    setSaving(true)
    try {
      const saved = await withoutGuard(async () => {
        const result =
          mode.kind === 'edit'
            ? await api.handouts.save({
                id: mode.id,
                lang: mode.lang,
                title,
                summary,
                body,
                baseVersion: base?.version ?? 1
              })
            : mode.kind === 'add-language'
              ? await api.handouts.addLanguage({ id: mode.id, lang, title, summary, body })
              : await api.handouts.create({ title, summary, body, lang })
        await navigate(handoutPaths.handout(result.id, result.lang))
        return result
      })
      void saved
    } catch (e) {
      setError(errorMessage(e))
      setSaving(false)
    }
  }

  return (
    <section className="screen handout-editor" aria-labelledby="editor-title">
      <Breadcrumb
        items={[
          { to: handoutPaths.list(), label: 'Handouts' },
          ...(base ? [{ to: handoutPaths.handout(base.id, base.lang), label: base.title }] : [])
        ]}
      />
      <h1 id="editor-title">
        {mode.kind === 'edit'
          ? `Edit (${langLabel(mode.lang)})`
          : mode.kind === 'add-language'
            ? 'Add a language'
            : 'New handout'}
      </h1>
      {mode.kind === 'edit' && base !== null && (
        <ConflictNotice
          kind="handout"
          itemId={`${base.id}/${base.lang}`}
          shownVersion={base.version}
          historyTo={() => handoutPaths.versions(base.id, base.lang)}
          historyLabel="See both versions"
          readOnly={readOnly}
        />
      )}
      <form
        className="handout-editor__layout"
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        <div className="handout-editor__fields">
          {mode.kind !== 'edit' && (
            <div className="field">
              <label htmlFor="handout-lang">Language</label>
              <input
                id="handout-lang"
                list="handout-lang-options"
                value={lang}
                onChange={(e) => setLang(e.target.value.trim())}
                aria-describedby="handout-lang-hint"
                aria-invalid={lang !== '' && !langValid}
                required
              />
              <datalist id="handout-lang-options">
                {[...BUILTIN_HANDOUT_LANGS, 'es', 'pa', 'tl', 'vi', 'ko', 'fa', 'ar']
                  .filter((l) => !existingLangs.includes(l))
                  .map((l) => (
                    <option key={l} value={l}>
                      {langLabel(l)}
                    </option>
                  ))}
              </datalist>
              <p className="field__hint" id="handout-lang-hint">
                A language tag such as es, pa or zh-Hans
                {lang && langValid ? `: ${langLabel(lang)}` : ''}.
                {mode.kind === 'add-language' &&
                  ' New translations show “needs clinic review” until approved.'}
              </p>
            </div>
          )}
          <div className="field">
            <label htmlFor="handout-title-input">Title</label>
            <input
              id="handout-title-input"
              value={title}
              maxLength={200}
              onChange={(e) => setTitle(e.target.value)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor="handout-summary">Summary (one sentence, not printed)</label>
            <input
              id="handout-summary"
              value={summary}
              maxLength={400}
              onChange={(e) => setSummary(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor="handout-body">Text</label>
            {/* Beside the field's name, not below 22 rows of text where it went unseen. */}
            <div id="handout-field-problems" aria-live="polite">
              {problems.map((p) => (
                <p key={`${p.line}-${p.field}`} className="field__error">
                  {p.message}
                </p>
              ))}
            </div>
            <textarea
              id="handout-body"
              ref={bodyRef}
              value={body}
              rows={22}
              onChange={(e) => setBody(e.target.value)}
              aria-describedby="handout-fields-help handout-field-problems"
              aria-invalid={problems.length > 0}
              spellCheck
              lang={lang || undefined}
            />
          </div>
          <div id="handout-fields-help" className="field-chips">
            <span className="muted">Insert a field:</span>
            {HANDOUT_FIELDS.map((f) => (
              <button key={f} type="button" className="chip" onClick={() => insertField(f)}>
                {`{{${f}}}`}
              </button>
            ))}
          </div>
          <ReadabilityMeter report={readability} />
          {error && (
            <div className="notice notice--error" role="alert">
              <p>{error}</p>
            </div>
          )}
          <div className="toolbar">
            <button
              type="submit"
              className="button button--primary"
              disabled={saving || (mode.kind !== 'edit' && !langValid)}
            >
              {editing ? `Save as version ${(base?.version ?? 0) + 1}` : 'Save'}
            </button>
            <Link
              className="button button--quiet"
              to={base ? handoutPaths.handout(base.id, base.lang) : handoutPaths.list()}
            >
              Cancel
            </Link>
          </div>
        </div>
        {!editing && (title.trim() === '' || body.trim() === '' || !langValid) ? (
          <p className="preview-panel muted">
            The printed pages appear here once there is a title and some text.
          </p>
        ) : (
          <PreviewPanel
            items={[{ id: previewId, lang: langValid ? lang : 'en' }]}
            paper={props.defaultPaper}
            largePrint={false}
            draft={
              title.trim() !== '' && body.trim() !== ''
                ? { id: previewId, lang: langValid ? lang : 'en', title, summary, body }
                : undefined
            }
            label="Live preview of the printed pages"
          />
        )}
      </form>
    </section>
  )
}
