import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { OUT_DIR } from './harness'
import { HEAVY_SIGNATURES, startupFiles } from './startup-files'

/**
 * What the first window downloads and runs before its first screen (the built index.html, its
 * preloads and every chunk they import statically), read from the build. F1: mermaid (~0.7 MB
 * minified) is loaded only when a diagram is shown. Issue 7: zod and the contract's schemas
 * (~90 kB, every schema built when its module runs) only when a screen validates a form; the
 * main process validates every call. The build fails too (electron.vite.config.ts,
 * notAtStartup), naming the imports that bring zod in.
 */
const RENDERER = join(OUT_DIR, 'renderer')
const read = (file: string): string => readFileSync(join(RENDERER, file), 'utf8')
const START_UP = startupFiles(RENDERER)
const LAZY = readdirSync(join(RENDERER, 'assets'))
  .map((file) => `assets/${file}`)
  .filter((file) => file.endsWith('.js') && !START_UP.js.includes(file))

describe('start-up bundle', () => {
  it.each(['mermaid', 'zod'] as const)('does not contain %s', (library) => {
    expect(START_UP.js.length).toBeGreaterThan(0)
    const found = START_UP.js.filter((file) => HEAVY_SIGNATURES[library].test(read(file)))
    expect(found).toEqual([])
  })

  it.each(['mermaid', 'zod'] as const)(
    'the signature does find %s in the other chunks (so the check above can fail)',
    (library) => {
      expect(
        LAZY.filter((file) => HEAVY_SIGNATURES[library].test(read(file))).length
      ).toBeGreaterThan(0)
    }
  )

  it('is the entry, React with the start screen in one chunk, and rolldown’s runtime', () => {
    // Each file is one request to the app's protocol handler before the list can show; the
    // modules the start screen shares with other screens are kept in boot's chunk
    // (electron.vite.config.ts, bootChunkName) instead of a dozen small ones.
    expect(START_UP.js.length).toBeLessThanOrEqual(3)
  })

  it('has its styles inside index.html, so the entry script waits for no stylesheet', () => {
    // inlineEntryCss; a stylesheet that only boot's modules import would become boot's own file,
    // asked for when main.tsx imports boot: main.tsx imports every one the start screen needs.
    expect(START_UP.css).toEqual([])
    expect(read('index.html')).toMatch(/<style>[\s\S]*\.top-bar\{[\s\S]*<\/style>/)
    const entry = read(START_UP.js[0]!)
    expect(entry.match(/"[^"]+\.css"/g)).toBeNull()
  })

  it('has every file a chunk loads before it runs (the inlined stylesheet is named by none)', () => {
    const files = new Set(readdirSync(join(RENDERER, 'assets')))
    // Vite's list of each chunk's files to load first: m.f=["./a.js","./b.css"].
    const named = [...START_UP.js, ...LAZY].flatMap((file) =>
      [...read(file).matchAll(/m\.f=\[([^\]]*)\]/g)].flatMap((list) =>
        [...list[1]!.matchAll(/"\.\/([^"]+)"/g)].map((m) => m[1]!)
      )
    )
    expect(named.length).toBeGreaterThan(0)
    expect(named.filter((file) => !files.has(file))).toEqual([])
  })
})
