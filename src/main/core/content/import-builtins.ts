import { createHash } from 'node:crypto'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { isoNow } from '../clock'
import type { BuiltinContent, ModuleContext } from '../module'
import { withBuildDerived } from './build-derived'
import { withParsedYaml } from './yaml'

export interface BuiltinImportOptions {
  readonly resourcesDir: string
  /** The schema version: an upgrade of the schema imports everything again. */
  readonly schemaVersion: number
  /** Makes a backup; called at most once, and only before an import changes existing items. */
  readonly backupBeforeChanges: () => void
}

export interface ModuleBuiltins {
  readonly name: string
  readonly service: unknown
  readonly content: BuiltinContent<unknown>
}

/** What one start-up did with each module's shipped content. */
export type BuiltinImportOutcome = Readonly<Record<string, 'imported' | 'unchanged' | 'failed'>>

/**
 * Imports each module's shipped content only when it differs from what was imported last time
 * (a hash of its files, its importer version and the schema version, kept in `content_imports`).
 * Reading and parsing every file on every start cost most of a reopen's CPU (docs/bench.md);
 * hashing the same ~1 MB costs a few milliseconds. A module whose import fails is reported and
 * tried again at the next start; it never stops the others or the start-up.
 */
export function importChangedBuiltins(
  modules: readonly ModuleBuiltins[],
  context: ModuleContext,
  options: BuiltinImportOptions
): BuiltinImportOutcome {
  const { db, clock, warn } = context
  const recorded = new Map(
    (
      db.prepare('SELECT module, fingerprint FROM content_imports').all() as {
        module: string
        fingerprint: string
      }[]
    ).map((row) => [row.module, row.fingerprint])
  )
  const record = db.prepare(
    `INSERT INTO content_imports (module, fingerprint, imported_at) VALUES (?, ?, ?)
     ON CONFLICT (module) DO UPDATE SET fingerprint = excluded.fingerprint,
       imported_at = excluded.imported_at`
  )
  const updateFingerprint = db.prepare(
    'UPDATE content_imports SET fingerprint = ? WHERE module = ?'
  )
  const refreshFingerprint = (fingerprint: string, module: string): void => {
    try {
      // A write like any other: a deferred integrity check must pass first.
      context.guard.assertWritable()
      updateFingerprint.run(fingerprint, module)
    } catch {
      // Not remembered (a damaged or read-only file): the next start hashes the files again.
    }
  }
  let backedUp = false
  const beforeChangingExisting = (): void => {
    if (backedUp) return
    options.backupBeforeChanges()
    backedUp = true
  }
  const outcome: Record<string, 'imported' | 'unchanged' | 'failed'> = {}
  const changed: (ModuleBuiltins & { readonly fingerprint: string })[] = []
  for (const module of modules) {
    const { resourcesDir, schemaVersion } = options
    const stored = parseRecorded(recorded.get(module.name))
    const stat = contentStatSignature(resourcesDir, module.content, schemaVersion)
    if (stored !== null && stored.stat === stat) {
      outcome[module.name] = 'unchanged'
      continue
    }
    const hash = contentFingerprint(resourcesDir, module.content, schemaVersion)
    const fingerprint = `${hash} ${stat}`
    if (stored?.hash === hash) {
      // Same bytes in files touched or copied anew (an upgrade that kept this content): nothing
      // to import; remember the new stat so the next start reads nothing.
      refreshFingerprint(fingerprint, module.name)
      outcome[module.name] = 'unchanged'
    } else {
      changed.push({ ...module, fingerprint })
    }
  }
  if (changed.length === 0) return outcome
  // Only a start-up that imports reads what the build prepared (yaml.ts, build-derived.ts).
  const prepared = (work: () => void): void =>
    withParsedYaml(options.resourcesDir, () => withBuildDerived(options.resourcesDir, work))
  prepared(() => {
    for (const { name, service, content, fingerprint } of changed) {
      try {
        // Changed content is written: a deferred integrity check must pass first.
        context.guard.assertWritable()
        content.run(
          service,
          { resourcesDir: options.resourcesDir, warn, beforeChangingExisting },
          context
        )
        record.run(name, fingerprint, isoNow(clock))
        outcome[name] = 'imported'
      } catch (error) {
        outcome[name] = 'failed'
        warn(
          `Importing the built-in ${name} failed: ${error instanceof Error ? error.message : String(error)}`
        )
      }
    }
  })
  return outcome
}

/**
 * `content_imports.fingerprint`: the content hash, then (since the stat shortcut) a space and the
 * stat signature. An older row holds the hash alone; its first start reads the files once.
 */
function parseRecorded(value: string | undefined): { hash: string; stat: string | null } | null {
  if (value === undefined) return null
  const [hash = '', stat] = value.split(' ')
  return { hash, stat: stat ?? null }
}

/**
 * A hash of every file (name and bytes) under the module's folders, with the importer and
 * schema versions. A missing folder hashes as missing, so adding it later triggers an import.
 */
export function contentFingerprint(
  resourcesDir: string,
  content: Pick<BuiltinContent<unknown>, 'folders' | 'importerVersion'>,
  schemaVersion: number
): string {
  return hashFolders(resourcesDir, content, schemaVersion, (hash, path, name) => {
    const bytes = readFileSync(path)
    hash.update(`file ${name} ${bytes.length}\n`)
    hash.update(bytes)
  })
}

/**
 * A hash of what the file system says about the same files, without reading them: name, inode,
 * size, modification and change times (ns). Any write to a file changes its change time (which,
 * unlike the modification time, no tool can set back), and a replaced file has a new inode, so
 * while this stays the same the files' bytes do too. It lets an unchanged reopen skip reading
 * and hashing ~1 MB (10-20 ms of CPU); when it differs (an upgrade, an edit, files copied anew)
 * the content fingerprint decides, as before.
 */
export function contentStatSignature(
  resourcesDir: string,
  content: Pick<BuiltinContent<unknown>, 'folders' | 'importerVersion'>,
  schemaVersion: number
): string {
  return hashFolders(resourcesDir, content, schemaVersion, (hash, path, name) => {
    const stat = statSync(path, { bigint: true })
    hash.update(
      `file ${name} ${stat.dev} ${stat.ino} ${stat.size} ${stat.mtimeNs} ${stat.ctimeNs}\n`
    )
  })
}

type Hash = ReturnType<typeof createHash>

function hashFolders(
  resourcesDir: string,
  content: Pick<BuiltinContent<unknown>, 'folders' | 'importerVersion'>,
  schemaVersion: number,
  hashFile: (hash: Hash, path: string, name: string) => void
): string {
  const hash = createHash('sha256')
  hash.update(`importer ${content.importerVersion}; schema ${schemaVersion}\n`)
  for (const folder of content.folders) {
    hash.update(`folder ${folder}\n`)
    hashFolder(join(resourcesDir, 'content', folder), folder, hash, hashFile)
  }
  return hash.digest('hex')
}

function hashFolder(
  dir: string,
  label: string,
  hash: Hash,
  hashFile: (hash: Hash, path: string, name: string) => void
): void {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch (error) {
    hash.update(`unreadable ${label} ${(error as NodeJS.ErrnoException).code ?? 'error'}\n`)
    return
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name)
    const name = `${label}/${entry.name}`
    if (entry.isDirectory()) {
      hashFolder(path, name, hash, hashFile)
    } else if (entry.isFile()) {
      hashFile(hash, path, name)
    } else {
      // Links and other special entries are not content the importers read as files.
      hash.update(`other ${name}\n`)
    }
  }
}
