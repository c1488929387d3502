import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { markdownToSearchText } from '../../src/main/core/search/markdown-text'
import { findHostileMarkup, renderMarkdown, sanitizeSvg } from '../../src/shared/markdown'
import { bundleLikeMainProcess } from '../support/bundle-for-node'

const ROOT = resolve(__dirname, '../..')
const out = mkdtempSync(join(tmpdir(), 'pointbook-lazy-bundle-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

const MARKDOWN = '# Title\n\nThe **twitch** response | a table\n\n| a | b |\n| - | - |\n| 1 | 2 |\n'
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" onload="x()"><script>x()</script><a href="javascript:x()"><rect width="1"/></a></svg>'

// The lazy namespace is a transform of the app's main build (electron.vite.config.ts): this
// checks it there, where tests that import the source never see it.
describe('the markdown stack in the main bundle', () => {
  it('is its own chunk, loaded on first use, with the same results as the source', async () => {
    await bundleLikeMainProcess(
      { probe: join(ROOT, 'test/support/lazy-markdown-probe.ts') },
      out,
      ROOT
    )
    expect(readdirSync(join(out, 'chunks')).some((name) => name.startsWith('markdown-stack'))).toBe(
      true
    )
    const child = spawnSync(process.execPath, [join(out, 'probe.js'), MARKDOWN, SVG], {
      encoding: 'utf8',
      env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') }
    })
    expect(child.stderr).toBe('')
    const result = JSON.parse(child.stdout) as Record<string, unknown>
    expect(result).toEqual({
      loadedAtStart: false,
      html: renderMarkdown(MARKDOWN).html,
      text: markdownToSearchText(MARKDOWN),
      svg: sanitizeSvg(SVG),
      hostile: findHostileMarkup(SVG),
      loadedAfterUse: true
    })
  })
})
