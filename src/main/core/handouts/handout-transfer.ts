import type { ExportedHandoutText } from '../../../shared/api/transfer'
import type { Db } from '../db/sqlite'
import { handoutTextHash } from './handout-text'
import { assertFields } from './handout-ids'
import type { HandoutRepo, HandoutTextRow } from './handout-repo'

export type HandoutImportAction = 'add' | 'unchanged' | 'conflict'

export interface HandoutTransferDeps {
  readonly db: Db
  readonly repo: HandoutRepo
  /** Writes a text as a new version through the service (search included). */
  readonly write: (row: HandoutTextRow) => void
  /** Puts a text written row by row into the search index. */
  readonly index: (row: HandoutTextRow) => void
}

/**
 * The handout texts the clinic wrote or edited (its own handouts, and built-in ones with a
 * version of its own), each with every version, oldest first.
 */
export function exportHandouts(deps: HandoutTransferDeps): ExportedHandoutText[] {
  const keys = deps.db
    .prepare(
      `SELECT handout_id AS id, lang FROM handout_texts WHERE is_builtin = 0
       UNION SELECT handout_id, lang FROM handout_versions WHERE source = 'user'
       ORDER BY 1, 2`
    )
    .all() as { id: string; lang: string }[]
  const exported: ExportedHandoutText[] = []
  for (const { id, lang } of keys) {
    const text = deps.repo.text(id, lang)
    if (!text) continue
    exported.push({
      handoutId: id,
      lang,
      builtinHandout: deps.repo.isBuiltinHandout(id),
      version: text.version,
      title: text.title,
      summary: text.summary,
      body: text.body,
      referencesJson: text.referencesJson,
      reviewStatus: text.reviewStatus,
      approvedBy: text.approvedBy,
      approvedOn: text.approvedOn,
      isBuiltin: text.isBuiltin,
      updatedAt: text.updatedAt,
      versions: deps.repo
        .versions(id, lang)
        .reverse()
        .map((v) => ({
          version: v.version,
          title: v.title,
          summary: v.summary,
          body: v.body,
          reviewStatus: v.reviewStatus,
          approvedBy: v.approvedBy,
          approvedOn: v.approvedOn,
          source: v.source,
          savedAt: v.savedAt
        }))
    })
  }
  return exported
}

/** Handouts hidden from the front desk, sorted. */
export const exportHiddenHandouts = (deps: HandoutTransferDeps): string[] =>
  [...deps.repo.hiddenIds()].sort()

/** The file's hidden handouts that exist here and are shown (an import hides them too). */
export const hiddenToApply = (deps: HandoutTransferDeps, hidden: readonly string[]): string[] =>
  hidden.filter((id) => !deps.repo.isHidden(id))

/** Also refuses (invalid_input) a text with unknown or unclosed fields, as a save would. */
export function planHandout(
  deps: HandoutTransferDeps,
  text: ExportedHandoutText
): HandoutImportAction {
  assertFields(text.body)
  const local = deps.repo.text(text.handoutId, text.lang)
  if (!local) return 'add'
  return local.textHash === handoutTextHash(text) ? 'unchanged' : 'conflict'
}

/**
 * Applies one handout text inside the import's transaction: a new one exactly as exported (every
 * version); one with another text here gets the imported text as its next version, unapproved
 * (a sign-off belongs to the version it was given to).
 */
export function importHandout(
  deps: HandoutTransferDeps,
  text: ExportedHandoutText,
  now: string
): HandoutImportAction {
  const action = planHandout(deps, text)
  if (action === 'unchanged') return action
  const local = deps.repo.text(text.handoutId, text.lang)
  if (action === 'conflict' && local) {
    deps.write({
      ...local,
      title: text.title,
      summary: text.summary,
      body: text.body,
      version: deps.repo.newestVersion(text.handoutId, text.lang) + 1,
      reviewStatus: 'needs-review',
      approvedBy: null,
      approvedOn: null,
      textHash: handoutTextHash(text),
      updatedAt: now
    })
    return action
  }
  if (!deps.repo.handoutExists(text.handoutId)) {
    deps.repo.insertHandout(text.handoutId, false, text.versions[0]?.savedAt ?? now)
  }
  const row: HandoutTextRow = {
    handoutId: text.handoutId,
    lang: text.lang,
    version: text.version,
    title: text.title,
    summary: text.summary,
    body: text.body,
    referencesJson: text.referencesJson,
    reviewStatus: text.reviewStatus,
    approvedBy: text.approvedBy,
    approvedOn: text.approvedOn,
    textHash: handoutTextHash(text),
    isBuiltin: false,
    updatedAt: text.updatedAt
  }
  deps.repo.putText(row)
  for (const version of text.versions) {
    deps.repo.insertVersion({ ...version, handoutId: text.handoutId, lang: text.lang })
  }
  deps.index(row)
  return action
}
