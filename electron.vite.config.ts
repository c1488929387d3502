import { rmSync, writeFileSync } from 'node:fs'
import { basename, resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { DERIVED_FILE } from './src/main/core/content/build-derived'
import { sourceCodeId, writeBuildDerived } from './src/main/core/content/write-build-derived'
import { writeParsedYaml } from './src/main/core/content/yaml'

/**
 * Packages bundled into the main process instead of required from node_modules at run time.
 * The markdown and HTML toolchain is ESM-only: bundling it into the CommonJS main process avoids
 * relying on require(esm). zod and fastest-levenshtein are CommonJS-capable, but bundled they
 * load for less: zod's CommonJS build requires ~60 files (every locale) where the bundle keeps
 * what is used, and each file read and compiled is start-up CPU (docs/bench.md). Left external:
 * better-sqlite3 (native), the @fontsource packages (their font files are read from their
 * folders) and yaml, which the core requires only when it imports content the build has not
 * already parsed (src/main/core/content/yaml.ts), so most starts never load it.
 */
const BUNDLED_DEPENDENCIES = [
  'unified',
  'remark-parse',
  'remark-gfm',
  'remark-rehype',
  'rehype-sanitize',
  'rehype-stringify',
  'hast-util-from-html',
  'hast-util-sanitize',
  'hast-util-to-html',
  'zod',
  'fastest-levenshtein'
]

/**
 * The renderer's entry (src/main.tsx) is small: it sends the start screen's first requests and
 * then imports src/boot.tsx (React and the start screen). This names boot's chunk, its imports
 * and their styles in index.html, so they download alongside the entry instead of after it, and
 * the styles are in place for the frame index.html draws before any script runs.
 */
function preloadBootChunk(): Plugin {
  return {
    name: 'pointbook:preload-boot-chunk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const chunks = Object.values(bundle ?? {}).flatMap((c) => (c.type === 'chunk' ? [c] : []))
        const boot = chunks.find((c) => c.moduleIds.some((id) => id.endsWith('/src/boot.tsx')))
        if (!boot) throw new Error('preload-boot-chunk: no chunk for src/boot.tsx')
        const files = new Set<string>()
        const css = new Set<string>()
        const visit = (fileName: string): void => {
          const chunk = chunks.find((c) => c.fileName === fileName)
          if (!chunk || files.has(fileName) || chunk.isEntry) return
          files.add(fileName)
          chunk.viteMetadata?.importedCss.forEach((file) => css.add(file))
          chunk.imports.forEach(visit)
        }
        visit(boot.fileName)
        // The styles first: the entry (a module script) runs only once the page's stylesheets
        // are in, so they are asked for before the larger script.
        return [
          ...[...css].map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const
          })),
          ...[...files].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const
          }))
        ]
      }
    }
  }
}

/**
 * The entry's stylesheet inside index.html as a <style> (the Content-Security-Policy allows inline
 * styles, not scripts): the frame index.html draws is styled with the HTML itself, and the entry
 * script, which a browser runs only once the page's stylesheets are in, waits for no request.
 * main.tsx imports every stylesheet the start screen needs, so boot's chunk has none of its own.
 * The file is taken out of the entry chunk's list of styles before Vite writes index.html and the
 * lists of what each on-demand chunk needs (they import from the entry's chunk, and Vite's loader
 * would otherwise add the stylesheet as a <link> before running them).
 */
function inlineEntryCss(): Plugin {
  let styles = ''
  return {
    name: 'pointbook:inline-entry-css',
    apply: 'build',
    generateBundle: {
      order: 'pre',
      handler(_options, bundle) {
        styles = ''
        for (const chunk of Object.values(bundle)) {
          if (chunk.type !== 'chunk' || !chunk.isEntry || !chunk.viteMetadata) continue
          for (const file of chunk.viteMetadata.importedCss) {
            const asset = bundle[file]
            if (asset?.type !== 'asset') this.error(`inline-entry-css: no stylesheet ${file}`)
            // Its url()s are relative to assets/, where the file was; index.html is one folder up.
            styles += String(asset.source).replace(/url\((["']?)\.\//g, 'url($1./assets/')
            delete bundle[file]
          }
          chunk.viteMetadata.importedCss.clear()
        }
        if (/<\/style/i.test(styles)) this.error('inline-entry-css: the styles would end <style>')
      }
    },
    transformIndexHtml: {
      order: 'post',
      handler: () => (styles ? [{ tag: 'style', children: styles, injectTo: 'head' }] : [])
    }
  }
}

/** React and the start screen: imported by the renderer's entry (main.tsx) as soon as it runs. */
const RENDERER_ENTRY = resolve(__dirname, 'src/renderer/src/main.tsx')
const RENDERER_BOOT = resolve(__dirname, 'src/renderer/src/boot.tsx')

/**
 * The renderer's start-up in two scripts: the entry (main.tsx and what it imports) and one chunk
 * with every module boot.tsx imports statically that the entry does not. Left to rolldown, the
 * modules boot shares with on-demand screens (dialogs, toasts, states) became a dozen small
 * files, and each file is a request the app's protocol handler answers before the screen can
 * run (docs/bench.md, first screen). The screens' chunks import what they share from boot's.
 */
function bootChunkName(): (id: string, graph: Pick<ModuleGraph, 'getModuleInfo'>) => string | null {
  let boot: Set<string> | null = null
  const staticGraph = (from: string, graph: Pick<ModuleGraph, 'getModuleInfo'>): Set<string> => {
    const seen = new Set([from])
    for (const id of seen) graph.getModuleInfo(id)?.importedIds.forEach((next) => seen.add(next))
    return seen
  }
  return (id, graph) => {
    if (boot === null) {
      const entry = staticGraph(RENDERER_ENTRY, graph)
      boot = new Set([...staticGraph(RENDERER_BOOT, graph)].filter((at) => !entry.has(at)))
    }
    return boot.has(id) ? 'boot' : null
  }
}

/**
 * Modules the main process loads on first use instead of at start-up. Each must be imported only
 * as a namespace (`import * as stack from '…'`); in the main build that import becomes a lazy
 * namespace over its own chunk, required synchronously the first time a property is read, so the
 * code keeps its synchronous calls and a start-up that never reads it never compiles it. The
 * renderer and tests import it as usual. docs/architecture.md (start-up) explains the choice.
 */
const LAZY_MODULES = [
  'src/shared/markdown/markdown-stack.ts',
  // The contract (a domain not yet listed in src/shared/api/endpoints.ts loads with all of it) and
  // its domains, each read through endpoints.ts on its first call.
  'src/shared/api/index.ts',
  ...['app', 'articles', 'atlas', 'backups', 'explain', 'handouts', 'notes', 'role', 'search']
    .concat(['settings', 'transfer', 'sync', 'network'])
    .map((domain) => `src/shared/api/${domain}.ts`),
  // Schemas of what the contract's domains share, and of the shipped content: needed only when a
  // call validates, or when an importer reads content that changed.
  'src/shared/api/common.ts',
  'src/shared/atlas/content-schema.ts',
  'src/shared/atlas/needling.ts',
  'src/main/core/articles/builtin-article-content.ts',
  'src/main/core/handouts/builtin-handouts.ts',
  'src/main/core/search/synonyms.ts'
].map((file) => resolve(__dirname, file))

/**
 * The source of a function `name(load)` that returns a namespace whose every read (a property,
 * `in`, the keys) goes to `load()`'s result, loaded the first time.
 */
const lazyProxySource = (name: string): string => `function ${name}(load) {
  let loaded
  const target = () => (loaded ??= load())
  return new Proxy(Object.create(null), {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => {
      const found = Reflect.getOwnPropertyDescriptor(target(), key)
      return found === undefined ? undefined : { ...found, configurable: true }
    }
  })
}`

const LAZY_RUNTIME = '\0pointbook-lazy-namespace'

function lazyNamespaces(modules: readonly string[]): Plugin {
  const lazy = new Set(modules)
  return {
    name: 'pointbook:lazy-namespaces',
    enforce: 'pre',
    resolveId: (id) => (id === LAZY_RUNTIME ? id : null),
    load(id) {
      if (id !== LAZY_RUNTIME) return null
      // Every read (a property, `in`, the keys) goes to the module, which is required the first
      // time; the require is made synchronous in renderChunk below.
      return `export ${lazyProxySource('lazyNamespace')}`
    },
    async transform(code, id) {
      if (id.includes('/node_modules/') || !/\.tsx?$/.test(id)) return null
      const pattern = /^import \* as (\w+) from '([^']+)'\n/gm
      let result = code
      let changed = false
      for (const match of code.matchAll(pattern)) {
        const resolved = await this.resolve(match[2] as string, id)
        if (resolved === null || !lazy.has(resolved.id)) continue
        const spec = JSON.stringify(resolved.id)
        result = result.replace(
          match[0],
          `const ${match[1]} = /* @__PURE__ */ __lazyNamespace(() => import(${spec}))\n`
        )
        changed = true
      }
      if (!changed) return null
      const runtime = `import { lazyNamespace as __lazyNamespace } from ${JSON.stringify(LAZY_RUNTIME)}\n`
      return { code: runtime + result, map: null }
    },
    buildEnd(error) {
      if (error) return
      // Any other import form would put the module back in the start-up chunk.
      const chain = staticChainFromEntry(this, (id) => lazy.has(id))
      if (chain !== null) {
        this.error(
          `${chain.at(-1)} must be imported only as a namespace (import * as x from '…'), ` +
            `but is loaded at start-up through ${chain.join(' → ')}`
        )
      }
    },
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        // A lazy import left asynchronous would hand its callers a Promise: fail the build.
        if (file.type === 'chunk' && /lazyNamespace[\w$]*\(\(\) => Promise/.test(file.code)) {
          this.error(`${file.fileName}: a lazy namespace was not made synchronous`)
        }
      }
    },
    renderChunk(code) {
      // rolldown's CommonJS form of import(): Promise.resolve().then(() => require("./x.js")),
      // followed by .then((n) => n.x_exports) when the chunk holds more than that module. Inside
      // lazyNamespace only, it becomes the require itself: synchronous, still its own file.
      const rewritten = code.replace(
        /((?:__)?lazyNamespace[\w$]*)\(\(\) => Promise\.resolve\(\)\.then\(\(\) => (require\("[^"]+"\))\)(?:\.then\(\((\w+)\) => \3\.([\w$]+)\))?\)/g,
        (_, call: string, load: string, _n?: string, member?: string) =>
          `${call}(() => ${load}${member === undefined ? '' : `.${member}`})`
      )
      return rewritten === code ? null : { code: rewritten, map: null }
    }
  }
}

/**
 * Packages the start-up chunk must not contain: the first window never needs them, and each
 * costs start-up CPU to compile and run (docs/architecture.md §6). zod builds every schema when
 * its module loads, so the contract and the content schemas are reached only through lazy
 * namespaces. The build fails with the chain of static imports that reaches one from an entry.
 */
const NOT_AT_STARTUP = ['zod']

/**
 * `roots`: modules that start with the entry though it imports them with import() (the
 * renderer's boot.tsx, preloaded by index.html and imported at once by main.tsx).
 */
function notAtStartup(packages: readonly string[], roots: readonly string[] = []): Plugin {
  return {
    name: 'pointbook:not-at-startup',
    apply: 'build',
    buildEnd(error) {
      if (error) return
      const chain = staticChainFromEntry(
        this,
        (id) => packages.some((name) => id.includes(`/node_modules/${name}/`)),
        roots
      )
      if (chain !== null)
        this.error(`${chain.at(-1)} is loaded at start-up through ${chain.join(' → ')}`)
    }
  }
}

interface ModuleGraph {
  getModuleIds(): IterableIterator<string>
  getModuleInfo(
    id: string
  ): { readonly isEntry: boolean; readonly importedIds: readonly string[] } | null
}

/**
 * The shortest chain of static imports from an entry (or one of `roots`) to a module `matches`
 * accepts (paths from the project's root), or null when there is none. A dynamic import() is
 * another chunk, loaded when it runs, so it is not followed.
 */
function staticChainFromEntry(
  graph: ModuleGraph,
  matches: (id: string) => boolean,
  roots: readonly string[] = []
): string[] | null {
  const entries = [...graph.getModuleIds()].filter((id) => graph.getModuleInfo(id)?.isEntry)
  entries.push(...roots.filter((id) => graph.getModuleInfo(id) !== null))
  const via = new Map<string, string | null>(entries.map((id) => [id, null]))
  const queue = [...entries]
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    if (matches(id)) {
      const chain: string[] = []
      for (let at: string | null | undefined = id; at; at = via.get(at)) chain.unshift(at)
      return chain.map((file) => file.replace(`${__dirname}/`, ''))
    }
    for (const next of graph.getModuleInfo(id)?.importedIds ?? []) {
      if (!via.has(next)) {
        via.set(next, id)
        queue.push(next)
      }
    }
  }
  return null
}

/**
 * The name of the chunk for a module that an entry loads at start-up: one chunk per set of
 * entries that load it (the entry's own file stays its own). Lazy chunks use some of the same
 * modules; left in the entry's chunk, they would be required from the entry, which in CommonJS
 * has exported nothing yet while its own code runs (a start-up calls the core from there).
 * Modules that only lazy chunks use keep rolldown's own chunking. The shell (src/main/*.ts) stays
 * in the entry's file: its paths are relative to that file's folder (`__dirname`, bootstrap.ts),
 * and the core, which the lazy chunks hold, never imports it.
 */
const SHELL = /\/src\/main\/[^/]+$/

function startupChunkName(): (
  id: string,
  graph: {
    getModuleInfo(
      id: string
    ): { readonly isEntry: boolean; readonly importers: readonly string[] } | null
  }
) => string | null {
  const names = new Map<string, string | null>()
  return (id, graph) => {
    const known = names.get(id)
    if (known !== undefined) return known
    if (SHELL.test(id)) return null
    // Up through static importers only: a dynamic import() is not a start-up's.
    const entries = new Set<string>()
    const seen = new Set([id])
    const queue = [id]
    for (let at = queue.shift(); at !== undefined; at = queue.shift()) {
      const info = graph.getModuleInfo(at)
      if (info?.isEntry === true) entries.add(basename(at).replace(/\.\w+$/, ''))
      for (const importer of info?.importers ?? []) {
        if (!seen.has(importer)) {
          seen.add(importer)
          queue.push(importer)
        }
      }
    }
    const name =
      entries.size === 0 || graph.getModuleInfo(id)?.isEntry === true
        ? null
        : `startup-${[...entries].sort().join('-')}`
    names.set(id, name)
    return name
  }
}

/**
 * Packages the main process requires from node_modules on first use instead of at start-up: the
 * clinic network's (PouchDB with LevelDB, its HTTP server, mDNS, certificates: ~0.5 s of CPU
 * to load), which a library that shares nothing never runs. rolldown requires an external
 * package at the top of the chunk and reads it only as `x.name`; that require becomes a
 * namespace that requires the package the first time a property is read.
 */
const LAZY_PACKAGES = ['pouchdb-node', 'express-pouchdb', 'bonjour-service', 'selfsigned']

const LAZY_PACKAGE_RUNTIME = `${lazyProxySource('__lazyPackage')}\n`

function lazyPackages(packages: readonly string[]): Plugin {
  const names = packages.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')
  // `let x = require("pkg");` and, for a default import, `x = <runtime>.__toESM(x);` after it.
  const pattern = new RegExp(
    `^let ([\\w$]+) = (require\\("(?:${names})"\\));\\n(?:\\1 = ([\\w$.]+)\\(\\1\\);\\n)?`,
    'gm'
  )
  return {
    name: 'pointbook:lazy-packages',
    apply: 'build',
    renderChunk(code) {
      const rewritten = code.replace(
        pattern,
        (_, local: string, load: string, toEsm?: string) =>
          `let ${local} = __lazyPackage(() => ${toEsm === undefined ? load : `${toEsm}(${load})`});\n`
      )
      return rewritten === code ? null : { code: LAZY_PACKAGE_RUNTIME + rewritten, map: null }
    },
    generateBundle(_options, bundle) {
      // Any other form (e.g. a require inside a function rolldown kept as it was) is not lazy.
      const eager = new RegExp(
        `(?<!__lazyPackage\\(\\(\\) => (?:[\\w$.]+\\()?)require\\("(?:${names})"\\)`
      )
      for (const file of Object.values(bundle)) {
        const left = file.type === 'chunk' ? eager.exec(file.code) : null
        if (left) this.error(`${file.fileName}: ${left[0]} is not made lazy (LAZY_PACKAGES)`)
      }
    }
  }
}

/** The source tree's code id, which the main bundle carries (content/build-derived.ts). */
const CODE_ID = sourceCodeId(__dirname)

/**
 * Work every clinic's first run would do on the same shipped files, done once here: the YAML
 * parsed (resources/parsed-yaml.json, src/main/core/content/yaml.ts) and values the core derives
 * from the content (resources/derived-content.json, content/build-derived.ts).
 */
function preparedContent(): Plugin {
  return {
    name: 'pointbook:prepared-content',
    buildStart() {
      const resources = resolve(__dirname, 'resources')
      const write = (path: string, data: string): void => writeFileSync(path, data)
      writeParsedYaml(resources, write)
      // `electron-vite dev` rebuilds the bundle on every edit without reloading this file (so
      // without a new code id): it computes every value instead of trusting a stale file.
      if (this.meta.watchMode) rmSync(resolve(resources, DERIVED_FILE), { force: true })
      else writeBuildDerived(resources, CODE_ID, write)
    }
  }
}

export default defineConfig({
  main: {
    plugins: [
      preparedContent(),
      lazyNamespaces(LAZY_MODULES),
      notAtStartup(NOT_AT_STARTUP),
      lazyPackages(LAZY_PACKAGES)
    ],
    define: { __POINTBOOK_CODE_ID__: JSON.stringify(CODE_ID) },
    build: {
      externalizeDeps: { exclude: BUNDLED_DEPENDENCIES },
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
        output: {
          // Read and scanned at every start, never run: ~100 kB of the main bundle (bench.md).
          comments: false,
          codeSplitting: { groups: [{ name: startupChunkName(), debugName: 'startup' }] }
        }
      }
    }
  },
  preload: {
    build: {
      // The preload runs sandboxed: it must be one CommonJS file with its dependencies inlined.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' }
      }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [
      react(),
      preloadBootChunk(),
      inlineEntryCss(),
      notAtStartup(NOT_AT_STARTUP, [RENDERER_BOOT])
    ],
    build: {
      minify: true,
      sourcemap: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        output: {
          codeSplitting: {
            groups: [{ name: bootChunkName() }],
            // Else the group takes what boot imports from the entry (the api module) too, and
            // the entry would wait for boot's chunk before sending the first requests. Boot's
            // chunk imports from the entry's, which always runs first: no cycle, same order.
            includeDependenciesRecursively: false
          }
        }
      }
    }
  }
})
