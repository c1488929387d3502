#!/usr/bin/env node
/**
 * Runs before the tests (npm `pretest`): makes sure node_modules/better-sqlite3 loads in this
 * Node and has FTS5. Only when it does not (a fresh clone with a failed install, a Node upgrade,
 * or a failed rebuild that deleted build/) is it rebuilt with `npm rebuild better-sqlite3`, then
 * checked again in a fresh process: a native module that failed to load stays cached in the
 * process that tried it. The Electron build lives elsewhere (scripts/prepare-electron.mjs), so
 * nothing here ever undoes it.
 */
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const log = (message) => console.log(`ensure-node-sqlite: ${message}`)

/**
 * Loads better-sqlite3 through `requireModule`, opens :memory: and creates an FTS5 table.
 * Returns `{ ok: true, sqliteVersion }` or `{ ok: false, reason }`; never throws.
 */
export function checkNodeSqlite(requireModule) {
  try {
    const Database = requireModule('better-sqlite3')
    const db = new Database(':memory:')
    try {
      db.exec('CREATE VIRTUAL TABLE probe USING fts5(body)')
      const { v } = db.prepare('SELECT sqlite_version() AS v').get()
      return { ok: true, sqliteVersion: v }
    } finally {
      db.close()
    }
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : String(error) }
  }
}

/** The npm command for this platform (npm.cmd on Windows). */
export const npmCommand = (platform = process.platform) =>
  platform === 'win32' ? 'npm.cmd' : 'npm'

function checkInFreshProcess(scriptPath) {
  const result = spawnSync(process.execPath, [scriptPath, '--check-only'], { stdio: 'inherit' })
  return result.status === 0
}

function main(projectRoot, scriptPath) {
  const requireModule = createRequire(resolve(projectRoot, 'package.json'))
  const first = checkNodeSqlite(requireModule)
  const checkOnly = process.argv.includes('--check-only')
  if (first.ok) {
    log(`better-sqlite3 loads in Node ${process.version} (SQLite ${first.sqliteVersion}, FTS5 ok)`)
    return 0
  }
  log(`better-sqlite3 does not load in Node ${process.version}: ${first.reason}`)
  if (checkOnly) return 1

  log('rebuilding it for this Node with `npm rebuild better-sqlite3` (about a minute)')
  const rebuild = spawnSync(npmCommand(), ['rebuild', 'better-sqlite3'], {
    cwd: projectRoot,
    stdio: 'inherit',
    shell: process.platform === 'win32'
  })
  if (rebuild.status !== 0 || !checkInFreshProcess(scriptPath)) {
    console.error(
      'ensure-node-sqlite: better-sqlite3 still does not load in Node. Check that a C++ ' +
        'toolchain and Python are installed, then run `npm rebuild better-sqlite3` and read its ' +
        'output. The tests need it; the app uses a separate Electron build.'
    )
    return 1
  }
  log('rebuilt; better-sqlite3 now loads in Node')
  return 0
}

const scriptPath = fileURLToPath(import.meta.url)
const isEntryPoint =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href

if (isEntryPoint) {
  process.exitCode = main(resolve(dirname(scriptPath), '..'), scriptPath)
}
