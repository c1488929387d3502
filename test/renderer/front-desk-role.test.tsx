import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { openTestLibrary } from './real-core'
import { expectAccessible, renderApp } from './render-app'

/**
 * Front-desk mode in the app (docs/front-desk-role.md), on a real core: Settings sets the PIN and
 * switches this computer; the top bar says so; editing is gone from the screens; the PIN dialog
 * shows the core's wrong-PIN and lock messages and switches back.
 */
vi.mock('../../src/renderer/src/features/handouts/pdfjs', () => import('./pdfjs-stub'))

const PIN = '4826'

async function libraryWithHandout() {
  return openTestLibrary({
    handouts: [
      { id: 'after-ims', lang: 'en', title: 'After your IMS treatment', reviewStatus: 'approved' }
    ]
  })
}

const topBar = () => screen.getByRole('banner')

describe('front-desk mode', () => {
  it('is set up in Settings: a PIN first, then the switch; the profile is then locked and Edit text is gone', async () => {
    const library = await libraryWithHandout()
    const { user } = await renderApp('#/settings', library)
    const section = within(await screen.findByRole('region', { name: 'Front-desk mode' }))
    const enter = section.getByRole('button', { name: 'Switch this computer to front-desk mode' })
    expect(enter).toBeDisabled()
    expect(section.getByText('Set a PIN first: it is the only way back.')).toBeInTheDocument()

    await user.type(section.getByLabelText('Practitioner PIN'), PIN)
    await user.type(section.getByLabelText('Repeat the PIN'), '4827')
    await user.click(section.getByRole('button', { name: 'Set PIN' }))
    expect(await section.findByRole('alert')).toHaveTextContent('The two PINs are not the same.')
    await user.clear(section.getByLabelText('Repeat the PIN'))
    await user.type(section.getByLabelText('Repeat the PIN'), PIN)
    await user.click(section.getByRole('button', { name: 'Set PIN' }))
    await section.findByText(/A PIN is set\./)
    expect((await library.call('role:status', {})).pinSet).toBe(true)

    await user.click(
      section.getByRole('button', { name: 'Switch this computer to front-desk mode' })
    )
    await within(topBar()).findByRole('button', { name: /Front-desk mode/ })
    expect(await library.call('role:status', {})).toMatchObject({ mode: 'front-desk' })
    expect(screen.getByLabelText('Clinic name')).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Save settings' })).toBeNull()
    await expectAccessible()

    window.location.hash = '#/handouts/after-ims/en'
    await screen.findByRole('heading', { level: 1, name: 'After your IMS treatment' })
    expect(screen.getByRole('button', { name: 'Print' })).toBeEnabled()
    expect(screen.queryByRole('link', { name: 'Edit text' })).toBeNull()
    expect(screen.queryByRole('link', { name: '+ Add a language' })).toBeNull()
  })

  it('switches back with the PIN from the top bar, saying how many tries are left after a wrong one', async () => {
    const library = await libraryWithHandout()
    await library.call('role:setPin', { pin: PIN })
    await library.call('role:enterFrontDesk', {})
    const { user } = await renderApp('#/articles', library)
    await user.click(await within(topBar()).findByRole('button', { name: /Front-desk mode/ }))
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Switch to practitioner mode' })
    )
    const pin = dialog.getByLabelText('Practitioner PIN')
    expect(pin).toHaveFocus()
    await user.type(pin, '0000{Enter}')
    expect(await dialog.findByRole('alert')).toHaveTextContent(
      'That PIN is not right. 4 tries left before a one-minute lock.'
    )
    expect(pin).toHaveValue('')
    await expectAccessible()
    await waitFor(() => expect(dialog.getByRole('button', { name: 'Switch' })).toBeEnabled())
    await user.type(pin, `${PIN}{Enter}`)
    // The dialog leaves the page first; the page behind it is usable again once its effects
    // have run (the modal clean-up takes `inert` off the app).
    await waitFor(() => {
      expect(document.querySelector('.modal')).toBeNull()
      expect(document.getElementById('root')).not.toHaveAttribute('inert')
    })
    expect(within(topBar()).queryByRole('button', { name: /Front-desk mode/ })).toBeNull()
    expect((await library.call('role:status', {})).mode).toBe('practitioner')
  })

  it('tells the front desk to wait after five wrong PINs, and Settings shows the lock', async () => {
    const library = await libraryWithHandout()
    await library.call('role:setPin', { pin: PIN })
    await library.call('role:enterFrontDesk', {})
    const { user } = await renderApp('#/settings', library)
    const section = within(await screen.findByRole('region', { name: 'Front-desk mode' }))
    await user.click(section.getByRole('button', { name: 'Switch to practitioner mode…' }))
    const dialog = within(
      await screen.findByRole('dialog', { name: 'Switch to practitioner mode' })
    )
    for (let i = 0; i < 5; i++) {
      await user.type(dialog.getByLabelText('Practitioner PIN'), '1111{Enter}')
      await dialog.findByRole('alert')
      await waitFor(() => expect(dialog.getByRole('button', { name: 'Switch' })).toBeEnabled())
    }
    expect(dialog.getByRole('alert')).toHaveTextContent(
      /^Too many wrong PINs\. Try again in \d+ seconds\.$/
    )
    await user.type(dialog.getByLabelText('Practitioner PIN'), `${PIN}{Enter}`)
    await waitFor(() => expect(dialog.getByRole('alert')).toHaveTextContent(/^Too many wrong PINs/))
    await user.click(dialog.getByRole('button', { name: 'Cancel' }))
    expect(await section.findByRole('status')).toHaveTextContent(/switching back is locked until/)
    expect((await library.call('role:status', {})).mode).toBe('front-desk')
  })
})
