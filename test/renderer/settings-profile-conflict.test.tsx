import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { ClinicProfile, ClinicProfileDraft } from '../../src/shared/api/settings'
import { call } from '../db/helpers'
import { ONE_LINE_PROFILE } from '../db/profile-fixture'
import { converge, openHub, openRoom } from '../db/sync-fixtures'
import { openTestLibrary } from './real-core'
import type { TestLibrary } from './real-core'
import { expectAccessible, renderApp } from './render-app'

/**
 * Settings → the clinic profile saved on two computers at the same time (docs/clinic-network.md,
 * "Conflicts"), on a real core whose conflict was made by real replication: the library's computer
 * and another one saved the profile while apart, then met through a hub.
 */
const PROFILE: ClinicProfileDraft = {
  ...ONE_LINE_PROFILE,
  defaultLang: 'en',
  footerLine: 'Open Saturdays',
  address: '12 Harbour Road\nVancouver BC',
  practitioners: ['Dr. A. Chen'],
  printerName: 'Room 2 laser'
}
// A 1×1 PNG.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='

/** This computer renames the clinic; the other renames it too, and changes more, with a logo. */
async function profileSavedOnTwoComputers(library: TestLibrary): Promise<void> {
  await library.whileClosed(async ({ dataDir, resourcesDir }) => {
    const hub = openHub()
    const here = openRoom({ dataDir, resourcesDir })
    const there = openRoom({ resourcesDir })
    await call(here.library, 'settings:saveProfile', PROFILE)
    await converge([here, there], hub)
    await call(here.library, 'settings:saveProfile', { ...PROFILE, name: 'Harbourview North' })
    await call(there.library, 'settings:saveProfile', {
      ...PROFILE,
      name: 'Harbourview South',
      phone: '604-555-0199',
      practitioners: ['Dr. A. Chen', 'Dr. B. Singh'],
      defaultPaper: 'a4',
      printerName: null
    })
    await call(there.library, 'settings:setLogo', { fileName: 'logo.png', dataBase64: PNG })
    await converge([here, there], hub)
    await here.close()
    await there.close()
  })
}

/** The profile shown, and the other version the unseen conflict names, as the core has them. */
async function bothVersions(
  library: TestLibrary
): Promise<{ shown: ClinicProfile; other: ClinicProfile }> {
  const shown = await library.call('settings:getProfile', {})
  const conflicts = await library.call('sync:conflicts', { kind: 'profile', itemId: 'clinic' })
  expect(conflicts).toHaveLength(1)
  const other = await library.call('settings:profileAt', { revision: conflicts[0]?.revision ?? 0 })
  expect([shown.name, other.name].sort()).toEqual(['Harbourview North', 'Harbourview South'])
  return { shown, other }
}

async function openNotice(library: TestLibrary) {
  const { user } = await renderApp('#/settings', library)
  const heading = await screen.findByRole('heading', {
    level: 2,
    name: 'Also changed on another computer at the same time'
  })
  const notice = screen.getByRole('region', { name: heading.textContent })
  return { user, notice }
}

describe('Settings: the clinic profile changed on two computers at the same time', () => {
  it("names the other version's differences; Use the other version saves it, keeping the one it replaced", async () => {
    const library = await openTestLibrary()
    await profileSavedOnTwoComputers(library)
    const { shown, other } = await bothVersions(library)
    const { user, notice } = await openNotice(library)

    // Only what differs, in the form's order, in words; this computer's printer is never compared.
    const labels = within(notice)
      .getAllByRole('term')
      .map((term) => term.textContent)
    expect(labels).toEqual(['Clinic name', 'Phone', 'Practitioners', 'Default paper size', 'Logo'])
    expect(notice).toHaveTextContent(
      `Other version: ${other.name}. In the form below: ${shown.name}.`
    )
    expect(notice).toHaveTextContent(
      other.logo === null
        ? 'Other version: no logo. In the form below: a logo.'
        : 'Other version: a logo. In the form below: no logo.'
    )
    expect(screen.getByLabelText('Clinic name')).toHaveValue(shown.name)
    await expectAccessible()

    await user.click(within(notice).getByRole('button', { name: 'Use the other version' }))
    await screen.findByText(/The other version is now the clinic profile/)
    expect(screen.queryByRole('heading', { name: /Also changed on another computer/ })).toBeNull()
    await waitFor(() => expect(screen.getByLabelText('Clinic name')).toHaveFocus())
    expect(screen.getByLabelText('Clinic name')).toHaveValue(other.name)

    // Saved through the usual save, with this computer's own printer; the logo follows.
    expect(library.callsTo('settings:saveProfile')).toEqual([
      expect.objectContaining({ name: other.name, printerName: shown.printerName })
    ])
    const now = await library.call('settings:getProfile', {})
    expect(now).toMatchObject({
      name: other.name,
      phone: other.phone,
      practitioners: other.practitioners,
      defaultPaper: other.defaultPaper,
      printerName: shown.printerName,
      logo: other.logo === null ? null : { dataBase64: other.logo.dataBase64 }
    })
    // Nothing dropped: the profile it replaced is still a version; the notice is seen.
    expect((await library.call('settings:profileAt', { revision: shown.revision })).name).toBe(
      shown.name
    )
    expect(library.callsTo('sync:markSeen')).toEqual([{ kind: 'profile', itemId: 'clinic' }])
    expect(await library.call('sync:conflicts', {})).toEqual([])
  })

  it('Keep this profile marks it seen and changes nothing', async () => {
    const library = await openTestLibrary()
    await profileSavedOnTwoComputers(library)
    const { shown } = await bothVersions(library)
    const { user, notice } = await openNotice(library)

    await user.click(within(notice).getByRole('button', { name: 'Keep this profile' }))
    await screen.findByText('The clinic profile stays as it is.')
    expect(screen.queryByRole('heading', { name: /Also changed on another computer/ })).toBeNull()
    await waitFor(() => expect(screen.getByLabelText('Clinic name')).toHaveFocus())
    expect(library.callsTo('settings:saveProfile')).toEqual([])
    expect(library.callsTo('sync:markSeen')).toEqual([{ kind: 'profile', itemId: 'clinic' }])
    expect(await library.call('settings:getProfile', {})).toEqual(shown)
    expect(await library.call('sync:conflicts', {})).toEqual([])
  })
})
