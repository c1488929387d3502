import { writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import type { Plugin } from 'vite'
import { writeParsedYaml } from './src/main/core/content/yaml'

const ESM_ONLY_DEPENDENCIES = [
  'unified',
  'remark-parse',
  'remark-gfm',
  'remark-rehype',
  'rehype-sanitize',
  'rehype-stringify',
  'hast-util-from-html',
  'hast-util-sanitize',
  'hast-util-to-html'
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
 * Writes resources/parsed-yaml.json, the shipped YAML parsed once here instead of on the clinic's
 * first run (src/main/core/content/yaml.ts explains why and how it stays exact).
 */
function parsedYaml(): Plugin {
  return {
    name: 'pointbook:parsed-yaml',
    buildStart() {
      writeParsedYaml(resolve(__dirname, 'resources'), (path, data) => writeFileSync(path, data))
    }
  }
}

export default defineConfig({
  main: {
    plugins: [parsedYaml()],
    build: {
      // The markdown and HTML toolchain is ESM-only; bundling it into the CommonJS main process
      // avoids relying on require(esm) at run time. Native and CommonJS packages stay external.
      externalizeDeps: { exclude: ESM_ONLY_DEPENDENCIES },
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
