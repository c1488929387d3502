import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

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

export default defineConfig({
  main: {
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
    plugins: [react()],
    build: {
      minify: true,
      sourcemap: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } }
    }
  }
})
