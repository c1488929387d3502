/**
 * The layer rules of eslint.config.mjs (eslint/layer-rules.mjs) through ESLint's Node API: one
 * illegal import per rule must give an error from our rule, one legal import per layer must not.
 */
import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import type { LayerTable } from '../../eslint/layer-rules.mjs'
import { checkLayerTable, layersOf } from '../../eslint/layer-rules.mjs'

const root = fileURLToPath(new URL('../..', import.meta.url))
const OUR_RULES = ['pointbook/layers', 'pointbook/bridge']

let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: root })
})

/** Messages of our rules (and parse errors, which have no rule) for `code` at `filePath`. */
async function ours(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || OUR_RULES.includes(m.ruleId))
    .map((m) => `${m.ruleId ?? 'fatal'}: ${m.message}`)
}

const CORE = 'src/main/core/x.ts'
const SHARED = 'src/shared/x.ts'
const SHELL = 'src/main/x.ts'
const PRELOAD = 'src/preload/x.ts'
const RENDERER = 'src/renderer/src/features/x.tsx'
const API = 'src/renderer/src/lib/api.ts'

describe('layer rules', { timeout: 120_000 }, () => {
  it.each([
    // The core runs under plain Node: never electron, in any import form.
    [CORE, "export const m = import('electron')", 'layers'],
    [CORE, "export const m = require('electron')", 'layers'],
    [CORE, "import 'electron'", 'layers'],
    [CORE, "import type { App } from 'electron'\nexport type A = App", 'layers'],
    [CORE, "export { app } from 'electron'", 'layers'],
    [CORE, "export * from 'electron/main'", 'layers'],
    [CORE, "import { createRequire } from 'node:module'\ncreateRequire('/')('electron')", 'layers'],
    [CORE, "export type W = import('electron').BrowserWindow", 'layers'],
    [CORE, 'const name = "electron"\nexport const m = import(name)', 'layers'],
    [CORE, "import '../bootstrap'", 'layers'],
    [CORE, "import '../../renderer/src/app/app'", 'layers'],
    [CORE, "import '../../preload/index'", 'layers'],
    [CORE, "import 'react'", 'layers'],
    [CORE, "import 'node:child_process'", 'layers'],
    // src/shared is pure TypeScript.
    [SHARED, "import 'node:worker_threads'", 'layers'],
    [SHARED, "import 'zlib'", 'layers'],
    [SHARED, "import 'fs/promises'", 'layers'],
    [SHARED, "import '../main/core'", 'layers'],
    [SHARED, "import '../renderer/src/lib/format'", 'layers'],
    [SHARED, "import { visit } from 'hast'\nexport { visit }", 'layers'],
    [SHARED, "import '../../package.json'", 'layers'],
    [SHARED, "import 'https://example.com/x.js'", 'layers'],
    // The shell reaches the core only through src/main/core/index.ts, types included.
    [SHELL, "import '../renderer/src/app/app'", 'layers'],
    [SHELL, "import '../preload/index'", 'layers'],
    [SHELL, "import './core/db/sqlite'", 'layers'],
    [SHELL, "import type { Db } from './core/db/sqlite'\nexport type D = Db", 'layers'],
    [SHELL, "export { x } from './core/print/document'", 'layers'],
    [SHELL, "import 'better-sqlite3'", 'layers'],
    [SHELL, "import 'node:child_process'", 'layers'],
    // The preload: contextBridge and ipcRenderer from electron, and src/shared.
    [PRELOAD, "import { shell } from 'electron'\nexport { shell }", 'layers'],
    [PRELOAD, "import * as electron from 'electron'\nexport { electron }", 'layers'],
    [PRELOAD, "export const m = require('electron')", 'layers'],
    [PRELOAD, "import 'node:fs'", 'layers'],
    [PRELOAD, "import '../main/core'", 'layers'],
    // The renderer: the browser, React and src/shared.
    [RENDERER, "import 'better-sqlite3'", 'layers'],
    [RENDERER, "import 'electron'", 'layers'],
    [RENDERER, "import 'node:path'", 'layers'],
    [RENDERER, "import '../../../main/core'", 'layers'],
    [RENDERER, "import '../../../preload/index'", 'layers'],
    [RENDERER, "import 'zod'", 'layers'],
    // Only lib/api.ts touches the bridge.
    [RENDERER, 'export const b = window.pointbook', 'bridge'],
    [RENDERER, 'export const b = globalThis.pointbook', 'bridge'],
    [RENDERER, "export const b = window['pointbook']", 'bridge'],
    [RENDERER, 'export const b = (window as unknown as { pointbook: 1 }).pointbook', 'bridge'],
    [RENDERER, 'export const b = window?.pointbook', 'bridge'],
    [RENDERER, 'const { pointbook } = window\nexport { pointbook }', 'bridge'],
    [RENDERER, 'let b: unknown\n;({ pointbook: b } = window)\nexport { b }', 'bridge'],
    [RENDERER, 'const { ...all } = window\nexport { all }', 'bridge'],
    [RENDERER, "export const b = Reflect.get(window, 'pointbook')", 'bridge'],
    [RENDERER, "export const b = 'pointbook' in window", 'bridge'],
    [RENDERER, 'const k = "x"\nexport const b = (window as never)[k]', 'bridge'],
    [RENDERER, 'declare const x: { pointbook: () => void }\nexport const b = pointbook', 'bridge'],
    [SHELL, 'export const b = globalThis.pointbook', 'bridge'],
    // A file of src/ in no layer.
    ['src/x.ts', 'export const x = 1', 'layers']
  ])('%s: %s fails', async (filePath, code, rule) => {
    const messages = await ours(code, filePath)
    expect(messages.length, messages.join('\n')).toBeGreaterThan(0)
    expect(
      messages.every((m) => m.startsWith(`pointbook/${rule}:`)),
      messages.join('\n')
    ).toBe(true)
  })

  it.each(['src/shared/x.ts', CORE, SHELL, PRELOAD, RENDERER, API])(
    "%s: import 'playwright-core' (a devDependency) fails",
    async (filePath) => {
      const messages = await ours("import 'playwright-core'", filePath)
      expect(messages).toEqual([expect.stringMatching(/^pointbook\/layers: .*devDependency/)])
    }
  )

  it.each([
    [SHARED, "import { z } from 'zod'\nimport './api'\nexport const s = z.string()"],
    [SHARED, "import type { Root } from 'hast'\nexport type R = Root"],
    [CORE, "import 'node:fs'\nimport 'fs/promises'\nimport 'node:path'\nimport 'better-sqlite3'"],
    [CORE, "import '../../shared/api'\nimport './db/sqlite'\nexport const m = import('./index')"],
    [CORE, "import { createRequire } from 'node:module'\ncreateRequire('/').resolve('yaml')"],
    [SHELL, "import { app } from 'electron'\nimport './core'\nexport { app }"],
    [
      SHELL,
      "import './core/index'\nimport type { Library } from './core'\nexport type L = Library"
    ],
    [SHELL, "import 'node:path'\nimport '../shared/api'\nimport './window'"],
    [PRELOAD, "import { contextBridge, ipcRenderer } from 'electron'\nexport { contextBridge }"],
    [
      PRELOAD,
      "import type { IpcRenderer } from 'electron'\nimport '../shared/api'\nexport type I = IpcRenderer"
    ],
    [
      RENDERER,
      "import { useState } from 'react'\nimport '../atlas/atlas.css'\nexport { useState }"
    ],
    [RENDERER, "import '../../../shared/api'\nimport '../../lib/api'\nimport 'react-dom/client'"],
    [RENDERER, "import w from 'pdfjs-dist/build/pdf.worker.min.mjs?url'\nexport { w }"],
    [RENDERER, "export const m = import('../atlas/atlas-screen')"],
    [RENDERER, "export const href = window.location.href + window['name'] + window[0]"],
    [RENDERER, 'const { location } = window\nexport const p = location.pathname'],
    [API, "export const b = window.pointbook\nexport const c = (window as never)[String('x')]"]
  ])('%s: %s passes', async (filePath, code) => {
    expect(await ours(code, filePath)).toEqual([])
  })

  it('puts every file under src/ in exactly one layer', async () => {
    const config = (await eslint.calculateConfigForFile('src/shared/x.ts')) as {
      rules: Record<string, [unknown, { layers: LayerTable }]>
    }
    const table = config.rules['pointbook/layers']![1].layers
    const files = readdirSync(join(root, 'src'), { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    expect(files.length).toBeGreaterThan(100)
    const misplaced = files.filter((file) => layersOf(table, file).length !== 1)
    expect(misplaced).toEqual([])
  })

  it('refuses a layer table that allows a devDependency or electron outside shell/preload', () => {
    const pkg = { dependencies: { zod: '1' }, devDependencies: { vitest: '1', electron: '1' } }
    const layer = { files: ['src/a/**'], builtins: [], layers: [] }
    const runtime = { electron: ['shell'] }
    expect(() =>
      checkLayerTable({ a: { ...layer, packages: ['zod'] } }, pkg, runtime)
    ).not.toThrow()
    expect(() => checkLayerTable({ a: { ...layer, packages: ['vitest'] } }, pkg, runtime)).toThrow(
      /vitest is a devDependency/
    )
    expect(() =>
      checkLayerTable({ a: { ...layer, packages: ['electron'] } }, pkg, runtime)
    ).toThrow(/electron is a devDependency/)
    expect(() =>
      checkLayerTable({ a: { ...layer, packages: [], builtins: ['zlibz'] } }, pkg, runtime)
    ).toThrow(/not a Node built-in/)
  })
})
