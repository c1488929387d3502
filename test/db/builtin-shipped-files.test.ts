import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { SHIPPED_FILE_MAX_BYTES } from '../../src/main/core/content/shipped-file'
import { call, openTestLibrary, tempDir, writeBuiltinArticle } from './helpers'

describe('built-in content files: no links followed, a size limit (issue 8)', () => {
  it('skips a link and an over-large file with a warning, imports the rest, and starts', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    const articles = join(resourcesDir, 'content', 'articles')
    writeBuiltinArticle(resourcesDir, { id: 'kept-article', title: 'Kept article' })
    // A link to an article outside the resources (it could point anywhere on the computer).
    const outside = tempDir('pointbook-outside-')
    writeBuiltinArticle(outside, { id: 'linked-article', title: 'Linked article' })
    symlinkSync(
      join(outside, 'content', 'articles', 'linked-article.md'),
      join(articles, 'linked-article.md')
    )
    // An article past the size limit (it once stopped start-up while it was parsed).
    writeBuiltinArticle(resourcesDir, {
      id: 'huge-article',
      title: 'Huge article',
      body: 'x'.repeat(SHIPPED_FILE_MAX_BYTES + 1)
    })
    const { library, warnings } = openTestLibrary({ resourcesDir })
    const titles = (await call(library, 'articles:list', {})).map((a) => a.title)
    expect(titles).toEqual(['Kept article'])
    expect(warnings.join('\n')).toMatch(/linked-article\.md was skipped\. It is a link/)
    expect(warnings.join('\n')).toMatch(/huge-article\.md was skipped\. It is 2\.0 MB/)
  })

  it('a file under the limit is read whole', async () => {
    const resourcesDir = tempDir('pointbook-resources-')
    const body = 'Long body. '.repeat(50_000)
    writeBuiltinArticle(resourcesDir, { id: 'long-article', title: 'Long article', body })
    const { library, warnings } = openTestLibrary({ resourcesDir })
    expect(warnings).toEqual([])
    const article = await call(library, 'articles:get', { id: 'long-article' })
    expect(article.body).toBe(body.trimEnd())
  })

  it('a link in place of a shipped handout is not followed', () => {
    const resourcesDir = tempDir('pointbook-resources-')
    const handoutDir = join(resourcesDir, 'content', 'handouts', 'linked')
    const outside = join(tempDir('pointbook-outside-'), 'en.md')
    writeFileSync(outside, '---\ntitle: Outside\n---\nNot ours.\n')
    mkdirSync(handoutDir, { recursive: true })
    symlinkSync(outside, join(handoutDir, 'en.md'))
    const { warnings } = openTestLibrary({ resourcesDir })
    expect(warnings.join('\n')).toMatch(/linked\/en\.md was not imported: It is a link/)
  })
})
