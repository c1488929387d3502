import { existsSync, readdirSync } from 'node:fs'
import { ShippedFileError, readShippedText } from '../content/shipped-file'
import { basename, join } from 'node:path'
import type {
  BuiltinItemWriter,
  BuiltinSyncAction,
  BuiltinTracking,
  ShippedItem
} from '../content/builtin-tracking'
import { ContentFileError, parseFrontMatter } from '../content/front-matter'
import type { Db } from '../db/sqlite'
import type { WarningLogger } from '../logger'
import type { ArticleRepo } from './article-repo'
import type { ArticleService } from './article-service'
import { articleTextHash, normaliseText } from './article-text'
import * as articleContent from './builtin-article-content'
import type { BuiltinArticleContent } from './builtin-article-content'

/** The built-in tracking's kind for articles. */
export const ARTICLE_KIND = 'article'

/** Where the shipped articles live, under the resources folder. */
export const builtinArticlesDir = (resourcesDir: string): string =>
  join(resourcesDir, 'content', 'articles')

export interface SkippedFile {
  readonly file: string
  readonly reason: string
}

export interface BuiltinImportReport {
  readonly created: string[]
  readonly updated: string[]
  /** Edited by the clinic; the newer text waits for "reset to built-in". */
  readonly keptEdited: string[]
  readonly unchanged: string[]
  /** Files that could not be used, and ids the clinic already uses for its own article. */
  readonly skipped: SkippedFile[]
}

export interface BuiltinArticleImportDeps {
  readonly db: Db
  readonly articles: ArticleService
  readonly repository: ArticleRepo
  readonly tracking: BuiltinTracking
  readonly warn: WarningLogger
  /** Runs before an import that changes existing articles (the caller makes a backup). */
  readonly beforeChangingExisting: () => void
}

/**
 * Reads and validates every shipped article file. A bad file is reported and skipped; it never
 * stops the others or the app from starting. Nothing is written here (D8: validate first).
 */
export function loadBuiltinArticles(
  dir: string,
  warn: WarningLogger
): { items: ShippedItem<BuiltinArticleContent>[]; skipped: SkippedFile[] } {
  const items: ShippedItem<BuiltinArticleContent>[] = []
  const skipped: SkippedFile[] = []
  if (!existsSync(dir)) return { items, skipped }
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.md'))
    .sort()
  for (const file of files) {
    try {
      items.push(loadFile(join(dir, file)))
    } catch (error) {
      if (!(error instanceof ContentFileError)) throw error
      skipped.push({ file, reason: error.message })
      warn(`The built-in article ${file} was skipped. ${error.message}`)
    }
  }
  return { items, skipped }
}

function loadFile(path: string): ShippedItem<BuiltinArticleContent> {
  let text: string
  try {
    text = readShippedText(path)
  } catch (error) {
    if (error instanceof ShippedFileError) throw new ContentFileError(error.message)
    throw error
  }
  const { data, body } = parseFrontMatter(text, articleContent.builtinArticleFrontMatterSchema)
  const expectedId = basename(path, '.md')
  if (data.id !== expectedId) {
    throw new ContentFileError(`Its id "${data.id}" must match its file name "${expectedId}".`)
  }
  const content: BuiltinArticleContent = {
    id: data.id,
    title: data.title,
    body: body.trimEnd(),
    category: data.category,
    tags: data.tags,
    summary: data.summary,
    references: data.references
  }
  return {
    kind: ARTICLE_KIND,
    id: data.id,
    contentVersion: data.contentVersion,
    textHash: articleTextHash(normaliseText(articleContent.contentText(content))),
    content
  }
}

/**
 * First run: creates every shipped article. Upgrade: applies newer shipped text to articles the
 * clinic has not edited, and keeps the clinic's text (flagging the update) where it has.
 * Everything is applied in one transaction, after a backup when existing articles change.
 */
export function importBuiltinArticles(
  resourcesDir: string,
  deps: BuiltinArticleImportDeps
): BuiltinImportReport {
  const { items, skipped } = loadBuiltinArticles(builtinArticlesDir(resourcesDir), deps.warn)
  const writer: BuiltinItemWriter<BuiltinArticleContent> = {
    currentTextHash: (id) => deps.articles.currentTextHash(id),
    create: (content) => {
      deps.articles.commitRevision(
        content.id,
        articleContent.contentText(content),
        'builtin',
        content.references
      )
    },
    update: (content) => {
      deps.articles.commitRevision(
        content.id,
        articleContent.contentText(content),
        'builtin',
        content.references
      )
    }
  }
  if (items.some((item) => deps.tracking.plan(item, writer) === 'updated')) {
    deps.beforeChangingExisting()
  }
  const actions = deps.db.transaction(() =>
    items.map((item) => [item.id, deps.tracking.sync(item, writer)] as const)
  )()
  const report = summarise(actions, skipped)
  for (const id of actions
    .filter(([, action]) => action === 'skipped-conflict')
    .map(([id]) => id)) {
    const reason = 'The library already has an article of its own with this id; it was left alone.'
    report.skipped.push({ file: `${id}.md`, reason })
    deps.warn(`The built-in article ${id}.md was not installed. ${reason}`)
  }
  warnAboutBrokenLinks(new Set(items.map((item) => item.id)), deps)
  return report
}

function summarise(
  actions: readonly (readonly [string, BuiltinSyncAction])[],
  skipped: SkippedFile[]
): BuiltinImportReport {
  const pick = (wanted: BuiltinSyncAction): string[] =>
    actions.filter(([, action]) => action === wanted).map(([id]) => id)
  return {
    created: pick('created'),
    updated: pick('updated'),
    keptEdited: pick('kept-edited'),
    unchanged: pick('unchanged'),
    skipped: [...skipped]
  }
}

/** A shipped article linking to one that does not exist is a content bug worth a warning. */
function warnAboutBrokenLinks(
  shippedIds: ReadonlySet<string>,
  deps: BuiltinArticleImportDeps
): void {
  for (const { sourceId, targetId } of deps.repository.danglingLinks()) {
    if (shippedIds.has(sourceId)) {
      deps.warn(
        `The built-in article ${sourceId}.md links to "article:${targetId}", which does not exist.`
      )
    }
  }
}
