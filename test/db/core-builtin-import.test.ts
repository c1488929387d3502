import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listBackups } from '../../src/main/core'
import {
  apiErrorOf,
  call,
  draft,
  HOUR,
  openTestLibrary,
  tempDir,
  writeBuiltinArticle
} from './helpers'
import { libraryInternals } from '../../src/main/core/library'

function resources(): string {
  const dir = tempDir('pointbook-resources-')
  writeBuiltinArticle(dir, {
    id: 'twitch-response',
    title: 'The local twitch response',
    tags: ['ims', 'twitch'],
    body: 'The muscle may twitch. See [basics](article:needling-basics).'
  })
  writeBuiltinArticle(dir, {
    id: 'needling-basics',
    title: 'Needling basics',
    category: 'acupuncture'
  })
  return dir
}

describe('built-in articles', () => {
  it('imports every shipped article on first run', async () => {
    const { library, warnings } = openTestLibrary({ resourcesDir: resources() })
    expect(warnings).toEqual([])
    const list = await call(library, 'articles:list', {})
    expect(list.map((a) => [a.id, a.isBuiltin, a.isModified])).toEqual([
      ['needling-basics', true, false],
      ['twitch-response', true, false]
    ])
    const article = await call(library, 'articles:get', { id: 'twitch-response' })
    expect(article).toMatchObject({
      revision: 1,
      category: 'ims',
      tags: ['ims', 'twitch'],
      summary: 'Summary of twitch-response.',
      builtinUpdateAvailable: false,
      links: { outgoing: [{ id: 'needling-basics', title: 'Needling basics' }], incoming: [] }
    })
    expect(article.references[0]).toMatchObject({ authors: 'Gunn CC', year: 1996 })
    expect(await call(library, 'articles:revisions', { id: 'twitch-response' })).toEqual([
      {
        revision: 1,
        title: 'The local twitch response',
        savedAt: '2025-03-01T09:00:00.000Z',
        source: 'builtin'
      }
    ])
    expect((await call(library, 'search:query', { q: 'twitch' })).hits.map((h) => h.id)).toEqual([
      'twitch-response'
    ])
  })

  it('skips bad files with a warning and imports the rest', async () => {
    const dir = resources()
    const articles = join(dir, 'content', 'articles')
    writeFileSync(join(articles, 'no-front-matter.md'), 'Just text.')
    writeFileSync(join(articles, 'bad-yaml.md'), '---\ntitle: [oops\n---\nBody')
    writeFileSync(
      join(articles, 'no-references.md'),
      '---\nid: no-references\ntitle: T\ncategory: ims\ntags: []\nsummary: S.\ncontentVersion: 1\nreferences: []\n---\nBody'
    )
    writeBuiltinArticle(dir, { id: 'bad-category', category: 'astrology' })
    writeBuiltinArticle(dir, { id: 'wrong-name' })
    writeFileSync(
      join(articles, 'renamed.md'),
      readFileSync(join(articles, 'wrong-name.md'), 'utf8')
    )
    const { library, warnings } = openTestLibrary({ resourcesDir: dir })
    expect(warnings).toHaveLength(5)
    expect(warnings.join('\n')).toMatch(
      /no-front-matter\.md was skipped\. The file must start with front matter/
    )
    expect(warnings.join('\n')).toMatch(
      /bad-yaml\.md was skipped\. The front matter is not valid YAML/
    )
    expect(warnings.join('\n')).toMatch(
      /no-references\.md was skipped\. .*references: At least one reference/
    )
    expect(warnings.join('\n')).toMatch(/bad-category\.md was skipped\. .*category/)
    expect(warnings.join('\n')).toMatch(
      /renamed\.md was skipped\. Its id "wrong-name" must match its file name "renamed"/
    )
    expect((await call(library, 'articles:list', {})).map((a) => a.id)).toEqual([
      'needling-basics',
      'twitch-response',
      'wrong-name'
    ])
  })

  it('applies a newer version to an unedited article, after a backup', async () => {
    const dir = resources()
    const first = openTestLibrary({ resourcesDir: dir })
    writeBuiltinArticle(dir, {
      id: 'needling-basics',
      title: 'Needling basics',
      category: 'acupuncture',
      contentVersion: 2,
      body: 'Updated text.'
    })
    first.clock.advance(HOUR)
    const { library, dataDir } = first.reopen()
    const article = await call(library, 'articles:get', { id: 'needling-basics' })
    expect(article).toMatchObject({
      revision: 2,
      body: 'Updated text.',
      isModified: false,
      builtinUpdateAvailable: false
    })
    expect((await call(library, 'articles:revisions', { id: 'needling-basics' }))[0]?.source).toBe(
      'builtin'
    )
    expect(listBackups(dataDir).map((b) => b.reason)).toContain('pre-import')
  })

  it('keeps the clinic’s edits when a newer version ships, flags it, and resets on request', async () => {
    const dir = resources()
    const first = openTestLibrary({ resourcesDir: dir })
    await call(first.library, 'articles:update', {
      ...draft('Needling basics', 'Our own text.', {
        category: 'acupuncture',
        tags: ['ims'],
        summary: 'Summary of needling-basics.'
      }),
      id: 'needling-basics',
      baseRevision: 1
    })
    expect((await call(first.library, 'articles:get', { id: 'needling-basics' })).isModified).toBe(
      true
    )
    writeBuiltinArticle(dir, {
      id: 'needling-basics',
      title: 'Needling basics v2',
      category: 'acupuncture',
      contentVersion: 2,
      body: 'Shipped v2.'
    })
    const second = first.reopen()
    const kept = await call(second.library, 'articles:get', { id: 'needling-basics' })
    expect(kept).toMatchObject({
      revision: 2,
      body: 'Our own text.',
      isModified: true,
      builtinUpdateAvailable: true
    })
    expect(listBackups(second.dataDir).map((b) => b.reason)).not.toContain('pre-import')

    const reset = await call(second.library, 'articles:resetToBuiltin', { id: 'needling-basics' })
    expect(reset).toMatchObject({
      revision: 3,
      title: 'Needling basics v2',
      body: 'Shipped v2.',
      isModified: false,
      builtinUpdateAvailable: false
    })
    expect(
      (await call(second.library, 'articles:revisions', { id: 'needling-basics' }))[0]?.source
    ).toBe('reset')
    // Nothing more to do on the next start.
    const third = second.reopen()
    expect((await call(third.library, 'articles:get', { id: 'needling-basics' })).revision).toBe(3)
  })

  it('writes nothing when started again without changes', async () => {
    const dir = resources()
    const first = openTestLibrary({ resourcesDir: dir })
    const before = libraryInternals(first.library)
      .db.prepare('SELECT count(*) FROM article_revisions')
      .pluck()
      .get()
    const second = first.reopen()
    expect(
      libraryInternals(second.library)
        .db.prepare('SELECT count(*) FROM article_revisions')
        .pluck()
        .get()
    ).toBe(before)
  })

  it('refuses to reset an article written in the clinic', async () => {
    const { library } = openTestLibrary()
    const mine = await call(library, 'articles:create', draft('Our protocol'))
    const error = await apiErrorOf(call(library, 'articles:resetToBuiltin', { id: mine.id }))
    expect(error.code).toBe('not_found')
    expect(error.message).toMatch(/no built-in text/)
  })

  it('leaves a clinic article alone when a built-in one later ships with the same id', async () => {
    const dir = tempDir('pointbook-resources-')
    const first = openTestLibrary({ resourcesDir: dir })
    const mine = await call(first.library, 'articles:create', draft('Cupping', 'Our notes.'))
    writeBuiltinArticle(dir, { id: mine.id, title: 'Cupping (built-in)' })
    const { library, warnings } = first.reopen()
    expect((await call(library, 'articles:get', { id: mine.id })).body).toBe('Our notes.')
    expect(warnings.join('\n')).toMatch(/cupping\.md was not installed/)
  })

  it('warns about a built-in article linking to one that does not exist', () => {
    const dir = tempDir('pointbook-resources-')
    writeBuiltinArticle(dir, { id: 'lonely', body: 'See [x](article:missing-one).' })
    const { warnings } = openTestLibrary({ resourcesDir: dir })
    expect(warnings).toEqual([
      'The built-in article lonely.md links to "article:missing-one", which does not exist.'
    ])
  })

  it('imports the real built-in articles without a warning', async () => {
    // The shipped articles are part of the app: missing ones fail here, they are never skipped.
    const realArticles = resolve(__dirname, '../../resources/content/articles')
    expect(existsSync(realArticles), `${realArticles} is missing`).toBe(true)
    const realFiles = readdirSync(realArticles).filter((f) => f.endsWith('.md'))
    expect(realFiles.length, `no .md article in ${realArticles}`).toBeGreaterThan(0)
    const { library, warnings } = openTestLibrary({
      resourcesDir: resolve(__dirname, '../../resources')
    })
    expect(warnings).toEqual([])
    const ids = (await call(library, 'articles:list', {})).map((a) => `${a.id}.md`)
    expect(ids.sort()).toEqual([...realFiles].sort())
  })
})
