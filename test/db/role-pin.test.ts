import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PIN_LOCK_MS } from '../../src/shared/api/role'
import { ROLE_FILE } from '../../src/main/core/role/role-store'
import { apiErrorOf, call, openTestLibrary } from './helpers'
import type { TestLibrary } from './helpers'
import { fakePorts } from './handouts-fixtures'

/**
 * The practitioner PIN (docs/front-desk-role.md): a salted scrypt hash with its parameters, never
 * the PIN; five wrong PINs lock leaving front-desk mode for a minute, counted on the core's clock
 * and kept across restarts.
 */
const PIN = '731946'

async function lockedDown(t: TestLibrary = openTestLibrary()): Promise<TestLibrary> {
  await call(t.library, 'role:setPin', { pin: PIN })
  await call(t.library, 'role:enterFrontDesk', {})
  return t
}

describe('the practitioner PIN', () => {
  it('is stored as a salted scrypt hash with its parameters, and the PIN is nowhere in the folder', async () => {
    const t = await lockedDown()
    const stored = JSON.parse(readFileSync(join(t.dataDir, ROLE_FILE), 'utf8')) as {
      mode: string
      pin: Record<string, unknown>
    }
    expect(stored.mode).toBe('front-desk')
    expect(stored.pin).toMatchObject({ algorithm: 'scrypt', N: 32768, r: 8, p: 1, keyLength: 32 })
    expect(stored.pin.saltHex).toMatch(/^[0-9a-f]{32}$/)
    expect(stored.pin.hashHex).toMatch(/^[0-9a-f]{64}$/)
    t.library.close()
    for (const entry of readdirSync(t.dataDir, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue
      const bytes = readFileSync(join(entry.parentPath, entry.name))
      expect(bytes.includes(Buffer.from(PIN)), entry.name).toBe(false)
    }
    // The same PIN set again gets a new salt, so a new hash.
    const again = t.reopen()
    await call(again.library, 'role:leaveFrontDesk', { pin: PIN })
    await call(again.library, 'role:setPin', { pin: PIN })
    const next = JSON.parse(readFileSync(join(t.dataDir, ROLE_FILE), 'utf8')) as typeof stored
    expect(next.pin.saltHex).not.toBe(stored.pin.saltHex)
    expect(next.pin.hashHex).not.toBe(stored.pin.hashHex)
  })

  it('must be set before front-desk mode (it is the only way back), and only 4 to 12 digits', async () => {
    const t = openTestLibrary()
    const error = await apiErrorOf(call(t.library, 'role:enterFrontDesk', {}))
    expect(error.code).toBe('conflict')
    expect(error.message).toMatch(/Set a practitioner PIN first/)
    expect((await apiErrorOf(call(t.library, 'role:setPin', { pin: '12' }))).code).toBe(
      'invalid_input'
    )
    expect((await apiErrorOf(call(t.library, 'role:setPin', { pin: '12ab' }))).code).toBe(
      'invalid_input'
    )
    expect(await call(t.library, 'role:status', {})).toEqual({
      mode: 'practitioner',
      pinSet: false,
      lockedUntil: null,
      triesLeft: 5
    })
  })

  it('locks for a minute after five wrong PINs, across a restart, then lets the right one in', async () => {
    const t = await lockedDown()
    for (let left = 4; left >= 1; left--) {
      const wrong = await apiErrorOf(call(t.library, 'role:leaveFrontDesk', { pin: '000000' }))
      expect(wrong.code).toBe('forbidden')
      expect(wrong.message).toContain(`${left} ${left === 1 ? 'try' : 'tries'} left`)
    }
    const fifth = await apiErrorOf(call(t.library, 'role:leaveFrontDesk', { pin: '000000' }))
    expect(fifth.message).toBe('Too many wrong PINs. Try again in 60 seconds.')
    const until = new Date(t.clock.now().getTime() + PIN_LOCK_MS).toISOString()
    expect(await call(t.library, 'role:status', {})).toMatchObject({
      mode: 'front-desk',
      lockedUntil: until,
      triesLeft: 0
    })

    // The lock is kept across a restart, and refuses even the right PIN.
    const reopened = t.reopen()
    t.clock.advance(PIN_LOCK_MS - 1000)
    const locked = await apiErrorOf(call(reopened.library, 'role:leaveFrontDesk', { pin: PIN }))
    expect(locked.message).toBe('Too many wrong PINs. Try again in 1 second.')
    expect((await call(reopened.library, 'role:status', {})).mode).toBe('front-desk')

    t.clock.advance(1000)
    expect(await call(reopened.library, 'role:status', {})).toMatchObject({
      lockedUntil: null,
      triesLeft: 5
    })
    expect(await call(reopened.library, 'role:leaveFrontDesk', { pin: PIN })).toEqual({
      mode: 'practitioner',
      pinSet: true,
      lockedUntil: null,
      triesLeft: 5
    })
  })

  it('counts tries made at the same time: six at once cannot get past the fifth', async () => {
    const t = await lockedDown()
    const results = await Promise.allSettled(
      ['1', '2', '3', '4', '5', PIN].map((pin) => call(t.library, 'role:leaveFrontDesk', { pin }))
    )
    expect(results.filter((r) => r.status === 'fulfilled')).toEqual([])
    expect((await call(t.library, 'role:status', {})).mode).toBe('front-desk')
  })

  it('starts in practitioner mode, with a warning, when the role file is damaged', () => {
    const t = openTestLibrary()
    t.library.close()
    writeFileSync(join(t.dataDir, ROLE_FILE), '{"mode":"front-desk", "pin": tru')
    const reopened = t.reopen()
    return call(reopened.library, 'role:status', {}).then((status) => {
      expect(status.mode).toBe('practitioner')
      expect(reopened.warnings.some((w) => w.includes(ROLE_FILE))).toBe(true)
    })
  })
})

describe('handouts at the front desk', () => {
  it('sees and prints the newest approved version until a newer one is approved', async () => {
    const { ports, documents, printed } = fakePorts({ savePath: null })
    const t = openTestLibrary({ extra: { platform: ports } })
    const lib = t.library
    const made = await call(lib, 'handouts:create', {
      title: 'Neck care v1',
      summary: 'First text',
      body: 'First text.',
      lang: 'en'
    })
    const id = made.id
    const unapproved = { id, lang: 'en' }
    // Never approved: the front desk gets the current version.
    await call(lib, 'handouts:save', {
      ...unapproved,
      baseVersion: 1,
      title: 'Neck care v2',
      summary: 'Second text',
      body: 'Second text.'
    })
    await call(lib, 'handouts:approve', {
      ...unapproved,
      version: 2,
      by: 'Dr Lee',
      on: '2025-03-01'
    })
    await call(lib, 'handouts:save', {
      ...unapproved,
      baseVersion: 2,
      title: 'Neck care v3',
      summary: 'Third text',
      body: 'Third text, not approved yet.'
    })
    await lockedDown(t)

    expect(await call(lib, 'handouts:get', unapproved)).toMatchObject({
      version: 2,
      title: 'Neck care v2',
      approval: { by: 'Dr Lee', on: '2025-03-01' }
    })
    const listed = (await call(lib, 'handouts:list', {})).find((h) => h.id === id)
    expect(listed).toMatchObject({ title: 'Neck care v2', summary: 'Second text' })
    expect(listed?.langs[0]).toMatchObject({ version: 2, title: 'Neck care v2' })
    const desk = (await call(lib, 'handouts:frontDesk', {})).handouts.find((h) => h.id === id)
    expect(desk?.title).toBe('Neck care v2')
    expect((await call(lib, 'handouts:versions', unapproved)).map((v) => v.version)).toEqual([2])

    const job = { items: [unapproved], paper: 'letter' as const, largePrint: false, copies: 1 }
    await call(lib, 'handouts:print', job)
    expect(printed.at(-1)?.html).toContain('Second text.')
    expect(printed.at(-1)?.html).not.toContain('Third text')
    const [entry] = await call(lib, 'printLog:list', {})
    expect(entry?.items).toEqual([{ id, lang: 'en', version: 2, title: 'Neck care v2' }])
    await call(lib, 'handouts:preview', { items: [unapproved], paper: 'a4', largePrint: true })
    expect(documents.at(-1)).toContain('Second text.')

    // A version that is not approved cannot be asked for by number, nor previewed as a draft.
    for (const version of [1, 3]) {
      const refused = await apiErrorOf(call(lib, 'handouts:get', { ...unapproved, version }))
      expect(refused.code).toBe('forbidden_role')
      expect(refused.message).toContain(`version ${version} is not approved`)
      const print = await apiErrorOf(
        call(lib, 'handouts:print', { ...job, items: [{ ...unapproved, version }] })
      )
      expect(print.code).toBe('forbidden_role')
    }
    const draftPreview = await apiErrorOf(
      call(lib, 'handouts:preview', {
        items: [unapproved],
        paper: 'letter',
        largePrint: false,
        draft: { ...unapproved, title: 'x', summary: '', body: 'Unsaved.' }
      })
    )
    expect(draftPreview.code).toBe('forbidden_role')

    // A practitioner sees the current text; once version 3 is approved, the front desk gets it.
    await call(lib, 'role:leaveFrontDesk', { pin: PIN })
    await call(lib, 'handouts:print', job)
    const [v3Entry] = await call(lib, 'printLog:list', {})
    expect(v3Entry?.items[0]?.version).toBe(3)
    await call(lib, 'role:enterFrontDesk', {})
    const reprint = await apiErrorOf(
      call(lib, 'printLog:reprint', { id: v3Entry?.id ?? 0, output: 'printer' })
    )
    expect(reprint.code).toBe('forbidden_role')
    await call(lib, 'role:leaveFrontDesk', { pin: PIN })
    await call(lib, 'handouts:approve', {
      ...unapproved,
      version: 3,
      by: 'Dr Lee',
      on: '2025-03-02'
    })
    await call(lib, 'role:enterFrontDesk', {})
    expect((await call(lib, 'handouts:get', unapproved)).version).toBe(3)
    await call(lib, 'printLog:reprint', { id: v3Entry?.id ?? 0, output: 'printer' })
    expect(printed.at(-1)?.html).toContain('Third text, not approved yet.')
  })
})
