/**
 * Run from a bundle made like the app's main process (test/unit/main-bundle-lazy.test.ts): prints
 * whether the markdown stack was loaded before use and what the markdown functions return.
 */
import { markdownToSearchText } from '../../src/main/core/search/markdown-text'
import { findHostileMarkup, renderMarkdown, sanitizeSvg } from '../../src/shared/markdown'

const loadedAtStart = Object.keys(require.cache).some((path) => path.includes('markdown-stack'))
const [markdown = '', svg = ''] = process.argv.slice(2)
const result = {
  loadedAtStart,
  html: renderMarkdown(markdown).html,
  text: markdownToSearchText(markdown),
  svg: sanitizeSvg(svg),
  hostile: findHostileMarkup(svg),
  loadedAfterUse: Object.keys(require.cache).some((path) => path.includes('markdown-stack'))
}
process.stdout.write(`${JSON.stringify(result)}\n`)
