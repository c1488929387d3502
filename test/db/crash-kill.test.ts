import { spawn } from 'node:child_process'
import { copyFileSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { bundleForNode } from '../support/bundle-for-node'
import { describe, expect, it } from 'vitest'
import { LATEST_SCHEMA_VERSION, databasePath, listBackups, openLibrary } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import { keptAsideFiles } from '../../src/main/core/db/restore'
import { backupsDir } from '../../src/main/core/db/backups'
import { MOST_BACKUPS_KEPT } from '../../src/main/core/db/retention'
import { checkDatabaseFile } from '../../src/main/core/db/integrity'
import { runMigrations } from '../../src/main/core/db/migrate'
import { MIGRATIONS } from '../../src/main/core/db/migrations'
import {
  DAY,
  HOUR,
  call,
  draft,
  openTestLibrary,
  tempDir,
  testClock,
  writeBuiltinArticle
} from './helpers'
import {
  ACK_PREFIX,
  IMPORTED_PREFIX,
  IMPORT_NOTES,
  importNoteId,
  seededRandom,
  sha256
} from './probes/crash-shared'
import type { AckedSave, Random } from './probes/crash-shared'

const ROOT = resolve(__dirname, '../..')
const PROBE = join(__dirname, 'probes', 'crash-writer-probe.ts')

const ROUNDS = 100
const SEED = 0x2d2
/**
 * Loading the core takes longer than a round, so the next writers are started (and load) while
 * the current one runs; each still opens the library only when its turn comes, and each round is
 * its own process killed with SIGKILL.
 */
const WRITERS_AHEAD = 2
/** The library starts at this schema version, so the first rounds migrate (and may be killed). */
const SEEDED_VERSION = 1
const CLOCK_START = Date.parse('2025-03-01T09:00:00.000Z')
/** 13 hours between rounds: every other start makes the daily backup (which may be killed). */
const ROUND_GAP_MS = 13 * HOUR

/** When the test kills a writer: during start-up, after some time saving, or after N acks. */
type KillPlan =
  | { readonly when: 'opening'; readonly afterMs: number }
  | { readonly when: 'saving'; readonly afterMs: number }
  | { readonly when: 'acks'; readonly acks: number }

/**
 * The first rounds sweep the first start-up (pre-migration backup, upgrade, built-in import,
 * daily backup) in 2 ms steps from 0: each kill before the upgrade commits starts it over.
 */
const SWEEP_ROUNDS = 10

function planKill(random: Random, round: number): KillPlan {
  if (round < SWEEP_ROUNDS) return { when: 'opening', afterMs: 2 * round }
  if (random.chance(0.2)) return { when: 'opening', afterMs: random.int(0, 30) }
  if (random.chance(0.5)) return { when: 'saving', afterMs: random.int(5, 60) }
  return { when: 'acks', acks: random.int(1, 12) }
}

interface Writer {
  readonly loaded: Promise<void>
  readonly closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
  onLine(listener: (line: string) => void): void
  go(): void
  kill(): void
  readonly stderr: () => string
}

/**
 * The writer as one CommonJS file, better-sqlite3 left native (found through NODE_PATH): a writer
 * then loads on a quarter of the CPU time that tsx takes to compile the core (0.25 s, not 1 s),
 * which on a busy machine is most of what a round costs.
 */
function bundleWriter(dir: string): string {
  bundleForNode({ 'crash-writer': PROBE }, dir)
  return join(dir, 'crash-writer.js')
}

function startWriter(
  script: string,
  dataDir: string,
  resourcesDir: string,
  seed: number,
  clock: number
): Writer {
  const child = spawn(
    process.execPath,
    [script, dataDir, resourcesDir, String(seed), new Date(clock).toISOString()],
    { cwd: ROOT, stdio: 'pipe', env: { ...process.env, NODE_PATH: join(ROOT, 'node_modules') } }
  )
  const listeners: ((line: string) => void)[] = []
  let stderr = ''
  let pending = ''
  let markLoaded = (): void => {}
  const loaded = new Promise<void>((resolveLoaded) => {
    markLoaded = resolveLoaded
  })
  // A writer that died early cannot take its `go` line; the round reports how it ended.
  child.stdin.on('error', () => {})
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk
  })
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end)
      pending = pending.slice(end + 1)
      if (line === 'loaded') markLoaded()
      else for (const listener of listeners) listener(line)
    }
  })
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => {
    child.on('close', (code, signal) => {
      if (pending !== '') for (const listener of listeners) listener(pending)
      markLoaded()
      done({ code, signal })
    })
  })
  return {
    loaded,
    closed,
    onLine: (listener) => listeners.push(listener),
    go: () => child.stdin.write('go\n'),
    kill: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    },
    stderr: () => stderr
  }
}

type Phase = 'not started' | 'opening' | 'saving' | 'importing'

interface Round {
  readonly acks: AckedSave[]
  /** Whole-library imports that returned: `<seed> <n>`. */
  readonly imports: string[]
  /** Lines the writer should never print (errors, warnings), and how it ended if not killed. */
  readonly problems: string[]
  phaseAtKill: Phase
}

async function runRound(writer: Writer, plan: KillPlan): Promise<Round> {
  const round: Round = { acks: [], imports: [], problems: [], phaseAtKill: 'not started' }
  let phase: Phase = 'not started'
  let killed = false
  const kill = (): void => {
    if (killed) return
    killed = true
    round.phaseAtKill = phase
    writer.kill()
  }
  writer.onLine((line) => {
    if (line === 'opening') {
      phase = 'opening'
      if (plan.when === 'opening') setTimeout(kill, plan.afterMs)
    } else if (line === 'open') {
      phase = 'saving'
      if (plan.when === 'saving') setTimeout(kill, plan.afterMs)
    } else if (line === 'importing') {
      phase = 'importing'
    } else if (line.startsWith(IMPORTED_PREFIX)) {
      phase = 'saving'
      round.imports.push(line.slice(IMPORTED_PREFIX.length))
    } else if (line.startsWith(ACK_PREFIX)) {
      // One write of less than PIPE_BUF bytes: a line arrives whole or not at all.
      round.acks.push(JSON.parse(line.slice(ACK_PREFIX.length)) as AckedSave)
      if (plan.when === 'acks' && round.acks.length >= plan.acks) kill()
    } else {
      round.problems.push(line)
    }
  })
  await writer.loaded
  writer.go()
  const exit = await writer.closed
  if (exit.signal !== 'SIGKILL' || !killed) {
    round.problems.push(
      `the writer ended by itself (${exit.code}, ${exit.signal}): ${writer.stderr()}`
    )
  }
  return round
}

interface Expected {
  /** Every acknowledged save, in order. */
  readonly acks: AckedSave[]
  /** The last acknowledged save of each article. */
  readonly latest: Map<string, AckedSave>
  /** Every whole-library import that returned (`<seed> <n>`). */
  readonly imports: string[]
}

/**
 * Checks a copy of the database and its -wal exactly as the kill left them (opening the copy
 * replays the WAL the way the next start would, and the original stays as it was, so the next
 * writer meets the crash's leftovers itself). Opens it the way a forensic tool would
 * (better-sqlite3, no core code) and lists everything wrong: integrity, schema version, every
 * acknowledged save, and whether each article's row, revisions and search entry agree (they are
 * written in one transaction).
 */
function checkCopy(
  path: string,
  scratchDir: string,
  expected: Expected | null
): { problems: string[]; version: number } {
  const copy = join(scratchDir, 'copy.sqlite')
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true })
  copyFileSync(path, copy)
  if (existsSync(`${path}-wal`)) copyFileSync(`${path}-wal`, `${copy}-wal`)
  const problems: string[] = []
  let version = -1
  const db = new Database(copy)
  try {
    const integrity = db.pragma('integrity_check', { simple: true })
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
    version = db.pragma('user_version', { simple: true }) as number
    if (version !== SEEDED_VERSION && version !== LATEST_SCHEMA_VERSION) {
      problems.push(`schema version ${version}: a migration was half applied`)
    }
    db.prepare("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')").run()
    if (expected === null) return { problems, version }
    const revision = db.prepare<[string, number], { title: string; body: string; tags: string }>(
      `SELECT title, body, tags_json AS tags FROM article_revisions
       WHERE article_id = ? AND revision = ?`
    )
    for (const ack of expected.acks) {
      const row = revision.get(ack.id, ack.revision)
      if (
        row?.title !== ack.title ||
        sha256(row.body) !== ack.bodySha256 ||
        row.tags !== JSON.stringify(ack.tags)
      ) {
        problems.push(`lost: revision ${ack.revision} of ${ack.id}`)
      }
    }
    const current = db.prepare<[string], { revision: number; title: string; body: string }>(
      'SELECT revision, title, body FROM articles WHERE id = ?'
    )
    for (const ack of expected.latest.values()) {
      const row = current.get(ack.id)
      // A save may have committed just before the kill, unacknowledged: newer is fine.
      const same = row?.title === ack.title && sha256(row.body) === ack.bodySha256
      if (!row || row.revision < ack.revision || (row.revision === ack.revision && !same)) {
        problems.push(`article ${ack.id} is not at its acknowledged revision ${ack.revision}`)
      }
    }
    const torn = db
      .prepare(
        `SELECT a.id FROM articles AS a
         LEFT JOIN (SELECT article_id, count(*) AS n, max(revision) AS last
                    FROM article_revisions GROUP BY article_id) AS r ON r.article_id = a.id
         LEFT JOIN search_docs AS s ON s.kind = 'article' AND s.item_id = a.id
         WHERE r.n IS NOT a.revision OR r.last IS NOT a.revision OR s.title IS NOT a.title`
      )
      .pluck()
      .all() as string[]
    for (const id of torn) problems.push(`article ${id}: its row, revisions and search disagree`)
    problems.push(...checkImports(db, expected.imports))
  } catch (error) {
    problems.push(`reading the database failed: ${String(error)}`)
  } finally {
    db.close()
  }
  return { problems, version }
}

/**
 * Between rounds (no writer has the library open): opens the library as the app would, makes a
 * backup of it as it is (every acknowledged save is in it) and asks for that backup to be
 * restored at the next start, as Settings → Backups does.
 */
function requestRestoreOfFreshBackup(dataDir: string, resourcesDir: string, round: number): void {
  const library = openLibrary({
    dataDir,
    resourcesDir,
    platform: { clock: () => new Date(CLOCK_START + round * ROUND_GAP_MS + 1000) },
    appVersion: '1.2.3-crash',
    warn: () => undefined
  })
  try {
    const backups = libraryInternals(library).services.backups
    const made = backups.createNow()
    writeFileSync(
      join(dataDir, 'restore-request.json'),
      JSON.stringify({ fileName: made.backup.fileName, requestedAt: made.backup.createdAt })
    )
  } finally {
    library.close()
  }
}

/**
 * Every import is all or nothing: each batch of imported notes is whole or absent, and every
 * import that returned is there.
 */
function checkImports(db: Database.Database, imports: readonly string[]): string[] {
  const hasNotes = db.prepare("SELECT 1 FROM sqlite_schema WHERE name = 'notes'").get()
  if (!hasNotes) return imports.length > 0 ? ['the notes table is gone after an import'] : []
  const problems: string[] = []
  const ids = new Set(
    db.prepare("SELECT id FROM notes WHERE id LIKE 'imported-%'").pluck().all() as string[]
  )
  const batches = new Map<string, number>()
  for (const id of ids) {
    const batch = id.slice(0, id.lastIndexOf('-'))
    batches.set(batch, (batches.get(batch) ?? 0) + 1)
  }
  for (const [batch, count] of batches) {
    if (count !== IMPORT_NOTES) problems.push(`import ${batch}: ${count} of ${IMPORT_NOTES} notes`)
  }
  for (const done of imports) {
    const [seed = '', n = ''] = done.split(' ')
    if (!ids.has(importNoteId(seed, Number(n), 0))) problems.push(`lost: the import ${done}`)
  }
  return problems
}

/** A version-1 library with one article, as an older Pointbook left it. */
function seedOldLibrary(dataDir: string): AckedSave {
  const db = new Database(databasePath(dataDir))
  db.pragma('journal_mode = WAL')
  runMigrations(
    db,
    MIGRATIONS.filter((m) => m.version <= SEEDED_VERSION),
    () => {}
  )
  const body = 'Written by an older Pointbook.'
  db.prepare(
    `INSERT INTO articles (id, title, category, summary, body, text_hash, revision, created_at,
       updated_at) VALUES ('old', 'Old article', 'ims', '', ?, 'x', 1, '2024-01-01', '2024-01-01')`
  ).run(body)
  db.prepare(
    `INSERT INTO article_revisions (article_id, revision, title, category, summary, body,
       tags_json, source, saved_at)
     VALUES ('old', 1, 'Old article', 'ims', '', ?, '[]', 'user', '2024-01-01')`
  ).run(body)
  // Its search row as version 1 wrote it (today's SearchIndex also writes tables added later).
  db.prepare(
    `INSERT INTO search_docs (kind, item_id, title, body, tags, aliases, tags_json, tag_keys_json,
       flags_json) VALUES ('article', 'old', 'Old article', ?, '', '', '[]', '[]', '[]')`
  ).run(body)
  db.close()
  return { id: 'old', revision: 1, title: 'Old article', tags: [], bodySha256: sha256(body) }
}

describe('a writer killed with SIGKILL in the middle of writes (D2)', () => {
  // Its limit (30 min, 18 s a round) is far above what it takes even on a loaded machine (1.3 s a
  // round with stress --cpu 4 beside other work on 2 cores): a slow machine makes it slower, never
  // red, and nothing inside waits on time. Only a round that never ends fails it.
  it(`keeps the database intact and every acknowledged save, ${ROUNDS} kills in a row`, async () => {
    const dataDir = tempDir('pointbook-crash-')
    const scratchDir = tempDir('pointbook-crash-copy-')
    const resourcesDir = tempDir('pointbook-resources-')
    const writerScript = bundleWriter(tempDir('pointbook-crash-writer-'))
    for (const id of ['needling-safety', 'ims-basics', 'course-of-care']) {
      writeBuiltinArticle(resourcesDir, { id, body: `Built-in text of ${id}.` })
    }
    const seeded = seedOldLibrary(dataDir)
    const expected: Expected = {
      acks: [seeded],
      latest: new Map([[seeded.id, seeded]]),
      imports: []
    }
    const random = seededRandom(SEED)
    const writers: Writer[] = []
    const startNext = (): void => {
      const round = writers.length
      if (round < ROUNDS) {
        writers.push(
          startWriter(
            writerScript,
            dataDir,
            resourcesDir,
            SEED + round,
            CLOCK_START + round * ROUND_GAP_MS
          )
        )
      }
    }
    const killedIn = { 'not started': 0, opening: 0, saving: 0, importing: 0 }
    const restoreRounds = { done: 0, pending: 0 }
    let killedBeforeTheUpgrade = 0
    try {
      for (let i = 0; i <= WRITERS_AHEAD; i++) startNext()
      for (let round = 0; round < ROUNDS; round++) {
        // Every 10th round from 17 on, the next start restores a backup the test made just before
        // (so it holds every acknowledged save) and the writer is killed early in its start:
        // kills land before, during and after the swap.
        const restoring = round >= 17 && round % 10 === 7
        if (restoring) requestRestoreOfFreshBackup(dataDir, resourcesDir, round)
        const plan: KillPlan = restoring
          ? { when: 'opening', afterMs: random.int(0, 40) }
          : planKill(random, round)
        const result = await runRound(writers[round] as Writer, plan)
        const restorePending = existsSync(join(dataDir, 'restore-request.json'))
        if (restoring) restoreRounds[restorePending ? 'pending' : 'done']++
        startNext()
        killedIn[result.phaseAtKill]++
        for (const ack of result.acks) {
          expected.acks.push(ack)
          expected.latest.set(ack.id, ack)
        }
        expected.imports.push(...result.imports)
        // A restore cut short (its request still there) is finished by the next start; until then
        // the old file may lack its -wal (set aside), so only its integrity is checked here.
        const check = checkCopy(databasePath(dataDir), scratchDir, restorePending ? null : expected)
        if (check.version === SEEDED_VERSION) killedBeforeTheUpgrade++
        const problems = [...result.problems, ...check.problems]
        expect(problems, `round ${round} (${JSON.stringify(plan)})`).toEqual([])
      }
    } finally {
      for (const writer of writers) writer.kill()
    }

    // The kills landed where they should, and the writers really wrote. A slow machine does not
    // change this: with SEED, 44 rounds end after 1 to 12 acks (258 in all, many of them new
    // articles) and 30 more while saving; a slower start-up only moves more kills into it.
    expect(killedIn.opening).toBeGreaterThanOrEqual(5)
    expect(killedBeforeTheUpgrade).toBeGreaterThanOrEqual(1)
    expect(killedIn.saving).toBeGreaterThanOrEqual(50)
    expect(expected.latest.size).toBeGreaterThan(20)
    expect(expected.acks.length).toBeGreaterThan(150)
    expect(expected.imports.length).toBeGreaterThan(5)
    expect(restoreRounds.done + restoreRounds.pending).toBe(9)
    // Each restore that ran kept the file it replaced aside (one set aside per swap at least),
    // and the last one says it succeeded.
    expect(keptAsideFiles(dataDir).length).toBeGreaterThanOrEqual(9)
    expect(
      JSON.parse(readFileSync(join(dataDir, 'last-restore.json'), 'utf8')) as { ok: boolean }
    ).toMatchObject({ ok: true })

    // The library opens cleanly after all that, migrated. Two days on, its daily backup runs
    // and leaves only good backups: no half-written copy from a killed backup stays behind.
    const clock = testClock(new Date(CLOCK_START + (ROUNDS + 4) * ROUND_GAP_MS).toISOString())
    const { library, warnings } = openTestLibrary({ dataDir, resourcesDir, clock })
    expect(warnings).toEqual([])
    expect(library.info().schemaVersion).toBe(LATEST_SCHEMA_VERSION)
    const saved = await call(library, 'articles:create', draft('After the crashes'))
    expect(saved.revision).toBe(1)
    const backups = listBackups(dataDir)
    expect(backups[0]?.createdAt).toBe(clock.now().toISOString())
    expect(backups.length).toBeLessThanOrEqual(MOST_BACKUPS_KEPT)
    for (const backup of backups) expect(checkDatabaseFile(backup.path).ok).toBe(true)
    // Each backup has its note of what it holds (`.sqlite.json`); nothing else is left behind.
    expect(
      readdirSync(backupsDir(dataDir)).filter((name) => !/\.sqlite(\.json)?$/.test(name))
    ).toEqual([])
    console.log(
      `D2: ${ROUNDS} kills (${killedIn.opening} during start-up, ${killedBeforeTheUpgrade} of them ` +
        `before the upgrade from version ${SEEDED_VERSION} committed; ${killedIn.saving} while ` +
        `saving, ${killedIn.importing} while importing), ${expected.acks.length} acknowledged ` +
        `saves of ${expected.latest.size} articles, ${expected.imports.length} imports; ` +
        `${restoreRounds.done + restoreRounds.pending} restores (${restoreRounds.pending} cut short ` +
        'by the kill and finished by the next start)'
    )
  }, 1_800_000)

  it('a backup killed half-way leaves nothing behind once the next backup has run', () => {
    const clock = testClock()
    const opened = openTestLibrary({ clock })
    const dir = backupsDir(opened.dataDir)
    const killed = join(dir, 'pointbook-2025-02-27T09-00-00.000Z-daily.sqlite.partial')
    writeFileSync(killed, 'half a copy')
    writeFileSync(`${killed}-journal`, 'its journal')
    writeFileSync(join(dir, 'notes.txt'), 'not ours')
    clock.advance(DAY)
    opened.reopen()
    const backups = listBackups(opened.dataDir).map((b) => b.fileName)
    expect(backups).toHaveLength(2)
    expect(readdirSync(dir).sort()).toEqual(
      [...backups, ...backups.map((name) => `${name}.json`), 'notes.txt'].sort()
    )
  })
})
