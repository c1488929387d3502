import { rmSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
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
        const boot = chunks.find((c) => c.facadeModuleId?.endsWith('/src/boot.tsx'))
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
        return [
          ...[...files].map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const
          })),
          ...[...css].map((file) => ({
            tag: 'link',
            attrs: { rel: 'stylesheet', crossorigin: true, href: `./${file}` },
            injectTo: 'head' as const
          }))
        ]
      }
    }
  }
}

/**
 * Modules the main process loads on first use instead of at start-up. Each must be imported only
 * as a namespace (`import * as stack from '…'`); in the main build that import becomes a lazy
 * namespace over its own chunk, required synchronously the first time a property is read, so the
 * code keeps its synchronous calls and a start-up that never reads it never compiles it. The
 * renderer and tests import it as usual. docs/architecture.md (start-up) explains the choice.
 */
const LAZY_MODULES = [resolve(__dirname, 'src/shared/markdown/markdown-stack.ts')]

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
      return `export function lazyNamespace(load) {
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
          `import { lazyNamespace as __lazyNamespace } from ${JSON.stringify(LAZY_RUNTIME)}\n` +
            `const ${match[1]} = /* @__PURE__ */ __lazyNamespace(() => import(${spec}))\n`
        )
        changed = true
      }
      return changed ? { code: result, map: null } : null
    },
    buildEnd() {
      for (const id of lazy) {
        const info = this.getModuleInfo(id)
        if (info === null) continue
        // Any other import form would put the module back in the start-up chunk.
        if (info.importers.length > 0) {
          this.error(
            `${id} must be imported only as a namespace (import * as x from '…'), ` +
              `but is imported by ${info.importers.join(', ')}`
          )
        }
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
      // rolldown's CommonJS form of import(): Promise.resolve().then(() => require("./x.js")).
      // Inside lazyNamespace only, it becomes the require itself: synchronous, still its own file.
      const rewritten = code.replace(
        /((?:__)?lazyNamespace[\w$]*)\(\(\) => Promise\.resolve\(\)\.then\(\(\) => (require\("[^"]+"\))\)\)/g,
        '$1(() => $2)'
      )
      return rewritten === code ? null : { code: rewritten, map: null }
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
    plugins: [preparedContent(), lazyNamespaces(LAZY_MODULES)],
    define: { __POINTBOOK_CODE_ID__: JSON.stringify(CODE_ID) },
    build: {
      externalizeDeps: { exclude: BUNDLED_DEPENDENCIES },
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } }
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
    plugins: [react(), preloadBootChunk()],
    build: {
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
