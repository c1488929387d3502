#!/usr/bin/env node
/**
 * Gets a checkout ready to run in Electron (`npm start`, `npm run preview` call it first):
 *
 * 1. Electron's binary: `install-electron` downloads it (needs internet once; it returns at once
 *    when the binary is already there).
 * 2. better-sqlite3 built for Electron, kept apart in .electron-native/ and opened by the app
 *    with `nativeBinding` (src/main/native-binding.ts). node_modules keeps the build for plain
 *    Node that the tests use, so `npm test` and `npm start` work in either order without
 *    rebuilding over each other (docs/toolchain.md, "One better-sqlite3, two runtimes").
 *
 * The build happens in a temporary copy of the package, never in node_modules, and without
 * `npm_config_nodedir` in the environment: on this kind of machine npm sets it to /usr and
 * node-gyp then builds against Node's headers while claiming to build for Electron. The result is
 * loaded in Electron (ELECTRON_RUN_AS_NODE) before it is kept, so that trap cannot slip through.
 */
import { spawnSync } from 'node:child_process'
import {
  copyFileSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync
} from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const log = (message) => console.log(`prepare-electron: ${message}`)

/** Same layout as electronNativeBindingPath in src/main/native-binding.ts (a test checks it). */
export function electronBindingPath(projectRoot, electronVersion, betterSqliteVersion) {
  return join(
    projectRoot,
    '.electron-native',
    'better-sqlite3',
    `${electronVersion}-${betterSqliteVersion}`,
    'better_sqlite3.node'
  )
}

/** The environment for the Electron build: the caller's, minus npm's nodedir (any spelling). */
export function electronBuildEnv(env) {
  return Object.fromEntries(
    Object.entries(env).filter(([key]) => key.toLowerCase() !== 'npm_config_nodedir')
  )
}

/** What to do, given the versions and whether the Electron build is already there. */
export function planElectronNative({ projectRoot, electronVersion, betterSqliteVersion, exists }) {
  const bindingPath = electronBindingPath(projectRoot, electronVersion, betterSqliteVersion)
  return { action: exists(bindingPath) ? 'keep' : 'build', bindingPath }
}

/**
 * Which files of node_modules/better-sqlite3 go into the build copy: everything except its own
 * build/ folder (the Node binary and object files), so the copy is built from source.
 */
export function shouldCopyForBuild(packageDir, path) {
  const inside = relative(packageDir, path)
  return inside !== 'build' && !inside.startsWith(`build${sep}`)
}

/** Script run inside Electron as Node: loads the binding and uses FTS5, or exits non-zero. */
export function electronLoadCheckScript(betterSqliteDir, bindingPath) {
  return [
    `const Database = require(${JSON.stringify(join(betterSqliteDir, 'lib', 'index.js'))})`,
    `const db = new Database(':memory:', { nativeBinding: ${JSON.stringify(bindingPath)} })`,
    `db.exec('CREATE VIRTUAL TABLE probe USING fts5(body)')`,
    `const { v } = db.prepare('SELECT sqlite_version() AS v').get()`,
    `db.close()`,
    `console.log('SQLite ' + v + ' with FTS5 under Electron ' + process.versions.electron)`
  ].join('\n')
}

const readVersion = (packageJson) => JSON.parse(readFileSync(packageJson, 'utf8')).version

/** What `npm start` says when the Electron binary cannot be had: one clear message, no stack. */
export const ELECTRON_INSTALL_FAILED =
  'install-electron failed: the Electron binary could not be downloaded into ' +
  'node_modules/electron/dist. Connect to the internet once (or set ELECTRON_MIRROR to a ' +
  'reachable mirror) and run it again. (`node node_modules/electron/install.js` shows the ' +
  "installer's own output.)"

/**
 * Runs Electron's installer (it returns at once when the binary is there). Its output is kept,
 * not shown: on failure it is a raw `TypeError: fetch failed` stack, and the caller prints
 * ELECTRON_INSTALL_FAILED instead.
 */
export function installElectronBinary(installer, run = spawnSync) {
  log('checking the Electron binary (install-electron downloads it once; needs internet)')
  const result = run(process.execPath, [installer], {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8'
  })
  if (result.status !== 0) throw new Error(ELECTRON_INSTALL_FAILED)
}

export async function buildForElectron({
  projectRoot,
  electronVersion,
  betterSqliteVersion,
  bindingPath
}) {
  const packageDir = join(projectRoot, 'node_modules', 'better-sqlite3')
  const workDir = mkdtempSync(join(tmpdir(), 'pointbook-electron-native-'))
  try {
    const copyDir = join(workDir, 'node_modules', 'better-sqlite3')
    log(`copying better-sqlite3 ${betterSqliteVersion} to ${workDir} (node_modules is not touched)`)
    cpSync(packageDir, copyDir, {
      recursive: true,
      filter: (source) => shouldCopyForBuild(packageDir, source)
    })
    const manifest = {
      name: 'pointbook-electron-native',
      private: true,
      dependencies: { 'better-sqlite3': betterSqliteVersion }
    }
    writeFileSync(join(workDir, 'package.json'), JSON.stringify(manifest, null, 2))

    // @electron/rebuild forks node-gyp with a copy of process.env: clean it here, in our own
    // short-lived process, before the build starts.
    const buildEnv = electronBuildEnv(process.env)
    for (const key of Object.keys(process.env)) {
      if (key in buildEnv) continue
      log(`removing ${key} from the environment (it would build against Node's headers)`)
      delete process.env[key]
    }
    log(
      `fetching or building better-sqlite3 for Electron ${electronVersion} (a prebuilt binary if one is published, else from source: about a minute)`
    )
    const { rebuild } = await import('@electron/rebuild')
    await rebuild({
      buildPath: workDir,
      projectRootPath: workDir,
      electronVersion,
      onlyModules: ['better-sqlite3'],
      force: true,
      // Prebuilt Electron binaries first (clinic machines rarely have a C++ toolchain); node-gyp
      // from source only when none matches.
      buildFromSource: false,
      mode: 'sequential'
    })

    const built = join(copyDir, 'build', 'Release', 'better_sqlite3.node')
    if (!existsSync(built)) throw new Error(`the build finished but ${built} is missing`)
    mkdirSync(dirname(bindingPath), { recursive: true })
    copyFileSync(built, bindingPath)
    log(`kept ${relative(projectRoot, bindingPath)}`)
  } finally {
    rmSync(workDir, { recursive: true, force: true })
  }
}

function checkInElectron(require, projectRoot, bindingPath) {
  const electronPath = require('electron')
  const script = electronLoadCheckScript(
    join(projectRoot, 'node_modules', 'better-sqlite3'),
    bindingPath
  )
  const result = spawnSync(electronPath, ['-e', script], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    encoding: 'utf8'
  })
  if (result.status === 0) {
    log(`checked: ${result.stdout.trim()}`)
    return
  }
  rmSync(dirname(bindingPath), { recursive: true, force: true })
  throw new Error(
    `the Electron build of better-sqlite3 does not load in Electron, so it was removed:\n` +
      `${(result.stderr || result.stdout || String(result.error)).trim()}\n` +
      'If it mentions NODE_MODULE_VERSION, the build used Node headers (is npm_config_nodedir set?).'
  )
}

export async function prepareElectron(projectRoot) {
  const require = createRequire(join(projectRoot, 'package.json'))
  installElectronBinary(require.resolve('electron/install.js'))
  const electronVersion = readVersion(require.resolve('electron/package.json'))
  const betterSqliteVersion = readVersion(require.resolve('better-sqlite3/package.json'))
  const plan = planElectronNative({
    projectRoot,
    electronVersion,
    betterSqliteVersion,
    exists: existsSync
  })
  if (plan.action === 'keep') {
    log(
      `better-sqlite3 for Electron ${electronVersion} is ready (${relative(projectRoot, plan.bindingPath)})`
    )
    return
  }
  await buildForElectron({
    projectRoot,
    electronVersion,
    betterSqliteVersion,
    bindingPath: plan.bindingPath
  })
  checkInElectron(require, projectRoot, plan.bindingPath)
}

const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href

if (isEntryPoint) {
  const projectRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..')
  prepareElectron(projectRoot).catch((error) => {
    console.error(`prepare-electron: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
