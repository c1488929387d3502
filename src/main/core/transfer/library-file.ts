import { createHash } from 'node:crypto'
import { ApiError } from '../../../shared/api/errors'
import * as transferApi from '../../../shared/api/transfer'
import type { LibraryFile, PartName } from '../../../shared/api/transfer'

type Parts = LibraryFile['parts']

export interface LibraryFileMeta {
  readonly appVersion: string
  readonly schemaVersion: number
  readonly exportedAt: string
}

const partHash = (part: unknown): string =>
  createHash('sha256').update(JSON.stringify(part)).digest('hex')

/** The export file's text: a manifest (format, versions, counts, a SHA-256 per part) and the parts. */
export function serializeLibraryFile(meta: LibraryFileMeta, parts: Parts): string {
  const manifest = {
    format: transferApi.LIBRARY_FILE_FORMAT,
    formatVersion: transferApi.LIBRARY_FILE_VERSION,
    appVersion: meta.appVersion,
    schemaVersion: meta.schemaVersion,
    exportedAt: meta.exportedAt,
    counts: {
      articles: parts.articles.length,
      notes: parts.notes.length,
      handouts: parts.handouts.length
    }
  } as const
  const file: LibraryFile = {
    ...manifest,
    sha256: {
      manifest: partHash(manifest),
      articles: partHash(parts.articles),
      notes: partHash(parts.notes),
      handouts: partHash(parts.handouts),
      settings: partHash(parts.settings),
      profile: partHash(parts.profile)
    },
    parts
  }
  return `${JSON.stringify(file)}\n`
}

const refuse = (reason: string): ApiError =>
  new ApiError('invalid_input', `This file cannot be imported: ${reason} Nothing was changed.`)

/**
 * Reads an export file someone chose, trusting nothing in it: the size, the text encoding, the
 * JSON, the format and its version, each part's checksum, then every field against the schema
 * (with limits), then duplicate ids. Throws invalid_input with one sentence saying what is wrong.
 */
export function parseLibraryFile(bytes: Buffer): LibraryFile {
  if (bytes.length > transferApi.LIBRARY_FILE_MAX_BYTES) {
    throw refuse(`it is larger than ${transferApi.LIBRARY_FILE_MAX_BYTES / (1024 * 1024)} MB.`)
  }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw refuse('it is not a text file (it is not valid UTF-8).')
  }
  let data: unknown
  try {
    data = JSON.parse(text) as unknown
  } catch {
    throw refuse('it is not a Pointbook library export (it is cut short or not JSON).')
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw refuse('it is not a Pointbook library export.')
  }
  const record = data as Record<string, unknown>
  if (record['format'] !== transferApi.LIBRARY_FILE_FORMAT) {
    throw refuse('it is not a Pointbook library export.')
  }
  const version = record['formatVersion']
  if (typeof version === 'number' && version > transferApi.LIBRARY_FILE_VERSION) {
    throw refuse('it was made by a newer version of Pointbook. Install the newer version first.')
  }
  verifyChecksums(record)
  const parsed = transferApi.libraryFileSchema.safeParse(data)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue ? issue.path.slice(0, 4).join(' › ') : ''
    throw refuse(
      `part of it does not have the expected form (${cut(where)}: ${cut(issue?.message ?? '')}).`
    )
  }
  const file = parsed.data
  assertUnique(
    file.parts.articles.map((a) => a.id),
    'article'
  )
  assertUnique(
    file.parts.notes.map((n) => n.id),
    'note'
  )
  if (
    file.counts.articles !== file.parts.articles.length ||
    file.counts.notes !== file.parts.notes.length
  ) {
    throw refuse('its counts do not match what it holds (it was changed after export).')
  }
  return file
}

function verifyChecksums(record: Record<string, unknown>): void {
  const sums = record['sha256']
  const parts = record['parts']
  if (typeof sums !== 'object' || sums === null || typeof parts !== 'object' || parts === null) {
    throw refuse('its list of checksums is missing.')
  }
  const manifest = {
    format: record['format'],
    formatVersion: record['formatVersion'],
    appVersion: record['appVersion'],
    schemaVersion: record['schemaVersion'],
    exportedAt: record['exportedAt'],
    counts: record['counts']
  }
  if (partHash(manifest) !== (sums as Record<string, unknown>)['manifest']) {
    throw refuse('its description does not match its checksum (the file was changed after export).')
  }
  for (const name of transferApi.PART_NAMES) {
    const expected = (sums as Record<PartName, unknown>)[name]
    if (!(name in parts) || partHash((parts as Record<string, unknown>)[name]) !== expected) {
      throw refuse(
        `its ${name} do not match their checksum (the file was changed or damaged after export).`
      )
    }
  }
}

function assertUnique(ids: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id)) throw refuse(`it holds the ${what} "${cut(id)}" twice.`)
    seen.add(id)
  }
}

/** Never more than a short piece of what the file says. */
const cut = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text)
