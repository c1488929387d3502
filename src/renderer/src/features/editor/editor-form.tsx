import { useEffect, useRef, useState } from 'react'
import type { Article } from '../../../../shared/api/articles'
import { useConfirm } from '../../components/confirm'
import { useToast } from '../../components/toast'
import { api } from '../../lib/api'
import { errorMessage } from '../../lib/errors'
import { isModKey, MOD_LABEL } from '../../lib/keys'
import { navigate } from '../../lib/router'
import { useDebounced } from '../../lib/use-debounced'
import { useArticleCommands } from '../article/use-article-commands'
import { paths } from '../library/paths'
import { MarkdownView } from '../rendering/markdown-view'
import { ConflictNotice } from './conflict-notice'
import { ErrorSummary } from './error-summary'
import { Field, MetaFields } from './editor-fields'
import { useSaveArticle } from './use-save-article'
import { useUnsavedGuard } from './use-unsaved-guard'
import type { FormValues } from './validation'

const PREVIEW_DELAY_MS = 400

function valuesOf(article: Article | null): FormValues {
  return {
    title: article?.title ?? '',
    category: article?.category ?? 'acupuncture',
    tagsText: article?.tags.join(', ') ?? '',
    summary: article?.summary ?? '',
    body: article?.body ?? ''
  }
}

const same = (a: FormValues, b: FormValues) =>
  a.title === b.title &&
  a.category === b.category &&
  a.tagsText === b.tagsText &&
  a.summary === b.summary &&
  a.body === b.body

/** The article editor: fields, markdown with a live preview, save/cancel, and every guard. */
export function EditorForm({ article }: { article: Article | null }) {
  const [baseline, setBaseline] = useState(() => valuesOf(article))
  const [values, setValues] = useState(baseline)
  const [baseRevision, setBaseRevision] = useState(article?.revision ?? null)
  const dirty = !same(values, baseline)
  const { withoutGuard } = useUnsavedGuard(dirty)
  const { save, saving, errors, formError, conflict, clearConflict } = useSaveArticle(
    article?.id ?? null
  )
  const confirm = useConfirm()
  const toast = useToast()
  const preview = useDebounced(values.body, PREVIEW_DELAY_MS)
  const summaryRef = useRef<HTMLDivElement>(null)
  const saveRef = useRef<() => void>(() => undefined)
  const commands = useArticleCommands(article ?? placeholderArticle, () => undefined)
  const isNew = article === null
  const cancelTo = isNew ? paths.library() : paths.article(article.id)

  const submit = async (base: number | null = baseRevision) => {
    if (saving) return
    const outcome = await save(values, base)
    if (outcome.kind === 'invalid') {
      summaryRef.current?.focus()
      return
    }
    if (outcome.kind !== 'saved') return
    setBaseline(values)
    toast({ message: `Saved “${outcome.article.title}”.` })
    await withoutGuard(() => navigate(paths.article(outcome.article.id), { replace: true }))
  }

  useEffect(() => {
    saveRef.current = () => void submit()
  })

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isModKey(event) && !event.altKey && event.key.toLowerCase() === 's') {
        event.preventDefault()
        saveRef.current()
      }
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [])

  const overwrite = async () => {
    if (!article) return
    try {
      const latest = await api.articles.get({ id: article.id })
      setBaseRevision(latest.revision)
      await submit(latest.revision)
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    }
  }

  const discardAndReload = async () => {
    if (!article) return
    const ok = await confirm({
      title: 'Discard your changes?',
      message: <p>Your unsaved text is replaced by the latest saved version of the article.</p>,
      confirmLabel: 'Discard mine',
      danger: true
    })
    if (!ok) return
    try {
      const latest = await api.articles.get({ id: article.id })
      const fresh = valuesOf(latest)
      setBaseline(fresh)
      setValues(fresh)
      setBaseRevision(latest.revision)
      clearConflict()
    } catch (error) {
      toast({ message: errorMessage(error), tone: 'error' })
    }
  }

  const moveToBin = async () => {
    if (dirty) {
      const ok = await confirm({
        title: 'Move to the bin and discard your changes?',
        message: <p>The article goes to the bin (you can restore it); unsaved changes are lost.</p>,
        confirmLabel: 'Move to bin',
        danger: true
      })
      if (!ok) return
    }
    await withoutGuard(commands.moveToBin)
  }

  const change = (patch: Partial<FormValues>) => setValues((v) => ({ ...v, ...patch }))

  return (
    <section className="screen editor" aria-labelledby="editor-title">
      <div className="screen__header">
        <div>
          <h1 id="editor-title">{isNew ? 'New article' : `Edit: ${article.title}`}</h1>
          <p className="screen__subtitle">
            {dirty ? 'Unsaved changes' : 'No unsaved changes'} · {MOD_LABEL}+S saves
          </p>
        </div>
        <div className="screen__actions">
          <button type="button" className="button" onClick={() => void navigate(cancelTo)}>
            Cancel
          </button>
          <button
            type="button"
            className="button button--primary"
            disabled={saving}
            aria-keyshortcuts="Control+S Meta+S"
            onClick={() => void submit()}
          >
            {saving ? 'Saving…' : 'Save'}
          </button>
        </div>
      </div>

      {conflict && (
        <ConflictNotice
          message={conflict}
          busy={saving}
          onOverwrite={() => void overwrite()}
          onDiscard={() => void discardAndReload()}
        />
      )}
      <ErrorSummary ref={summaryRef} errors={errors} />
      {formError && (
        <div className="notice notice--error" role="alert">
          <p>
            <strong>The article was not saved.</strong> {formError} Your text is still here.
          </p>
        </div>
      )}

      <form className="editor__form" onSubmit={(e) => e.preventDefault()} aria-label="Article">
        <MetaFields values={values} errors={errors} onChange={change} />
        <div className="editor__panes">
          <Field
            name="body"
            label="Text (Markdown)"
            hint="Link another article with [its title](article:its-id). Diagrams: ```mermaid blocks."
            error={errors.body}
          >
            {({ id, describedBy, invalid }) => (
              <textarea
                id={id}
                className="editor__body"
                value={values.body}
                spellCheck
                aria-invalid={invalid}
                aria-describedby={describedBy}
                onChange={(e) => change({ body: e.target.value })}
              />
            )}
          </Field>
          <div className="editor__preview">
            <h2 className="editor__preview-title">Preview</h2>
            <MarkdownView markdown={preview} label="Preview" persistDiagrams={false} />
          </div>
        </div>
      </form>

      {!isNew && (
        <div className="editor__footer">
          <button
            type="button"
            className="button button--quiet button--danger-text"
            disabled={commands.busy}
            onClick={() => void moveToBin()}
          >
            Move to bin
          </button>
        </div>
      )}
    </section>
  )
}

// useArticleCommands needs an article; a new one has none yet (its actions are not shown).
const placeholderArticle = {
  id: 'new',
  title: '',
  category: 'acupuncture',
  tags: [],
  summary: '',
  updatedAt: '',
  isBuiltin: false,
  isModified: false,
  deletedAt: null,
  body: '',
  references: [],
  revision: 1,
  links: { outgoing: [], incoming: [] },
  builtinUpdateAvailable: false
} satisfies Article
