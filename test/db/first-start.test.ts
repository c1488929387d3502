import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { FIRST_START_FILE } from '../../src/main/core/settings/first-start'
import { FIRST_START_HASH } from '../../src/shared/first-start'
import { apiErrorOf, call, openTestLibrary } from './helpers'

/** What the Settings form would save: today's profile with the setup's answers. */
async function saveAnswers(
  library: ReturnType<typeof openTestLibrary>['library'],
  startScreen: 'home' | 'front-desk'
) {
  const {
    logo: _logo,
    revision: _revision,
    isSet: _isSet,
    ...draft
  } = await call(library, 'settings:getProfile', {})
  return call(library, 'settings:saveProfile', {
    ...draft,
    name: 'Harbour IMS Clinic',
    phone: '604 555 0101',
    startScreen
  })
}

describe('the first-start setup (which screen a library opens on)', () => {
  it('a new library opens on the setup, and again at each start until it is answered', () => {
    const t = openTestLibrary()
    expect(t.library.startHash()).toBe(FIRST_START_HASH)
    expect(t.reopen().library.startHash()).toBe(FIRST_START_HASH)
  })

  it('finishing it saves the profile: the library then opens on the screen chosen', async () => {
    const t = openTestLibrary()
    const saved = await saveAnswers(t.library, 'front-desk')
    expect(saved.isSet).toBe(true)
    expect(t.library.startHash()).toBe('#/front-desk')
    expect(t.reopen().library.startHash()).toBe('#/front-desk')
    expect(existsSync(join(t.dataDir, FIRST_START_FILE))).toBe(false)
  })

  it('skipping it is remembered beside the database; the profile stays unset', async () => {
    const t = openTestLibrary()
    expect(await call(t.library, 'settings:skipFirstStart', {})).toEqual({ ok: true })
    expect(t.library.startHash()).toBe('')
    const again = t.reopen()
    expect(again.library.startHash()).toBe('')
    // Skipping is not a saved profile: handouts still say "Your clinic" and the front desk
    // still reminds the clinic to fill it in.
    expect((await call(again.library, 'settings:getProfile', {})).isSet).toBe(false)
    expect(JSON.parse(readFileSync(join(t.dataDir, FIRST_START_FILE), 'utf8'))).toEqual({
      skippedAt: '2025-03-01T09:00:00.000Z'
    })
  })

  it('a damaged note of the skip still counts as skipped (the setup never comes back by accident)', () => {
    const t = openTestLibrary()
    t.library.close()
    writeFileSync(join(t.dataDir, FIRST_START_FILE), '{not json')
    expect(t.reopen().library.startHash()).toBe('')
  })

  it('a library whose profile was saved before this version never sees it', async () => {
    const t = openTestLibrary()
    await saveAnswers(t.library, 'home')
    expect(t.reopen().library.startHash()).toBe('')
  })

  it('a read-only library is not asked, and refuses a skip', async () => {
    const writer = openTestLibrary()
    const reader = openTestLibrary({ dataDir: writer.dataDir, resourcesDir: writer.resourcesDir })
    expect(reader.library.info().readOnly).toBe(true)
    expect(reader.library.startHash()).toBe('')
    const refused = await apiErrorOf(call(reader.library, 'settings:skipFirstStart', {}))
    expect(refused.code).toBe('read_only')
    expect(existsSync(join(writer.dataDir, FIRST_START_FILE))).toBe(false)
  })

  it('a front-desk computer is not asked, and cannot skip it for the practitioners', async () => {
    const t = openTestLibrary()
    await call(t.library, 'role:setPin', { pin: '2468' })
    await call(t.library, 'role:enterFrontDesk', {})
    expect(t.library.startHash()).toBe('')
    const refused = await apiErrorOf(call(t.library, 'settings:skipFirstStart', {}))
    expect(refused.code).toBe('forbidden_role')
    await call(t.library, 'role:leaveFrontDesk', { pin: '2468' })
    expect(t.library.startHash()).toBe(FIRST_START_HASH)
  })
})
