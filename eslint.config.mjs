// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { checkLayerTable, layerPlugin } from './eslint/layer-rules.mjs'

/**
 * The layers of src/ and what each may import: an allow-list, enforced by `pointbook/layers`
 * (eslint/layer-rules.mjs, whose header explains every field). Anything not listed fails.
 * Packages must be in package.json `dependencies`: checkLayerTable() refuses a devDependency here.
 */
export const layers = {
  shared: {
    files: ['src/shared/**'],
    packages: [
      'zod',
      'unified',
      'remark-parse',
      'remark-gfm',
      'remark-rehype',
      'rehype-sanitize',
      'rehype-stringify',
      'hast-util-from-html',
      'hast-util-sanitize',
      'hast-util-to-html',
      // The readability meter (handouts/readability.ts), shown in the editor and checked in tests.
      'text-readability'
    ],
    // Syntax-tree types of the unified packages above (they come with them; no code ships).
    typePackages: ['hast', 'mdast', 'vfile'],
    builtins: [],
    layers: []
  },
  core: {
    files: ['src/main/core/**'],
    entry: 'src/main/core/index.ts',
    packages: [
      'better-sqlite3',
      'zod',
      'yaml',
      'unified',
      'remark-parse',
      'remark-gfm',
      // search/suggest.ts: "Did you mean …?" by edit distance over the index's vocabulary.
      'fastest-levenshtein',
      // print/fonts.ts reads the font files of these two (require.resolve).
      '@fontsource/noto-sans',
      '@fontsource/noto-sans-sc',
      // The clinic network (docs/clinic-network.md): the replica and the CouchDB replication
      // protocol, the hub's HTTP side, finding a hub on the local network, the hub's certificate.
      'pouchdb-node',
      'express-pouchdb',
      'bonjour-service',
      'selfsigned'
    ],
    // os: db/library-lock.ts names the computer and its boot time, to tell a stale lock.
    // http, https, net, tls: the clinic network's hub and its pinned-certificate client.
    builtins: ['fs', 'path', 'crypto', 'module', 'os', 'http', 'https', 'net', 'tls'],
    layers: ['shared']
  },
  shell: {
    files: ['src/main/**'],
    ignores: ['src/main/core/**'],
    packages: ['electron'],
    builtins: ['fs', 'path', 'crypto'],
    layers: ['shared', 'core']
  },
  preload: {
    files: ['src/preload/**'],
    packages: [],
    names: { electron: ['contextBridge', 'ipcRenderer', 'ContextBridge', 'IpcRenderer'] },
    builtins: [],
    layers: ['shared']
  },
  renderer: {
    files: ['src/renderer/**'],
    packages: ['react', 'react-dom', 'mermaid', 'pdfjs-dist', 'diff'],
    // Answered by @vitejs/plugin-react at build time (empty in production builds): the React
    // Refresh preamble as a module, because the CSP blocks the inline script Vite would inject.
    buildTime: ['@vitejs/plugin-react/preamble'],
    builtins: [],
    layers: ['shared']
  }
}

/** Packages the runtime provides (devDependencies by electron-vite convention) and who may use them. */
const runtimeProvided = { electron: ['shell', 'preload'] }

const packageJson = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))
checkLayerTable(layers, packageJson, runtimeProvided)

const root = fileURLToPath(new URL('.', import.meta.url))

export default tseslint.config(
  {
    ignores: [
      '.scratch/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      '.tsbuild/**',
      '.electron-native/**',
      'artifacts/**',
      'coverage/**',
      // electron-vite writes its bundled config beside the config while it loads it, then
      // deletes it: a lint running beside a build must not read it.
      'electron.vite.config.ts.*.mjs'
    ]
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'smart'],
      'no-console': ['error', { allow: ['warn', 'error'] }]
    }
  },
  {
    files: ['src/**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
    plugins: { pointbook: layerPlugin },
    rules: {
      'pointbook/layers': ['error', { root, layers, runtimeProvided }],
      'pointbook/bridge': ['error', { root, allow: ['src/renderer/src/lib/api.ts'] }]
    }
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules
  },
  {
    files: ['test/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } }
  },
  {
    files: ['scripts/**/*.{mjs,ts}', 'bench/**/*.ts', 'test/**/*.{ts,tsx}'],
    rules: { 'no-console': 'off' }
  }
)
