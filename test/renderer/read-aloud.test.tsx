import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ConfirmProvider } from '../../src/renderer/src/components/confirm'
import { ToastProvider } from '../../src/renderer/src/components/toast'
import { HandoutScreen } from '../../src/renderer/src/features/handouts/handout-screen'
import { openTestLibrary } from './real-core'

/**
 * jsdom has no speech synthesis: these tests give the window a stand-in with the Web Speech API's
 * shape (voices, speak, cancel, utterance events fired by the test). Reading with real voices is
 * test/e2e/read-aloud.test.ts.
 */
class StandInUtterance extends EventTarget {
  voice: { voiceURI: string } | null = null
  lang = ''
  rate = 1
  onstart: (() => void) | null = null
  onend: (() => void) | null = null
  onerror: ((event: { error: string }) => void) | null = null
  constructor(readonly text: string) {
    super()
  }
}

const spoken: StandInUtterance[] = []
const englishOnly = [
  {
    voiceURI: 'en-us',
    name: 'English (America)',
    lang: 'en-US',
    localService: true,
    default: true
  },
  { voiceURI: 'fr-cloud', name: 'Cloud French', lang: 'fr-FR', localService: false, default: false }
]

beforeEach(() => {
  spoken.length = 0
  const synth = Object.assign(new EventTarget(), {
    getVoices: () => englishOnly,
    speak: (utterance: StandInUtterance) => spoken.push(utterance),
    cancel: () => undefined
  })
  Object.assign(window, { speechSynthesis: synth, SpeechSynthesisUtterance: StandInUtterance })
})
afterEach(() => {
  Reflect.deleteProperty(window, 'speechSynthesis')
  Reflect.deleteProperty(window, 'SpeechSynthesisUtterance')
})

async function openHandout(lang: string) {
  const library = await openTestLibrary({
    handouts: [
      {
        id: 'after-ims',
        lang,
        title: lang === 'en' ? 'After your IMS treatment' : 'Après votre traitement IMS',
        body: 'Call {{clinic.phone}} if it hurts. Rest today.\n\n- Drink water.',
        reviewStatus: 'approved'
      }
    ]
  })
  await library.call('settings:saveProfile', {
    name: 'Harbourview Clinic',
    address: '',
    phone: '604-555-0142',
    email: '',
    website: '',
    practitioners: [],
    defaultPaper: 'letter',
    defaultLang: 'en',
    footerLine: '',
    printerName: null,
    startScreen: 'home'
  })
  library.install()
  render(
    <ConfirmProvider>
      <ToastProvider>
        <HandoutScreen id="after-ims" lang={lang} />
      </ToastProvider>
    </ConfirmProvider>
  )
  return within(await screen.findByRole('region', { name: 'Read aloud' }))
}

describe('read aloud on a handout', () => {
  it('reads sentence by sentence in a local voice, marking the sentence the voice has started', async () => {
    const user = userEvent.setup()
    const panel = await openHandout('en')
    expect(panel.getByText('Voice: English (America)')).toBeInTheDocument()
    const text = panel.getByRole('region', { name: 'Text read aloud' })
    expect(text).toHaveAttribute('lang', 'en')
    expect(text).toHaveTextContent('Call 604-555-0142 if it hurts. Rest today.')

    // Stop, back and next have nothing to act on before reading starts.
    for (const name of ['Stop', 'Back one sentence', 'Next sentence']) {
      expect(panel.getByRole('button', { name })).toBeDisabled()
    }
    await user.click(panel.getByRole('button', { name: 'Play' }))
    expect(spoken.map((u) => [u.text, u.voice?.voiceURI, u.lang])).toEqual([
      ['After your IMS treatment', 'en-us', 'en-US']
    ])
    expect(within(text).queryByText('After your IMS treatment', { selector: 'mark' })).toBeNull()
    act(() => spoken[0]?.onstart?.())
    expect(within(text).getByText('After your IMS treatment', { selector: 'mark' })).toBeVisible()
    expect(panel.getByRole('status')).toHaveTextContent('Reading aloud.')
    expect(panel.getByText('Sentence 1 of 4')).toBeInTheDocument()

    act(() => spoken[0]?.onend?.())
    expect(spoken[1]?.text).toBe('Call 604-555-0142 if it hurts.')
    act(() => spoken[1]?.onstart?.())
    expect(
      within(text).getByText('Call 604-555-0142 if it hurts.', { selector: 'mark' })
    ).toBeVisible()

    await user.click(panel.getByRole('button', { name: 'Pause' }))
    expect(panel.getByRole('status')).toHaveTextContent('Paused.')
    await user.click(panel.getByRole('button', { name: 'Next sentence' }))
    expect(within(text).getByText('Rest today.', { selector: 'mark' })).toBeVisible()
    await user.click(panel.getByRole('button', { name: 'Resume' }))
    expect(spoken.at(-1)?.text).toBe('Rest today.')
    await user.click(panel.getByRole('button', { name: 'Stop' }))
    expect(text.querySelector('mark')).toBeNull()
    expect(panel.getByRole('button', { name: 'Play' })).toBeEnabled()
  })

  it('says clearly that no French voice is installed, and never uses a remote one', async () => {
    const panel = await openHandout('fr-CA')
    expect(
      await panel.findByText('No French voice is installed on this computer.')
    ).toBeInTheDocument()
    expect(panel.getByText(/To add one: on Windows/)).toBeInTheDocument()
    expect(panel.getByRole('button', { name: 'Play' })).toBeDisabled()
    // The text can still be read on screen.
    expect(panel.getByRole('region', { name: 'Text read aloud' })).toHaveTextContent(
      'Après votre traitement IMS'
    )
    expect(spoken).toEqual([])
  })
})
