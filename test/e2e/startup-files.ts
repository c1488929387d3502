import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/**
 * Text found only in each heavy library's code, to tell whether a built file contains it. Each
 * must also be found in the build's other chunks (startup-bundle.test.ts), so that a library
 * that changed its code cannot pass unseen.
 */
export const HEAVY_SIGNATURES = {
  mermaid: /flowchart-v2|securityLevel|mermaid-\d|"11\.\d+\.\d+"/,
  'pdf.js': /GlobalWorkerOptions|pdfjs-dist/,
  zod: /ZodError|\$ZodType/
} as const satisfies Readonly<Record<string, RegExp>>

/** The renderer's start-up files, as paths below the built renderer folder ('assets/…'). */
export interface StartupFiles {
  readonly js: readonly string[]
  readonly css: readonly string[]
}

/**
 * The files the built index.html loads (its scripts, module preloads and stylesheets) and every
 * chunk those import statically: what the first window downloads and runs before its first
 * screen. A dynamic import() is another chunk, loaded when it runs, so it is not followed.
 */
export function startupFiles(rendererDir: string): StartupFiles {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8')
  const queue = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.(?:js|css))"/g)].map(
    (m) => m[1]!
  )
  const seen = new Set<string>()
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue
    seen.add(file)
    if (!file.endsWith('.js')) continue
    const code = readFileSync(join(rendererDir, file), 'utf8')
    // Static imports only: `import{…}from"./x.js"` or `import"./x.js"`.
    for (const m of code.matchAll(
      /(?:^|[;\s}])import\s*(?:[\w${},*\s]+from\s*)?["']\.\/([^"']+\.js)["']/g
    )) {
      queue.push(`assets/${m[1]!}`)
    }
  }
  const files = [...seen]
  return {
    js: files.filter((f) => f.endsWith('.js')),
    css: files.filter((f) => f.endsWith('.css'))
  }
}
