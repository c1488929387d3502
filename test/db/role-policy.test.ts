import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHANNELS, contract } from '../../src/shared/api'
import type { Channel } from '../../src/shared/api'
import { dispatch } from '../../src/main/core/api/dispatch'
import { libraryInternals } from '../../src/main/core/library'
import { CHANNEL_POLICY, accessOf } from '../../src/main/core/role/channel-policy'
import type { Library } from '../../src/main/core'
import { call, draft, openTestLibrary } from './helpers'
import { fakePorts } from './handouts-fixtures'

/**
 * The front-desk role is enforced in the core (docs/front-desk-role.md): every channel of the
 * contract is classified, and every practitioner channel, called through dispatch() in
 * front-desk mode with input the contract accepts, is refused with `forbidden_role` and changes
 * nothing: not the database, not a file in the library's folder.
 */

/** A valid input for each practitioner channel, naming things that exist (see `seed`). */
type Seeded = { articleId: string; noteId: string; handoutId: string; backup: string }
const PRACTITIONER_INPUTS: Record<string, (s: Seeded) => unknown> = {
  'articles:create': () => draft('New one'),
  'articles:update': (s) => ({ ...draft('Changed'), id: s.articleId, baseRevision: 1 }),
  'articles:delete': (s) => ({ id: s.articleId }),
  'articles:undelete': (s) => ({ id: s.articleId }),
  'articles:restoreRevision': (s) => ({ id: s.articleId, revision: 1 }),
  'articles:resetToBuiltin': (s) => ({ id: s.articleId }),
  'handouts:setHidden': (s) => ({ id: s.handoutId, hidden: true }),
  'handouts:create': () => ({ title: 'Another', summary: '', body: 'Text.', lang: 'en' }),
  'handouts:save': (s) => ({
    id: s.handoutId,
    lang: 'en',
    baseVersion: 1,
    title: 'Changed',
    summary: '',
    body: 'Changed text.'
  }),
  'handouts:addLanguage': (s) => ({
    id: s.handoutId,
    lang: 'fr-CA',
    title: 'Fiche',
    summary: '',
    body: 'Texte.'
  }),
  'handouts:approve': (s) => ({
    id: s.handoutId,
    lang: 'en',
    version: 1,
    by: 'Dr Lee',
    on: '2025-03-01'
  }),
  'handouts:resetToBuiltin': (s) => ({ id: s.handoutId, lang: 'en' }),
  'notes:create': () => ({ target: null, body: 'A note.' }),
  'notes:update': (s) => ({ id: s.noteId, body: 'Changed.', baseRevision: 1 }),
  'notes:setTarget': (s) => ({ id: s.noteId, target: null }),
  'notes:setPinned': (s) => ({ id: s.noteId, pinned: true }),
  'notes:delete': (s) => ({ id: s.noteId }),
  'notes:undelete': (s) => ({ id: s.noteId }),
  'notes:restoreRevision': (s) => ({ id: s.noteId, revision: 1 }),
  'notes:saveDraft': (s) => ({ noteId: s.noteId, body: 'Typing…' }),
  'notes:discardDraft': (s) => ({ noteId: s.noteId }),
  'settings:saveProfile': () => ({
    name: 'Changed clinic',
    address: '',
    phone: '',
    email: '',
    website: '',
    practitioners: [],
    defaultPaper: 'letter',
    defaultLang: 'en',
    footerLine: '',
    printerName: null,
    startScreen: 'home'
  }),
  'settings:setLogo': () => ({
    fileName: 'logo.svg',
    dataBase64: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')
  }),
  'settings:clearLogo': () => ({}),
  'settings:skipFirstStart': () => ({}),
  'backups:restore': (s) => ({ fileName: s.backup }),
  'backups:saveCopy': (s) => ({ fileName: s.backup }),
  'backups:chooseSecondFolder': () => ({}),
  'backups:clearSecondFolder': () => ({}),
  'transfer:exportLibrary': () => ({}),
  'transfer:previewImport': () => ({}),
  'transfer:applyImport': () => ({ token: 'a-previewed-import' }),
  'role:setPin': () => ({ pin: '9999' }),
  'sync:markSeen': (s) => ({ kind: 'article', itemId: s.articleId }),
  'network:share': () => ({ libraryName: 'North Clinic', passphrase: 'north clinic 2026' }),
  'network:setHubPort': () => ({ port: 45985 }),
  'network:stopSharing': () => ({}),
  'network:removeComputer': () => ({ id: 'some-computer' }),
  'network:join': () => ({
    host: '127.0.0.1',
    port: 45984,
    fingerprint: Array.from({ length: 32 }, () => 'AB').join(':'),
    passphrase: 'north clinic 2026',
    computerName: 'Front desk'
  }),
  'network:joinCouchDb': () => ({ url: 'https://couch.example:6984', user: 'u', password: 'p' }),
  'network:leave': () => ({})
}

/** Every row of every table, in a stable order: equal before and after means nothing changed. */
function databaseDigest(library: Library): string {
  const { db } = libraryInternals(library)
  const tables = db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all() as { name: string }[]
  const hash = createHash('sha256')
  for (const { name } of tables) {
    const rows = db
      .prepare(`SELECT * FROM "${name.replaceAll('"', '""')}"`)
      .raw()
      .all()
    const lines = rows.map((row) =>
      JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v))
    )
    hash.update(`${name}\n${lines.sort().join('\n')}\n`)
  }
  return hash.digest('hex')
}

/** Every file under the library's folder with its bytes' hash (SQLite's shared-memory index aside: readers write it). */
function folderDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('-shm')) continue
    const path = join(entry.parentPath, entry.name)
    out[path] =
      `${statSync(path).size}:${createHash('sha256').update(readFileSync(path)).digest('hex')}`
  }
  return out
}

async function frontDeskLibrary() {
  const { ports } = fakePorts({ savePath: null })
  const opened = openTestLibrary({
    extra: {
      platform: { ...ports, chooseFolder: async () => '/nowhere', chooseOpenPath: async () => null }
    }
  })
  const { library } = opened
  const article = await call(library, 'articles:create', draft('Kept as it is'))
  const note = await call(library, 'notes:create', { target: null, body: 'Kept note.' })
  const handout = await call(library, 'handouts:create', {
    title: 'Clinic sheet',
    summary: '',
    body: 'Call us.',
    lang: 'en'
  })
  const { backup } = await call(library, 'backups:create', {})
  await call(library, 'role:setPin', { pin: '2468' })
  await call(library, 'role:enterFrontDesk', {})
  const seeded: Seeded = {
    articleId: article.id,
    noteId: note.id,
    handoutId: handout.id,
    backup: backup.fileName
  }
  return { ...opened, seeded }
}

describe('the channel policy', () => {
  it('classifies every channel of the contract (fail closed: an unlisted one needs a practitioner)', () => {
    const unclassified = CHANNELS.filter(
      (channel) => !Object.prototype.hasOwnProperty.call(CHANNEL_POLICY, channel)
    )
    expect(unclassified, 'add these channels to core/role/channel-policy.ts').toEqual([])
    expect(accessOf('explain:somethingNew')).toBe('practitioner')
    expect(accessOf('toString')).toBe('practitioner')
  })

  it('refuses every practitioner channel in front-desk mode with forbidden_role, and changes nothing', async () => {
    const { library, dataDir, seeded } = await frontDeskLibrary()
    const practitionerChannels = CHANNELS.filter((c) => accessOf(c) === 'practitioner')
    expect(practitionerChannels.length).toBeGreaterThan(25)
    const withoutInput = practitionerChannels.filter((c) => PRACTITIONER_INPUTS[c] === undefined)
    expect(withoutInput, 'give these channels a valid input in PRACTITIONER_INPUTS').toEqual([])

    const databaseBefore = databaseDigest(library)
    const filesBefore = folderDigest(dataDir)
    for (const channel of practitionerChannels) {
      const input = (PRACTITIONER_INPUTS[channel] as (s: Seeded) => unknown)(seeded)
      // The input is one the contract accepts, so the refusal is the role's, not zod's.
      expect(contract[channel].input.safeParse(input).success, channel).toBe(true)
      const result = await dispatch(library.handlers, channel, input)
      expect(result, channel).toEqual({
        ok: false,
        error: { code: 'forbidden_role', message: expect.stringContaining('front-desk mode') }
      })
    }
    expect(databaseDigest(library)).toBe(databaseBefore)
    expect(folderDigest(dataDir)).toEqual(filesBefore)
  })

  it('lets the front desk read, print, save PDFs, use the print log and back up', async () => {
    const { library, seeded } = await frontDeskLibrary()
    const readChannels: Channel[] = [
      'articles:list',
      'notes:list',
      'handouts:list',
      'printLog:list'
    ]
    for (const channel of readChannels) {
      expect(accessOf(channel)).toBe('read')
    }
    await call(library, 'articles:get', { id: seeded.articleId })
    await call(library, 'search:query', { q: 'kept' })
    const job = {
      items: [{ id: seeded.handoutId, lang: 'en' }],
      paper: 'letter' as const,
      largePrint: false,
      copies: 1
    }
    const printed = await call(library, 'handouts:print', job)
    expect(printed.status).toBe('printed')
    const log = await call(library, 'printLog:list', {})
    expect(log.map((entry) => entry.items[0]?.id)).toEqual([seeded.handoutId])
    await call(library, 'printLog:reprint', { id: log[0]?.id ?? 0, output: 'printer' })
    expect((await call(library, 'backups:create', {})).backup.reason).toBe('manual')
    expect((await call(library, 'role:status', {})).mode).toBe('front-desk')
    // After the PIN, the same calls work again.
    await call(library, 'role:leaveFrontDesk', { pin: '2468' })
    await call(library, 'notes:create', { target: null, body: 'Back to work.' })
  })
})
