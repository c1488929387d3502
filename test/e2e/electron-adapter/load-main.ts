import Module, { createRequire } from 'node:module'
import { join, sep } from 'node:path'

interface ModuleInternals {
  _load(request: string, parent: NodeJS.Module | undefined, isMain: boolean): unknown
  _resolveFilename(request: string, parent: NodeJS.Module | undefined, ...rest: unknown[]): string
}

/** Folders of built main processes, and the `electron` the latest run there is given. */
const electronFor = new Map<string, unknown>()
let hooked = false

const bundleDirOf = (parent: NodeJS.Module | undefined): string | undefined => {
  const filename = parent?.filename
  if (filename === undefined) return undefined
  return [...electronFor.keys()].find((dir) => filename.startsWith(dir + sep))
}

/**
 * Makes `require('electron')` inside a built main process (out/main/*.js) return the adapter,
 * and lets its other bare requires (better-sqlite3, yaml) resolve from the repository's
 * node_modules when the build is elsewhere (POINTBOOK_OUT_DIR=/tmp/…). Other modules of the test
 * process are untouched. Installed once per test process.
 */
function hookModules(root: string): void {
  if (hooked) return
  hooked = true
  const internals = Module as unknown as ModuleInternals
  const load = internals._load.bind(Module)
  internals._load = (request, parent, isMain) => {
    const dir = bundleDirOf(parent)
    if (request === 'electron' && dir !== undefined) return electronFor.get(dir)
    return load(request, parent, isMain)
  }
  const resolveFilename = internals._resolveFilename.bind(Module)
  internals._resolveFilename = (request, parent, ...rest) => {
    try {
      return resolveFilename(request, parent, ...rest)
    } catch (error) {
      if (bundleDirOf(parent) === undefined) throw error
      return createRequire(join(root, 'package.json')).resolve(request)
    }
  }
}

/**
 * Runs the built main process (`<outDir>/main/index.js`, whose only top-level act is
 * bootstrap()) with `electron` resolved to the given adapter. Every call loads fresh instances of
 * the bundle's files, so each run (and each relaunch) starts with the shell's module state new,
 * as a new Electron process would.
 */
export function runMainProcess(root: string, outDir: string, electron: unknown): void {
  hookModules(root)
  const dir = join(outDir, 'main')
  const nodeRequire = createRequire(join(root, 'package.json'))
  for (const file of Object.keys(nodeRequire.cache)) {
    if (file.startsWith(dir + sep)) delete nodeRequire.cache[file]
  }
  electronFor.set(dir, electron)
  nodeRequire(join(dir, 'index.js'))
}
