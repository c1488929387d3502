import { describe, expect, it } from 'vitest'
import type { Library } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import { findHostileMarkup } from '../../src/shared/markdown'
import type { ClinicProfileDraft } from '../../src/shared/api/settings'
import { call } from './helpers'
import { ONE_LINE_PROFILE } from './profile-fixture'
import { converge, openHub, openRoom } from './sync-fixtures'

/** A French-default clinic with a line per language, printing from room 2's laser. */
const profile: ClinicProfileDraft = {
  ...ONE_LINE_PROFILE,
  practitioners: ['Dr. A. Chen'],
  defaultPaper: 'a4',
  footerLines: { 'fr-CA': 'Ouvert le samedi', en: 'Open Saturdays' },
  printerName: 'Room 2 laser',
  startScreen: 'front-desk'
}

// A 1×1 PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

const getProfile = (library: Library) => call(library, 'settings:getProfile', {})

/** Every saved version's clinic name on a computer, oldest first. */
function savedNames(library: Library): string[] {
  const { settings } = libraryInternals(library).services
  const newest = settings.getProfile().revision
  return Array.from({ length: newest }, (_, index) => settings.profileAt(index + 1).name)
}

describe('the clinic profile and logo on the clinic network', () => {
  it("a room's profile and logo reach the front desk; each keeps its own printer and start screen", async () => {
    const hub = openHub()
    const room = openRoom()
    const frontDesk = openRoom()
    await call(room.library, 'settings:saveProfile', profile)
    await call(room.library, 'settings:setLogo', { fileName: 'logo.png', dataBase64: PNG })
    await converge([room, frontDesk], hub)

    for (const computer of [room, frontDesk]) {
      const shown = await getProfile(computer.library)
      expect(shown).toMatchObject({ name: profile.name, defaultLang: 'fr-CA', defaultPaper: 'a4' })
      expect(shown.footerLines).toEqual(profile.footerLines)
      expect(shown.practitioners).toEqual(['Dr. A. Chen'])
      expect(shown.logo).toMatchObject({ mime: 'image/png', dataBase64: PNG, width: 1 })
      expect(shown.isSet).toBe(true)
    }
    // The front desk computer got the clinic's fields, not the room's printer and start screen.
    expect(await getProfile(frontDesk.library)).toMatchObject({
      printerName: null,
      startScreen: 'home'
    })

    // Its own printer (and start screen) are not the clinic's: the room's profile does not move.
    const {
      logo: _logo,
      revision: _revision,
      isSet: _isSet,
      ...atDesk
    } = await getProfile(frontDesk.library)
    await call(frontDesk.library, 'settings:saveProfile', {
      ...atDesk,
      printerName: 'Desk printer',
      startScreen: 'home'
    })
    const before = (await getProfile(room.library)).revision
    await converge([room, frontDesk], hub)
    expect((await getProfile(room.library)).revision).toBe(before)
    expect(await getProfile(room.library)).toMatchObject({
      printerName: 'Room 2 laser',
      startScreen: 'front-desk'
    })

    // A clinic-wide change at the front desk (the handout language) reaches the room.
    await call(frontDesk.library, 'settings:saveProfile', {
      ...atDesk,
      defaultLang: 'en',
      printerName: 'Desk printer',
      startScreen: 'home'
    })
    await converge([room, frontDesk], hub)
    expect(await getProfile(room.library)).toMatchObject({
      defaultLang: 'en',
      printerName: 'Room 2 laser',
      startScreen: 'front-desk',
      logo: { mime: 'image/png' }
    })
    // Saves one after another are no conflict, nor is a computer joining fresh later.
    const newcomer = openRoom()
    await converge([room, frontDesk, newcomer], hub)
    expect(await getProfile(newcomer.library)).toMatchObject({
      name: profile.name,
      defaultLang: 'en'
    })
    for (const computer of [room, frontDesk, newcomer]) {
      expect(await call(computer.library, 'sync:conflicts', {})).toEqual([])
    }
  })

  it('two computers saving the profile at the same time agree on one, and keep the other', async () => {
    const hub = openHub()
    const room = openRoom()
    const frontDesk = openRoom()
    await call(room.library, 'settings:saveProfile', profile)
    await converge([room, frontDesk], hub)
    // Apart: each renames the clinic.
    await call(room.library, 'settings:saveProfile', { ...profile, name: 'Harbourview North' })
    await call(frontDesk.library, 'settings:saveProfile', { ...profile, name: 'Harbourview South' })
    await converge([room, frontDesk], hub)

    const [a, b] = await Promise.all([getProfile(room.library), getProfile(frontDesk.library)])
    expect(a.name).toBe(b.name)
    expect(a.name).toMatch(/North|South/)
    for (const computer of [room, frontDesk]) {
      expect(savedNames(computer.library)).toEqual(
        expect.arrayContaining(['Harbourview North', 'Harbourview South'])
      )
      // One notice on each computer, naming the version that holds the name not shown.
      const conflicts = await call(computer.library, 'sync:conflicts', {})
      expect(conflicts).toEqual([
        expect.objectContaining({ kind: 'profile', itemId: 'clinic', seenAt: null })
      ])
      const other = await call(computer.library, 'settings:profileAt', {
        revision: conflicts[0]?.revision ?? 0
      })
      expect(other.name).toBe(a.name.endsWith('North') ? 'Harbourview South' : 'Harbourview North')
      expect(
        await call(computer.library, 'sync:conflicts', { kind: 'profile', itemId: 'clinic' })
      ).toEqual(conflicts)
    }

    // Looked at on one computer: its notice goes there (each computer keeps its own), and meeting
    // again brings no new one.
    expect(
      await call(room.library, 'sync:markSeen', { kind: 'profile', itemId: 'clinic' })
    ).toEqual({ marked: 1 })
    await converge([room, frontDesk], hub)
    expect(await call(room.library, 'sync:conflicts', {})).toEqual([])
    expect(await call(frontDesk.library, 'sync:conflicts', {})).toHaveLength(1)
    const [seen] = await call(room.library, 'sync:conflicts', { kind: 'profile', itemId: 'clinic' })
    expect(seen?.seenAt).not.toBeNull()
  })

  it('checks a replicated profile and logo as a local save does: refuses a bad one, sanitizes SVG', async () => {
    const warnings: string[] = []
    const hub = openHub()
    const room = openRoom()
    const frontDesk = openRoom({ warn: (message) => warnings.push(message) })
    await call(room.library, 'settings:saveProfile', profile)
    await converge([room, frontDesk], hub)
    const kept = await getProfile(frontDesk.library)

    // Written straight into the hub, past any computer's checks: not an image, then a bad name.
    const current = await hub.get<Record<string, unknown>>('clinic-profile')
    const notImage = await hub.put({
      ...current,
      logo: { mime: 'image/png', dataBase64: Buffer.from('hello').toString('base64') }
    })
    await converge([frontDesk], hub)
    const badName = await hub.put({ ...current, _rev: notImage.rev, name: '', logo: null })
    await converge([frontDesk], hub)
    expect(await getProfile(frontDesk.library)).toEqual(kept)
    expect(warnings).toEqual([
      expect.stringMatching(/refused clinic-profile .*: logo: "logo" is not a PNG, JPEG or SVG/),
      expect.stringMatching(/refused clinic-profile .*: name: The clinic name is required/)
    ])

    // A hostile SVG with a drawing is taken as a chosen file is: sanitized before it is kept.
    const hostile =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 40" onload="alert(1)">' +
      '<script>alert(2)</script><rect width="100" height="40" fill="#1f4e79"/>' +
      '<image href="https://evil.example/x.png"/></svg>'
    await hub.put({
      ...current,
      _rev: badName.rev,
      logo: { mime: 'image/svg+xml', dataBase64: Buffer.from(hostile).toString('base64') }
    })
    await converge([frontDesk], hub)
    const logo = (await getProfile(frontDesk.library)).logo
    expect(logo).toMatchObject({ mime: 'image/svg+xml', width: 100, height: 40 })
    const stored = Buffer.from(logo?.dataBase64 ?? '', 'base64').toString('utf8')
    expect(findHostileMarkup(stored)).toEqual([])
    expect(stored).toContain('<rect')
    expect(stored).not.toContain('evil.example')
  })
})
