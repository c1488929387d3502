import { buildSync } from 'esbuild'

/**
 * Bundles TypeScript entry points into CommonJS files that plain `node` runs, better-sqlite3 left
 * native (found through NODE_PATH). A process then loads the core without compiling it with tsx,
 * which is most of its start-up CPU (used by the crash test's writer and the start-up bench).
 */
export function bundleForNode(entryPoints: Record<string, string>, outdir: string): void {
  buildSync({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'warning'
  })
}
