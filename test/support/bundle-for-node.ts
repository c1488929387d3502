import { buildSync } from 'esbuild'
import type { InlineConfig } from 'vite'

/**
 * Bundles TypeScript entry points into CommonJS files that plain `node` runs, the packages with
 * native parts left to require from node_modules (found through NODE_PATH): better-sqlite3, and
 * pouchdb-node, whose LevelDB binding looks for its build beside its own files. A process then
 * loads the core without compiling it with tsx, which is most of its start-up CPU (used by the
 * crash test's writer).
 */
export function bundleForNode(entryPoints: Record<string, string>, outdir: string): void {
  buildSync({
    entryPoints,
    outdir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['better-sqlite3', 'pouchdb-node'],
    logLevel: 'warning'
  })
}

/**
 * Bundles entry points exactly as `npm run build` bundles the app's main process: electron-vite's
 * resolved `main` config (electron.vite.config.ts: the same bundler, plugins, externals, format
 * and chunking), with only the inputs and the output folder changed. The start-up bench measures
 * its probes built this way, so what it measures is shaped like out/main/index.js, down to which
 * packages are bundled and which are required from node_modules at run time.
 */
export async function bundleLikeMainProcess(
  entryPoints: Record<string, string>,
  outDir: string,
  root: string
): Promise<{ readonly codeId: string | null }> {
  // Loaded here, not at the top: the crash test imports this file for bundleForNode alone.
  const { resolveConfig } = await import('electron-vite')
  const { build, mergeConfig } = await import('vite')
  // As electron-vite's own build() does: production mode (e.g. no development builds of packages).
  process.env['NODE_ENV_ELECTRON_VITE'] = 'production'
  const resolved = await resolveConfig({ root, logLevel: 'warn' }, 'build', 'production')
  const main = resolved.config?.main
  if (main === undefined) throw new Error('electron.vite.config.ts has no main config')
  const config = mergeConfig(main as InlineConfig, {
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, reportCompressedSize: false }
  } satisfies InlineConfig) as InlineConfig
  // Not the step that prepares resources/ (parsed YAML, derived values): it changes no code, and
  // whoever needs those files for other content writes them (bench/run.ts).
  config.plugins = (config.plugins ?? []).filter(
    (plugin) =>
      !(
        typeof plugin === 'object' &&
        plugin !== null &&
        'name' in plugin &&
        plugin.name === 'pointbook:prepared-content'
      )
  )
  // Replaced, not merged: the app's own entry (src/main/index.ts) needs Electron.
  const input = { ...entryPoints }
  config.build = {
    ...config.build,
    rollupOptions: { ...config.build?.rollupOptions, input },
    rolldownOptions: { ...config.build?.rolldownOptions, input }
  }
  await build(config)
  // The code id the bundle carries (src/main/core/content/build-derived.ts), as the build defined it.
  const defined = main.define?.['__POINTBOOK_CODE_ID__'] as unknown
  return { codeId: typeof defined === 'string' ? (JSON.parse(defined) as string) : null }
}
