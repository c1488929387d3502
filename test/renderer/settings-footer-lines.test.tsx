/**
 * Settings → clinic profile: the footer line is typed per handout language; a profile saved with
 * one line shows it in its default language's box, and a save sends every language's line.
 */
import { render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ConfirmProvider } from '../../src/renderer/src/components/confirm'
import { ToastProvider } from '../../src/renderer/src/components/toast'
import { SettingsScreen } from '../../src/renderer/src/features/settings/settings-screen'
import { ONE_LINE_PROFILE } from '../db/profile-fixture'
import { openTestLibrary } from './real-core'
import { expectAccessible } from './render-app'

/** Saved with one line, in English, before the lines were per language. */
const OLD_PROFILE = { ...ONE_LINE_PROFILE, defaultLang: 'en', footerLine: 'Open Saturdays' }

describe('footer line per language in Settings', () => {
  it('shows the old single line as English and saves a French line beside it', async () => {
    const library = await openTestLibrary()
    await library.call('settings:saveProfile', OLD_PROFILE)
    library.install()
    const user = userEvent.setup()
    render(
      <ConfirmProvider>
        <ToastProvider>
          <SettingsScreen />
        </ToastProvider>
      </ConfirmProvider>
    )
    const group = await screen.findByRole('group', { name: 'Footer line (optional)' })
    expect(group).toBeInTheDocument()
    expect(screen.getByRole('textbox', { name: 'English' })).toHaveValue('Open Saturdays')
    const french = screen.getByRole('textbox', { name: 'Français (Canada)' })
    expect(french).toHaveValue('')
    expect(french).toHaveAttribute('lang', 'fr-CA')
    await user.type(french, 'Ouvert le samedi')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(library.callsTo('settings:saveProfile')).toHaveLength(1))
    expect(library.callsTo('settings:saveProfile')[0]).toMatchObject({
      footerLine: 'Open Saturdays',
      footerLines: { en: 'Open Saturdays', 'fr-CA': 'Ouvert le samedi', 'zh-Hans': '' }
    })
    const saved = await library.call('settings:getProfile', {})
    expect(saved.footerLines?.['fr-CA']).toBe('Ouvert le samedi')
    await expectAccessible()
  })
})
