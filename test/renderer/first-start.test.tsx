import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { App } from '../../src/renderer/src/app/app'
import { FirstStartGate } from '../../src/renderer/src/features/first-start/first-start-gate'
import { resetRouterForTests } from '../../src/renderer/src/lib/router'
import { FIRST_START_FILE } from '../../src/main/core/settings/first-start'
import { FIRST_START_HASH } from '../../src/shared/first-start'
import { openTestLibrary } from './real-core'
import type { TestLibrary } from './real-core'
import { currentHash, expectAccessible } from './render-app'

/**
 * The first-start setup on a real core: boot.tsx's tree (the gate around the app) opened at the
 * address the core gives a new library (test/db/first-start.test.ts decides when that is).
 */
async function openSetup(library?: TestLibrary) {
  const opened = (library ?? (await openTestLibrary())).install()
  window.history.replaceState(null, '', FIRST_START_HASH)
  resetRouterForTests()
  const user = userEvent.setup()
  render(
    <FirstStartGate>
      <App />
    </FirstStartGate>
  )
  await screen.findByRole('heading', { level: 1, name: 'Welcome to Pointbook' })
  const name = await screen.findByRole('textbox', { name: 'Clinic name' })
  return { library: opened, user, name }
}

describe('first-start setup', () => {
  it('opens with the focus in the clinic name, labelled fields and no axe violation', async () => {
    const { name } = await openSetup()
    // Focus moves once the form is drawn (an effect after the profile has loaded).
    await waitFor(() => expect(name).toHaveFocus())
    expect(name).toHaveValue('')
    expect(screen.getByRole('textbox', { name: 'Phone number (optional)' })).toBeInTheDocument()
    // Defaults from the system locale (en-CA in the test core): Letter, English.
    expect(screen.getByRole('combobox', { name: 'Handout language' })).toHaveValue('en')
    expect(screen.getByRole('radio', { name: /Letter/ })).toBeChecked()
    expect(screen.getByRole('radio', { name: /The knowledge base/ })).toBeChecked()
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
    expect(document.title).toBe('Welcome · Pointbook')
    await expectAccessible()
  })

  it('saves every answer to the clinic profile and opens the screen chosen', async () => {
    const { library, user, name } = await openSetup()
    await user.type(name, 'Harbour IMS Clinic')
    await user.type(screen.getByRole('textbox', { name: /Phone/ }), '604 555 0101')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Handout language' }), 'fr-CA')
    await user.click(screen.getByRole('radio', { name: /A4/ }))
    await user.click(screen.getByRole('radio', { name: /The front desk/ }))
    await user.click(screen.getByRole('button', { name: 'Save and start' }))

    await waitFor(() => expect(currentHash()).toBe('#/front-desk'))
    const profile = await library.call('settings:getProfile', {})
    expect(profile).toMatchObject({
      isSet: true,
      name: 'Harbour IMS Clinic',
      phone: '604 555 0101',
      defaultLang: 'fr-CA',
      defaultPaper: 'a4',
      startScreen: 'front-desk',
      // Not asked: kept as they were.
      address: '',
      practitioners: []
    })
    expect(library.callsTo('settings:skipFirstStart')).toEqual([])
  })

  it('shows a bad answer by its field, keeps what was typed and saves nothing', async () => {
    const { library, user, name } = await openSetup()
    const phone = screen.getByRole('textbox', { name: /Phone/ })
    await user.type(phone, 'call us')
    await user.click(screen.getByRole('button', { name: 'Save and start' }))

    expect(await screen.findByText('The clinic name is required.')).toBeInTheDocument()
    expect(name).toHaveAccessibleDescription(/The clinic name is required\./)
    expect(name).toHaveAttribute('aria-invalid', 'true')
    expect(name).toHaveFocus()
    expect(phone).toHaveAccessibleDescription(/at least 3 digits/)
    expect(phone).toHaveValue('call us')
    expect(library.callsTo('settings:saveProfile')).toEqual([])

    // The core's own check answers too when the page's is bypassed: shown, nothing lost.
    await user.type(name, 'Harbour')
    await user.clear(phone)
    library.alterNextInput('settings:saveProfile', (draft) => ({ ...draft, phone: '☎☎☎' }))
    await user.click(screen.getByRole('button', { name: 'Save and start' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(/phone number/i)
    expect(name).toHaveValue('Harbour')
    expect(currentHash()).toBe(FIRST_START_HASH)
    expect((await library.call('settings:getProfile', {})).isSet).toBe(false)
  })

  it('skip is one click, goes to the knowledge base and is never asked again', async () => {
    const { library, user } = await openSetup()
    await user.click(screen.getByRole('button', { name: 'Skip for now' }))
    await waitFor(() => expect(currentHash()).toBe('#/articles'))
    expect((await screen.findAllByRole('navigation')).length).toBeGreaterThan(0)
    expect(library.callsTo('settings:skipFirstStart')).toEqual([{}])
    expect(existsSync(join(library.dataDir, FIRST_START_FILE))).toBe(true)
    expect((await library.call('settings:getProfile', {})).isSet).toBe(false)
  })

  it('an existing profile fills the form (opened by address after it was set)', async () => {
    const library = await openTestLibrary()
    const {
      logo: _l,
      revision: _r,
      isSet: _s,
      ...draft
    } = await library.call('settings:getProfile', {})
    await library.call('settings:saveProfile', {
      ...draft,
      name: 'Cedar Clinic',
      phone: '555 0100'
    })
    const { name } = await openSetup(library)
    expect(name).toHaveValue('Cedar Clinic')
    expect(screen.getByRole('textbox', { name: /Phone/ })).toHaveValue('555 0100')
  })
})
