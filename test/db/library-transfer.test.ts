import { createHash } from 'node:crypto'
import { closeSync, openSync, ftruncateSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { databasePath } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import type { Library } from '../../src/main/core'
import { ApiError } from '../../src/shared/api'
import { LIBRARY_FILE_MAX_BYTES } from '../../src/shared/api/transfer'
import type { LibraryFile } from '../../src/shared/api/transfer'
import {
  DAY,
  call,
  draft,
  openTestLibrary,
  sha256File,
  tempDir,
  testClock,
  writeBuiltinArticle
} from './helpers'
import { writeBuiltinHandout } from './handouts-fixtures'

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64'
)
const PROFILE = {
  name: 'Kits Point Clinic',
  address: '1 Main St, Vancouver',
  phone: '604 555 0100',
  email: 'front@kits.example',
  website: 'kits.example',
  practitioners: ['Dr A. Chen'],
  defaultPaper: 'letter' as const,
  defaultLang: 'en',
  footerLine: 'Call us with any question.',
  printerName: null,
  startScreen: 'home' as const
}

/** Shipped content both libraries share: one built-in article and one built-in handout. */
function sharedResources(): string {
  const resourcesDir = tempDir('pointbook-resources-')
  writeBuiltinArticle(resourcesDir, { id: 'what-is-ims', title: 'What is IMS?' })
  writeBuiltinHandout(resourcesDir, { id: 'after-ims', title: 'After IMS' })
  return resourcesDir
}

const transfer = (library: Library) => libraryInternals(library).services.transfer

/** A library with everything a clinic makes: articles, edits, notes (one in the bin), handouts, profile. */
async function clinicLibrary(resourcesDir: string) {
  const clock = testClock()
  const opened = openTestLibrary({ clock, resourcesDir })
  const { library } = opened
  const own = await call(library, 'articles:create', draft('Our needling protocol', 'First text.'))
  clock.advance(DAY)
  await call(library, 'articles:update', {
    id: own.id,
    ...draft('Our needling protocol', 'Second text, [[what-is-ims]].'),
    baseRevision: own.revision
  })
  const builtin = await call(library, 'articles:get', { id: 'what-is-ims' })
  await call(library, 'articles:update', {
    id: 'what-is-ims',
    ...draft('What is IMS?', 'Our clinic’s wording.'),
    baseRevision: builtin.revision
  })
  const note = await call(library, 'notes:create', {
    target: { kind: 'article', id: own.id },
    body: 'Check with Dr Chen.'
  })
  await call(library, 'notes:update', {
    id: note.id,
    body: 'Checked with Dr Chen.',
    baseRevision: note.revision
  })
  const binned = await call(library, 'notes:create', { target: null, body: 'An old note' })
  await call(library, 'notes:delete', { id: binned.id })
  await call(library, 'handouts:create', {
    lang: 'en',
    title: 'Parking and arrival',
    summary: 'Where to park.',
    body: 'Park behind the clinic.'
  })
  const shipped = await call(library, 'handouts:get', { id: 'after-ims', lang: 'en' })
  await call(library, 'handouts:save', {
    id: 'after-ims',
    lang: 'en',
    title: shipped.title,
    summary: shipped.summary,
    body: `${shipped.body}\n\nOur clinic adds this.`,
    baseVersion: shipped.version
  })
  await call(library, 'handouts:setHidden', { id: 'after-ims', hidden: true })
  await call(library, 'settings:saveProfile', PROFILE)
  await call(library, 'settings:setLogo', {
    fileName: 'logo.png',
    dataBase64: PNG.toString('base64')
  })
  return { ...opened, ownId: own.id }
}

const partsOf = (text: string): LibraryFile['parts'] => (JSON.parse(text) as LibraryFile).parts

describe('whole-library export and import', () => {
  it('round-trips every clinic-made item byte for byte into a fresh library', async () => {
    const resourcesDir = sharedResources()
    const source = await clinicLibrary(resourcesDir)
    const exported = transfer(source.library).exportText()
    expect(exported).toMatchObject({ articles: 2, notes: 2, handouts: 2 })

    const target = openTestLibrary({ resourcesDir, clock: testClock('2026-01-01T10:00:00.000Z') })
    const plan = transfer(target.library).preview(Buffer.from(exported.text), 'export.json')
    expect(plan.articles).toEqual({ add: 1, update: 1, unchanged: 0 }) // the edited built-in differs here
    expect(plan.notes).toEqual({ add: 2, update: 0, unchanged: 0 })
    expect(plan.handouts).toEqual({ add: 1, update: 1, unchanged: 0 })
    expect(plan.profile).toBe('add')
    expect(plan.hiddenHandouts).toBe(1)
    transfer(target.library).apply(plan.token)

    const again = partsOf(transfer(target.library).exportText().text)
    const original = partsOf(exported.text)
    // New items: exactly as exported (every revision, time, source, pin, bin).
    expect(again.notes).toEqual(original.notes)
    expect(again.articles.find((a) => a.id === source.ownId)).toEqual(
      original.articles.find((a) => a.id === source.ownId)
    )
    expect(again.handouts.find((h) => h.handoutId !== 'after-ims')).toEqual(
      original.handouts.find((h) => h.handoutId !== 'after-ims')
    )
    expect(again.profile).toEqual(original.profile)
    expect(again.settings).toEqual({ hiddenHandouts: ['after-ims'] })
    // Edited built-ins: the clinic's text is now the current one here too.
    const ims = await call(target.library, 'articles:get', { id: 'what-is-ims' })
    expect(ims.body).toBe('Our clinic’s wording.')
    const afterIms = await call(target.library, 'handouts:get', { id: 'after-ims', lang: 'en' })
    expect(afterIms.body).toContain('Our clinic adds this.')
    // Found by search, linked, and the note still on its article.
    const hits = await call(target.library, 'search:query', { q: 'needling protocol' })
    expect(JSON.stringify(hits)).toContain(source.ownId)
    const notes = await call(target.library, 'notes:list', {
      targets: [{ kind: 'article', id: source.ownId }]
    })
    expect(notes.map((n) => n.body)).toEqual(['Checked with Dr Chen.'])
    // Importing the same file again changes nothing.
    const second = transfer(target.library).preview(Buffer.from(exported.text), 'export.json')
    expect(second.articles).toEqual({ add: 0, update: 0, unchanged: 2 })
    expect(second.notes.unchanged).toBe(2)
    expect(second.handouts.unchanged).toBe(2)
    expect(second.conflicts).toEqual([])
    expect(second.profile).toBe('unchanged')
  })

  it('an item edited differently on both sides keeps both texts, the imported one as a new revision', async () => {
    const resourcesDir = sharedResources()
    const source = await clinicLibrary(resourcesDir)
    const exported = transfer(source.library).exportText().text
    const target = openTestLibrary({ resourcesDir })
    const first = transfer(target.library).preview(Buffer.from(exported), 'a.json')
    transfer(target.library).apply(first.token)
    const mine = await call(target.library, 'articles:get', { id: source.ownId })
    await call(target.library, 'articles:update', {
      id: source.ownId,
      ...draft('Our needling protocol', 'Edited here.'),
      baseRevision: mine.revision
    })
    await call(target.library, 'settings:saveProfile', { ...PROFILE, phone: '604 555 0199' })

    const plan = transfer(target.library).preview(Buffer.from(exported), 'a.json')
    expect(plan.conflicts).toEqual([
      { kind: 'article', id: source.ownId, title: 'Our needling protocol' }
    ])
    expect(plan.profile).toBe('keep-yours')
    const result = transfer(target.library).apply(plan.token)
    expect(result.conflicts).toBe(1)
    const revisions = await call(target.library, 'articles:revisions', { id: source.ownId })
    const bodies = await Promise.all(
      revisions.map((r) =>
        call(target.library, 'articles:revision', { id: source.ownId, revision: r.revision })
      )
    )
    expect(bodies.map((b) => b.body)).toEqual(
      expect.arrayContaining(['Edited here.', 'Second text, [[what-is-ims]].'])
    )
    expect((await call(target.library, 'articles:get', { id: source.ownId })).body).toBe(
      'Second text, [[what-is-ims]].'
    )
    expect((await call(target.library, 'settings:getProfile', {})).phone).toBe('604 555 0199')
    // The import was preceded by a backup.
    expect(
      libraryInternals(target.library)
        .services.backups.status()
        .backups.map((b) => b.reason)
    ).toContain('pre-transfer')
  })

  it(`refuses 1,000 malformed files with a sentence, the library byte for byte unchanged`, async () => {
    const resourcesDir = sharedResources()
    const source = await clinicLibrary(resourcesDir)
    const valid = transfer(source.library).exportText().text
    const target = openTestLibrary({ resourcesDir })
    const service = transfer(target.library)
    target.library.verifyIntegrity()
    const db = libraryInternals(target.library).db
    db.pragma('wal_checkpoint(TRUNCATE)')
    const before = sha256File(databasePath(target.dataDir))

    const cases = fc.sample(malformedFile(valid), { numRuns: 1000, seed: 20261204 })
    const reasons = new Map<string, number>()
    for (const bytes of cases) {
      let error: unknown = null
      try {
        const plan = service.preview(bytes, 'fuzz.json')
        service.apply(plan.token)
      } catch (caught) {
        error = caught
      }
      expect(error, bytes.subarray(0, 120).toString('latin1')).toBeInstanceOf(ApiError)
      const { code, message } = error as ApiError
      expect(code).toBe('invalid_input')
      expect(message).toMatch(/^This file cannot be imported: .* Nothing was changed\.$/s)
      expect(message.length).toBeLessThan(400)
      expect(message).not.toMatch(/SQLITE_|Error:| {4}at /)
      const reason = message.replace(/\(.*\)/, '').slice(29, 70)
      reasons.set(reason, (reasons.get(reason) ?? 0) + 1)
    }
    db.pragma('wal_checkpoint(TRUNCATE)')
    expect(sha256File(databasePath(target.dataDir))).toBe(before)
    expect(reasons.size).toBeGreaterThan(5)
    console.log(
      `Import fuzz: ${cases.length} malformed files refused; reasons: ${JSON.stringify(Object.fromEntries(reasons))}`
    )
  }, 300_000)

  it('a file over the size limit is refused before it is read', async () => {
    const dir = tempDir()
    const path = join(dir, 'huge.json')
    writeFileSync(path, '')
    const fd = openSync(path, 'r+')
    ftruncateSync(fd, LIBRARY_FILE_MAX_BYTES + 1) // sparse: no disk used
    closeSync(fd)
    const { library } = openTestLibrary({
      extra: { platform: { chooseOpenPath: async () => path } }
    })
    const error = await call(library, 'transfer:previewImport', {}).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'invalid_input' })
    expect((error as ApiError).message).toContain('larger than 200 MB')
  })
})

/** A valid export broken in one of many ways, each a file a clinic might be handed. */
function malformedFile(valid: string): fc.Arbitrary<Buffer> {
  const file = JSON.parse(valid) as Record<string, unknown>
  const rehash = (parts: Record<string, unknown>): string => {
    // A file whose checksums were recomputed after the change: it reaches the field checks.
    const hash = (v: unknown): string =>
      createHash('sha256').update(JSON.stringify(v)).digest('hex')
    const sha256 = Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, hash(v)]))
    const old = file['sha256'] as Record<string, string>
    return JSON.stringify({ ...file, sha256: { ...old, ...sha256 }, parts })
  }
  const parts = file['parts'] as Record<string, unknown[] | unknown>
  const articles = parts['articles'] as Record<string, unknown>[]
  const notes = parts['notes'] as Record<string, unknown>[]
  const handouts = parts['handouts'] as Record<string, unknown>[]
  const withArticle = (change: Record<string, unknown>) =>
    rehash({ ...parts, articles: [{ ...articles[0], ...change }, ...articles.slice(1)] })
  const withNote = (change: Record<string, unknown>) =>
    rehash({ ...parts, notes: [{ ...notes[0], ...change }, ...notes.slice(1)] })
  const withHandout = (change: Record<string, unknown>) =>
    rehash({ ...parts, handouts: [{ ...handouts[0], ...change }, ...handouts.slice(1)] })
  const text = (s: string) => Buffer.from(s, 'utf8')
  return fc.oneof(
    // Cut short anywhere.
    fc.integer({ min: 0, max: valid.length - 2 }).map((at) => text(valid.slice(0, at))),
    // Bytes changed (the checksum or the JSON catches it), or invalid UTF-8 put in.
    fc
      .tuple(fc.integer({ min: 0, max: valid.length - 1 }), fc.integer({ min: 0, max: 255 }))
      .map(([at, byte]) => {
        const bytes = text(valid)
        bytes[at] = bytes[at] === byte ? (byte + 1) % 256 : byte
        return bytes
      })
      .filter((b) => b.toString('utf8') !== valid),
    fc
      .integer({ min: 0, max: valid.length - 1 })
      .map((at) =>
        Buffer.concat([text(valid.slice(0, at)), Buffer.from([0xc3, 0x28]), text(valid.slice(at))])
      ),
    // Not ours, or from a newer version.
    fc.constantFrom(
      text(''),
      text('{}'),
      text('[]'),
      text('null'),
      text('PK\u0003\u0004zip'),
      text('SQLite format 3\u0000'),
      text(JSON.stringify({ ...file, format: 'something-else' })),
      text(JSON.stringify({ ...file, formatVersion: 2 })),
      text(JSON.stringify({ ...file, formatVersion: '1' })),
      text(JSON.stringify({ ...file, counts: { articles: 99, notes: 2, handouts: 2 } })),
      text(JSON.stringify({ ...file, sha256: {} })),
      text(JSON.stringify({ ...file, parts: { ...parts, notes: [] } }))
    ),
    // Checksums recomputed, content wrong: ids, types, sizes, duplicates, order, fields.
    fc
      .constantFrom(
        withArticle({ id: '../../etc/passwd' }),
        withArticle({ id: 'C:\\Windows\\system32' }),
        withArticle({ id: '' }),
        withArticle({ title: 42 }),
        withArticle({ body: 'x'.repeat(500_001) }),
        withArticle({ category: 'voodoo' }),
        withArticle({ revisions: [] }),
        withArticle({ revision: 7 }),
        withArticle({ extra: 'field' }),
        withArticle({ tags: Array.from({ length: 31 }, (_, i) => `t${i}`) }),
        withNote({ id: 'NOT A NOTE ID' }),
        withNote({ targetKind: 'article', targetId: null }),
        withNote({ body: '' }),
        withNote({ pinned: 'yes' }),
        withNote({
          revisions: [
            { revision: 1, body: 'a', source: 'user', savedAt: '2025-01-01T00:00:00.000Z' },
            { revision: 1, body: 'b', source: 'user', savedAt: '2025-01-01T00:00:00.000Z' }
          ]
        }),
        withHandout({ lang: 'xx-not a tag' }),
        withHandout({ body: 'Call {{clinic.nmae}} today.' }),
        withHandout({ reviewStatus: 'signed' }),
        rehash({ ...parts, articles: [...articles, articles[0]] }),
        rehash({ ...parts, notes: [...notes, notes[0]] }),
        rehash({ ...parts, profile: { profile: { ...PROFILE, name: '' }, logo: null } }),
        rehash({
          ...parts,
          profile: {
            profile: { ...PROFILE },
            logo: {
              fileName: 'logo.png',
              dataBase64: Buffer.from('<script>alert(1)</script>').toString('base64')
            }
          }
        })
      )
      .map(text)
  )
}
