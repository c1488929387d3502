import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OUT_DIR } from './harness'

/**
 * F1: mermaid (~0.7 MB minified) must not be in the start-up bundle. Reads the built renderer:
 * the entry script and every file index.html preloads, then every chunk those import statically.
 */
const ASSETS = join(OUT_DIR, 'renderer', 'assets')
const MERMAID_SIGNATURE = /flowchart-v2|securityLevel|mermaid-\d|"11\.\d+\.\d+"/

function startupFiles(): string[] {
  const html = readFileSync(join(OUT_DIR, 'renderer', 'index.html'), 'utf8')
  const queue = [...html.matchAll(/(?:src|href)="\.\/assets\/([^"]+\.js)"/g)].map((m) => m[1]!)
  const seen = new Set<string>()
  while (queue.length > 0) {
    const file = queue.shift()!
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(ASSETS, file), 'utf8')
    // Static imports only: `import{…}from"./x.js"` or `import"./x.js"`; dynamic import() is lazy.
    for (const match of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g
    )) {
      queue.push(match[1]!)
    }
  }
  return [...seen]
}

describe('start-up bundle (F1)', () => {
  it('does not contain mermaid, which is loaded only when a diagram is shown', () => {
    const files = startupFiles()
    expect(files.length).toBeGreaterThan(0)
    for (const file of files) {
      expect({
        file,
        mermaid: MERMAID_SIGNATURE.test(readFileSync(join(ASSETS, file), 'utf8'))
      }).toEqual({ file, mermaid: false })
    }
  })

  it('the signature does find mermaid in the lazy chunks (so the check above can fail)', () => {
    const lazy = readdirSync(ASSETS).filter((file) => file.endsWith('.js'))
    const withMermaid = lazy.filter((file) =>
      MERMAID_SIGNATURE.test(readFileSync(join(ASSETS, file), 'utf8'))
    )
    expect(withMermaid.length).toBeGreaterThan(0)
  })
})
