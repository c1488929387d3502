/**
 * Run by crash-kill.test.ts (D2), one fresh process per round, and killed with SIGKILL:
 *   crash-writer-probe.ts <dataDir> <resourcesDir> <seed> <clockStartIso>
 * Loads the core and prints `loaded`, then waits for a line on stdin, so the test can start the
 * next writer while the current one runs (loading takes far longer than a round). Then it prints
 * `opening`, opens the library (checks, migrations, backups, built-in import), prints `open` and
 * saves articles (creates and updates through the real handlers) until it is killed, printing
 * `ack <json>` (crash-shared.ts) after each save the core acknowledged, i.e. once the call has
 * returned. Writes to a pipe are synchronous on Linux and macOS, so a printed line has left this
 * process before the next save starts. Anything unexpected is printed as `error <text>`.
 * It never stops on a timer (a slow machine must not end it early): it saves until it is killed,
 * or until its stdin closes, which means the test has ended.
 */
import { dispatch } from '../../../src/main/core/api/dispatch'
import { openLibrary } from '../../../src/main/core'
import type { ArticleSummary } from '../../../src/shared/api/articles'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { serializeLibraryFile } from '../../../src/main/core/transfer/library-file'
import {
  ACK_PREFIX,
  CRASH_TAGS,
  IMPORTED_PREFIX,
  IMPORT_NOTES,
  articleBody,
  importNoteId,
  seededRandom,
  sha256
} from './crash-shared'
import type { AckedSave } from './crash-shared'

const say = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

interface SavedArticle {
  readonly id: string
  readonly revision: number
  readonly title: string
  readonly tags: readonly string[]
  readonly body: string
}

async function main(): Promise<void> {
  const [dataDir, resourcesDir, seedText, clockStart] = process.argv.slice(2) as [
    string,
    string,
    string,
    string
  ]
  const random = seededRandom(Number(seedText))
  const started = performance.now()
  const startMs = Date.parse(clockStart)
  const clock = (): Date => new Date(startMs + Math.floor(performance.now() - started))

  say('loaded')
  await waitForGo()
  say('opening')
  const importFile = join(dataDir, `import-${seedText}.json`)
  const library = openLibrary({
    dataDir,
    resourcesDir,
    platform: { clock, chooseOpenPath: async () => importFile },
    appVersion: '1.2.3-crash',
    warn: (message) => say(`warning ${message}`)
  })
  say('open')

  const call = async (channel: string, input: unknown): Promise<unknown> => {
    const result = await dispatch(library.handlers, channel, input, (message, error) =>
      say(`error ${message}: ${String(error)}`)
    )
    if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`)
    return result.value
  }

  const ids = ((await call('articles:list', {})) as ArticleSummary[]).map((a) => a.id)
  for (let n = 1; ; n++) {
    // Lets the event loop see a closed stdin (the saves themselves never wait for I/O).
    await new Promise((resolve) => setImmediate(resolve))
    if (random.chance(0.08)) {
      // A whole-library import of a few notes: all of them or none must survive a kill.
      writeFileSync(importFile, importOf(seedText, n, clock().toISOString()))
      const plan = (await call('transfer:previewImport', {})) as { token: string }
      say('importing')
      await call('transfer:applyImport', { token: plan.token })
      say(`${IMPORTED_PREFIX}${seedText} ${n}`)
      continue
    }
    const label = `seed ${seedText} save ${n}`
    const text = {
      body: articleBody(random, label),
      category: random.pick(['ims', 'acupuncture', 'dry-needling'] as const),
      tags: CRASH_TAGS.filter(() => random.chance(0.3)),
      summary: random.chance(0.5) ? `Summary of ${label}.` : ''
    }
    let saved: SavedArticle
    if (ids.length === 0 || random.chance(0.35)) {
      saved = (await call('articles:create', {
        ...text,
        title: `Crash ${seedText} ${n}`
      })) as SavedArticle
      ids.push(saved.id)
    } else {
      const id = random.pick(ids)
      const current = (await call('articles:get', { id })) as SavedArticle
      saved = (await call('articles:update', {
        ...text,
        id,
        baseRevision: current.revision,
        title: `Crash ${seedText} ${n} (was ${current.title.slice(0, 40)})`
      })) as SavedArticle
    }
    const ack: AckedSave = {
      id: saved.id,
      revision: saved.revision,
      title: saved.title,
      tags: saved.tags,
      bodySha256: sha256(saved.body)
    }
    say(ACK_PREFIX + JSON.stringify(ack))
  }
}

/** An export file holding IMPORT_NOTES new notes, batch `<seed> <n>`. */
function importOf(seed: string, n: number, at: string): string {
  const notes = Array.from({ length: IMPORT_NOTES }, (_, k) => ({
    id: importNoteId(seed, n, k),
    targetKind: null,
    targetId: null,
    body: `Imported note ${k} of batch ${seed} ${n}.`,
    pinned: false,
    revision: 1,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
    revisions: [
      {
        revision: 1,
        body: `Imported note ${k} of batch ${seed} ${n}.`,
        source: 'user' as const,
        savedAt: at
      }
    ]
  }))
  return serializeLibraryFile(
    { appVersion: '1.2.3-crash', schemaVersion: 1, exportedAt: at },
    { articles: [], notes, handouts: [], settings: { hiddenHandouts: [] }, profile: null }
  )
}

/**
 * The test writes a line when it is this writer's turn. A closed stdin, before or after, means the
 * test ended (or was stopped) without killing this writer: it goes too.
 */
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => resolve())
    process.stdin.once('end', () => process.exit(0))
  })
}

main().catch((error: unknown) => {
  say(`error ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  process.exitCode = 1
})
