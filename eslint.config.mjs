// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'

const nodeBuiltins = [
  'node:*',
  'fs',
  'path',
  'os',
  'child_process',
  'crypto',
  'url',
  'http',
  'https',
  'net'
]

/** Layer rules of docs/design-notes.md §1: who may import whom. */
const restrict = (patterns, message) => ({
  'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }]
})

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
      'coverage/**'
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
    files: ['src/shared/**/*.ts'],
    rules: restrict(
      [
        'electron',
        'electron/*',
        ...nodeBuiltins,
        'better-sqlite3',
        'react',
        'react-dom',
        '**/main/**',
        '**/renderer/**',
        '**/preload/**'
      ],
      'src/shared is pure TypeScript: no electron, node, DOM or other layers.'
    )
  },
  {
    files: ['src/main/core/**/*.ts'],
    rules: restrict(
      ['electron', 'electron/*', '**/renderer/**', '**/preload/**', 'react', 'react-dom'],
      'The core runs under plain Node: never electron, never the renderer.'
    )
  },
  {
    files: ['src/preload/**/*.ts'],
    rules: restrict(
      [...nodeBuiltins, '**/main/**', '**/renderer/**', 'better-sqlite3'],
      'The preload exposes named contract functions only.'
    )
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        [
          'electron',
          'electron/*',
          ...nodeBuiltins,
          'better-sqlite3',
          '**/main/**',
          '**/preload/**'
        ],
        'The renderer talks to the outside only through src/renderer/src/lib/api.ts.'
      )
    }
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
