import { join } from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactNode } from 'react'
import { describe, expect, it, vi } from 'vitest'
import { ConfirmProvider } from '../../src/renderer/src/components/confirm'
import { ToastProvider } from '../../src/renderer/src/components/toast'
import { FrontDeskScreen } from '../../src/renderer/src/features/front-desk/front-desk-screen'
import { HandoutScreen } from '../../src/renderer/src/features/handouts/handout-screen'
import { HandoutsScreen } from '../../src/renderer/src/features/handouts/handouts-screen'
import { PrintLogScreen } from '../../src/renderer/src/features/handouts/print-log-screen'
import { SettingsScreen } from '../../src/renderer/src/features/settings/settings-screen'
import { PdfPages } from '../../src/renderer/src/features/handouts/pdf-pages'
import { ReadabilityMeter } from '../../src/renderer/src/features/handouts/readability-meter'
import { measureReadability } from '../../src/shared/handouts/readability'
import type { ClinicProfileDraft } from '../../src/shared/api/settings'
import { openTestLibrary } from './real-core'
import type { HandoutSeed } from './real-core'
import { expectAccessible } from './render-app'

vi.mock('../../src/renderer/src/features/handouts/pdfjs', () => ({
  openPdf: vi.fn(async () => ({
    numPages: 2,
    destroy: vi.fn(async () => undefined),
    getPage: vi.fn(async () => ({
      getViewport: ({ scale }: { scale: number }) => ({ width: 595 * scale, height: 842 * scale }),
      render: () => ({ promise: Promise.resolve(), cancel: () => undefined })
    }))
  }))
}))

const PROFILE: ClinicProfileDraft = {
  name: 'Harbourview Physio',
  address: '',
  phone: '604-555-0142',
  email: '',
  website: '',
  practitioners: ['Dr. A. Chen'],
  defaultPaper: 'a4',
  defaultLang: 'en',
  footerLine: '',
  printerName: null,
  startScreen: 'front-desk'
}

const handout = (id: string, titles: { en: string; fr: string; zh?: string }): HandoutSeed[] => [
  { id, lang: 'en', title: titles.en, reviewStatus: 'approved' },
  { id, lang: 'fr-CA', title: titles.fr, reviewStatus: 'needs-review' },
  ...(titles.zh
    ? [{ id, lang: 'zh-Hans', title: titles.zh, reviewStatus: 'needs-review' as const }]
    : [])
]

/** The six built-in handouts the packs use, short; the first acupuncture visit has no Chinese. */
const HANDOUTS: HandoutSeed[] = [
  ...handout('acupuncture-vs-ims', {
    en: 'Acupuncture and IMS: what is the difference?',
    fr: 'Acupuncture et IMS',
    zh: '针灸与 IMS'
  }),
  ...handout('first-ims-visit', {
    en: 'Your first IMS visit',
    fr: 'Votre première séance d’IMS',
    zh: '第一次 IMS 就诊'
  }),
  ...handout('after-ims', {
    en: 'After your IMS treatment',
    fr: 'Après votre traitement d’IMS',
    zh: 'IMS 治疗之后'
  }),
  ...handout('first-acupuncture-visit', {
    en: 'Your first acupuncture visit',
    fr: 'Première séance d’acupuncture'
  }),
  ...handout('after-acupuncture', {
    en: 'After your acupuncture treatment',
    fr: 'Après l’acupuncture',
    zh: '针灸治疗之后'
  }),
  ...handout('before-your-treatment', {
    en: 'Before your treatment',
    fr: 'Avant votre traitement',
    zh: '治疗之前'
  })
]

/** A library with the handouts and, unless told otherwise, the clinic's saved profile. */
async function frontDeskLibrary(options: { profile?: boolean } = {}) {
  const library = await openTestLibrary({ handouts: HANDOUTS })
  if (options.profile !== false) await library.call('settings:saveProfile', PROFILE)
  return library.install()
}

const wrap = (node: ReactNode) =>
  render(
    <ConfirmProvider>
      <ToastProvider>{node}</ToastProvider>
    </ConfirmProvider>
  )

describe('front desk', () => {
  it('prints a pack in the chosen language in three clicks, with the clinic defaults', async () => {
    const library = await frontDeskLibrary()
    const user = userEvent.setup()
    wrap(<FrontDeskScreen />)
    const save = await screen.findByRole('button', { name: 'Save as PDF' })
    expect(save).toBeDisabled()
    await user.click(screen.getByRole('button', { name: /^IMS first visit/ }))
    await user.click(screen.getByRole('button', { name: 'Français (Canada)' }))
    expect(screen.getByText(/Needs clinic review:/)).toBeInTheDocument()
    await user.click(save)
    const savedPath = join(library.savedDir, 'ims-first-visit-fr-CA.pdf')
    // The result is beside the buttons, in the sticky bar; no notice repeats it over the screen.
    const bar = screen.getByRole('group', { name: 'Print or save' })
    expect(within(bar).getByRole('status')).toHaveTextContent(`Saved: ${savedPath}`)
    expect(document.querySelector('.toast')).toBeNull()
    // "Open" and "Show in folder" reach the shell with the file the core saved.
    await user.click(within(bar).getByRole('button', { name: 'Show in folder' }))
    await user.click(within(bar).getByRole('button', { name: 'Open' }))
    await waitFor(() =>
      expect(library.opened).toEqual([
        { action: 'showInFolder', path: savedPath },
        { action: 'open', path: savedPath }
      ])
    )
    expect(library.callsTo('handouts:savePdf')[0]).toEqual({
      items: [
        // The urgent box leads the pack: first visit, after, then the comparison (no box).
        { id: 'first-ims-visit', lang: 'fr-CA' },
        { id: 'after-ims', lang: 'fr-CA' },
        { id: 'acupuncture-vs-ims', lang: 'fr-CA' }
      ],
      paper: 'a4',
      largePrint: false,
      copies: 1
    })
    await expectAccessible()
  })

  it('offers only languages every chosen handout has, and sends the typed patient name', async () => {
    const library = await frontDeskLibrary()
    const user = userEvent.setup()
    wrap(<FrontDeskScreen />)
    await user.click(await screen.findByRole('button', { name: /^Acupuncture first visit/ }))
    expect(screen.getByRole('button', { name: /简体中文/ })).toBeDisabled()
    await user.click(screen.getByRole('checkbox', { name: 'Large print' }))
    await user.click(screen.getByRole('radio', { name: 'Letter' }))
    await user.type(screen.getByLabelText('Patient name (optional)'), 'Jane Doe')
    await user.click(screen.getByRole('button', { name: 'Print' }))
    await screen.findByText('Sent to the printer.')
    expect(library.callsTo('handouts:print')[0]).toMatchObject({
      paper: 'letter',
      largePrint: true,
      patientName: 'Jane Doe'
    })
  })

  it('reminds the clinic to fill in its profile', async () => {
    await frontDeskLibrary({ profile: false })
    wrap(<FrontDeskScreen />)
    expect(await screen.findByText(/not set yet/)).toBeInTheDocument()
  })
})

describe('hiding handouts from the front desk', () => {
  const CUPPING: HandoutSeed = {
    id: 'after-cupping',
    lang: 'en',
    title: 'After cupping',
    reviewStatus: 'approved',
    optional: true
  }

  it('the handout screen hides an optional handout from the front desk and shows it again', async () => {
    const library = await openTestLibrary({ handouts: [...HANDOUTS, CUPPING] })
    await library.call('settings:saveProfile', PROFILE)
    library.install()
    const user = userEvent.setup()
    const desk = wrap(<FrontDeskScreen />)
    expect(await screen.findByRole('button', { name: 'After cupping' })).toBeInTheDocument()
    desk.unmount()

    const page = wrap(<HandoutScreen id="after-cupping" lang="en" />)
    const hide = await screen.findByRole('checkbox', { name: 'Hide from the front desk' })
    expect(hide).not.toBeChecked()
    const meta = page.container.querySelector<HTMLElement>('.handout__meta')!
    expect(within(meta).getByText('Optional')).toBeInTheDocument()
    await user.click(hide)
    await waitFor(() => expect(hide).toBeChecked())
    expect(library.callsTo('handouts:setHidden')).toEqual([{ id: 'after-cupping', hidden: true }])
    expect(within(meta).getByText('Hidden from the front desk')).toBeInTheDocument()
    await expectAccessible()
    page.unmount()

    // Gone from the front desk; still in the Handouts list, labelled.
    const desk2 = wrap(<FrontDeskScreen />)
    await screen.findByRole('button', { name: /^IMS first visit/ })
    expect(screen.queryByRole('button', { name: 'After cupping' })).toBeNull()
    desk2.unmount()
    const list = wrap(<HandoutsScreen />)
    const card = (await screen.findByRole('heading', { name: 'After cupping' })).closest('li')!
    expect(within(card).getByText('Optional')).toBeInTheDocument()
    expect(within(card).getByText('Hidden from the front desk')).toBeInTheDocument()
    expect(
      within(card).getByRole('checkbox', { name: 'Hide After cupping from the front desk' })
    ).toBeChecked()
    list.unmount()

    wrap(<HandoutScreen id="after-cupping" lang="en" />)
    const show = await screen.findByRole('checkbox', { name: 'Hide from the front desk' })
    expect(show).toBeChecked()
    await user.click(show)
    await waitFor(() => expect(show).not.toBeChecked())
    expect(await library.call('handouts:frontDesk', {})).toMatchObject({
      handouts: expect.arrayContaining([expect.objectContaining({ id: 'after-cupping' })])
    })
  })

  it('the Handouts list hides a handout from its card', async () => {
    const library = await frontDeskLibrary()
    const user = userEvent.setup()
    const list = wrap(<HandoutsScreen />)
    const hide = await screen.findByRole('checkbox', {
      name: 'Hide Before your treatment from the front desk'
    })
    const card = hide.closest('li')!
    expect(within(card).queryByText('Hidden from the front desk')).toBeNull()
    await user.click(hide)
    await within(card).findByText('Hidden from the front desk')
    expect(hide).toBeChecked()
    expect(library.callsTo('handouts:setHidden')).toEqual([
      { id: 'before-your-treatment', hidden: true }
    ])
    await expectAccessible()
    list.unmount()
    wrap(<FrontDeskScreen />)
    await screen.findByRole('button', { name: /^IMS first visit/ })
    expect(screen.queryByRole('button', { name: 'Before your treatment' })).toBeNull()
    expect(screen.getByRole('button', { name: 'After your IMS treatment' })).toBeInTheDocument()
  })

  it('a pack leaves out a hidden handout when it prints', async () => {
    const library = await frontDeskLibrary()
    await library.call('handouts:setHidden', { id: 'acupuncture-vs-ims', hidden: true })
    const user = userEvent.setup()
    wrap(<FrontDeskScreen />)
    const pack = await screen.findByRole('button', { name: /^IMS first visit/ })
    expect(pack).toHaveTextContent('2 handouts')
    expect(
      screen.queryByRole('button', { name: 'Acupuncture and IMS: what is the difference?' })
    ).toBeNull()
    await user.click(pack)
    await user.click(screen.getByRole('button', { name: 'Save as PDF' }))
    await screen.findByText(/^Saved:/)
    expect(library.callsTo('handouts:savePdf')[0]).toMatchObject({
      items: [
        { id: 'first-ims-visit', lang: 'en' },
        { id: 'after-ims', lang: 'en' }
      ]
    })
  })
})

describe('preview', () => {
  it('draws every page of the PDF as a labelled image', async () => {
    render(<PdfPages pdfBase64="JVBERi0xLjQK" label="Preview of After IMS" />)
    const group = await screen.findByRole('group', { name: 'Preview of After IMS: 2 pages' })
    expect(
      within(group)
        .getAllByRole('img')
        .map((i) => i.getAttribute('aria-label'))
    ).toEqual(['Page 1 of 2', 'Page 2 of 2'])
  })
})

describe('readability meter', () => {
  it('warns above grade 8 and explains the measure', () => {
    const hard = Array.from(
      { length: 12 },
      () =>
        'Intramuscular stimulation necessitates comprehensive neuromuscular examination and individualised therapeutic prescription.'
    ).join(' ')
    render(<ReadabilityMeter report={measureReadability(hard, 'en')} />)
    expect(screen.getByRole('region', { name: 'Reading level' })).toHaveTextContent(/Above grade 8/)
  })

  it('shows SMOG beside Flesch–Kincaid for English, and warns when SMOG alone is above 8', () => {
    // Short sentences (a low Flesch–Kincaid) full of long words (a high SMOG).
    const words = Array.from(
      { length: 40 },
      () => 'Inflammation complicates rehabilitation. Medication is unnecessary.'
    ).join(' ')
    const report = measureReadability(words, 'en')
    expect(report.smog).toBeGreaterThan(8)
    render(<ReadabilityMeter report={report} />)
    const meter = screen.getByRole('region', { name: 'Reading level' })
    expect(meter).toHaveTextContent(
      new RegExp(`Flesch–Kincaid ${report.grade} · SMOG ${report.smog}`)
    )
    expect(meter).toHaveTextContent(/Above grade 8/)
  })

  it('uses sentence length for Chinese', () => {
    render(<ReadabilityMeter report={measureReadability('请多喝水。休息一下。', 'zh-Hans')} />)
    expect(screen.getByRole('region', { name: 'Reading level' })).toHaveTextContent(
      /characters per sentence/
    )
  })
})

describe('print log', () => {
  it('lists prints without patient names and reprints one', async () => {
    const library = await frontDeskLibrary()
    const saved = await library.call('handouts:savePdf', {
      items: [{ id: 'after-ims', lang: 'fr-CA' }],
      paper: 'a4',
      largePrint: true,
      copies: 2
    })
    const user = userEvent.setup()
    wrap(<PrintLogScreen />)
    const row = await screen.findByTestId('print-log-row')
    expect(row).toHaveTextContent('Après votre traitement d’IMS')
    expect(row).toHaveTextContent('A4')
    expect(row).toHaveTextContent('Yes')
    await user.click(within(row).getByRole('button', { name: 'Print again' }))
    await waitFor(() =>
      expect(library.callsTo('printLog:reprint')).toEqual([{ id: saved.logId, output: 'printer' }])
    )
    await expectAccessible()
  })
})

describe('settings', () => {
  it('validates the profile with field messages before saving', async () => {
    const library = await frontDeskLibrary()
    const user = userEvent.setup()
    wrap(<SettingsScreen />)
    const email = await screen.findByLabelText('Email')
    await user.type(email, 'not-an-email')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(await screen.findByText(/Enter an email address/)).toBeInTheDocument()
    expect(library.callsTo('settings:saveProfile')).toHaveLength(0)
    await user.clear(email)
    await user.click(
      screen.getByRole('checkbox', { name: 'Open Pointbook on the front-desk screen' })
    )
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    await waitFor(() => expect(library.callsTo('settings:saveProfile')).toHaveLength(1))
    expect(library.callsTo('settings:saveProfile')[0]).toMatchObject({
      name: 'Harbourview Physio',
      startScreen: 'home',
      practitioners: ['Dr. A. Chen']
    })
    await expectAccessible()
  })
})
