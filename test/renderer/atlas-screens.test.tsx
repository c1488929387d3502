import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { resetAtlasMapCache } from '../../src/renderer/src/features/atlas/use-atlas-map'
import { openTestLibrary } from './real-core'
import type { AcupointSeed, LibrarySeed, MuscleSeed } from './real-core'
import { currentHash, expectAccessible, renderApp, SEEDS } from './render-app'

const REF = [{ authors: 'Simons DG', title: 'Trigger Point Manual', year: 1999, source: 'W&W' }]

function muscle(partial: Partial<MuscleSeed> & Pick<MuscleSeed, 'id' | 'name'>): MuscleSeed {
  return {
    region: 'shoulder',
    action: 'Moves the arm.',
    innervation: { nerve: 'A nerve', roots: ['C5', 'C6'] },
    contentVersion: 1,
    triggerPoints: [],
    needling: { position: 'Prone.', approach: 'Perpendicular.', cautions: 'Stay over bone.' },
    references: REF,
    ...partial
  }
}

/** Three small, made-up muscles (built-in content files the library imports). */
const MUSCLES: MuscleSeed[] = [
  muscle({
    id: 'infraspinatus',
    name: 'Infraspinatus',
    innervation: { nerve: 'Suprascapular nerve', roots: ['C5', 'C6'] },
    triggerPoints: [
      {
        id: 'infraspinatus-1',
        name: 'Infraspinatus, medial point',
        location: 'Below the spine of the scapula.',
        markers: [{ view: 'back', x: 245, y: 255 }],
        referral: {
          description: 'Deep in the front of the shoulder.',
          zones: [{ view: 'front', cx: 115, cy: 215, rx: 16, ry: 18 }]
        },
        symptoms: ['Cannot reach behind the back.']
      }
    ],
    safety: [{ flag: 'nerve', text: 'Suprascapular nerve at the spinoglenoid notch.' }]
  }),
  muscle({
    id: 'upper-trapezius',
    name: 'Upper trapezius',
    region: 'head-neck',
    innervation: { nerve: 'Spinal accessory nerve', roots: ['C3', 'C4'] },
    triggerPoints: [
      {
        id: 'upper-trapezius-1',
        name: 'Upper trapezius, mid-fibres',
        location: 'Upper border.',
        markers: [
          { view: 'back', x: 240, y: 190 },
          { view: 'back', x: 160, y: 190 }
        ],
        referral: {
          description: 'Side of the neck to the temple.',
          zones: [{ view: 'back', cx: 225, cy: 130, rx: 18, ry: 35 }]
        }
      }
    ],
    safety: [{ flag: 'pneumothorax', text: 'Lung apex lies beneath.' }]
  }),
  muscle({
    id: 'gluteus-medius',
    name: 'Gluteus medius',
    region: 'hip',
    innervation: { nerve: 'Superior gluteal nerve', roots: ['L4', 'L5', 'S1'] },
    triggerPoints: [
      {
        id: 'gluteus-medius-1',
        name: 'Gluteus medius, posterior',
        location: 'Below the iliac crest.',
        markers: [{ view: 'back', x: 235, y: 445 }],
        referral: {
          description: 'Sacrum and buttock.',
          zones: [{ view: 'back', cx: 215, cy: 470, rx: 25, ry: 20 }]
        }
      }
    ]
  })
]

function point(
  p: Partial<AcupointSeed> & Pick<AcupointSeed, 'meridian' | 'number' | 'pinyin' | 'english'>
): AcupointSeed {
  const code = `${p.meridian}${p.number}`
  return {
    code,
    region: 'hand',
    location: `Where ${code} is.`,
    contentVersion: 1,
    references: REF,
    ...p
  }
}

const POINTS: AcupointSeed[] = [
  point({
    meridian: 'LI',
    number: 4,
    pinyin: 'Hegu',
    english: 'Joining Valley',
    flags: ['pregnancy'],
    flagNotes: 'Traditionally avoided in pregnancy.',
    marker: { view: 'front', x: 66, y: 528 }
  }),
  point({
    meridian: 'LI',
    number: 11,
    pinyin: 'Quchi',
    english: 'Pool at the Crook',
    region: 'arm'
  }),
  point({
    meridian: 'ST',
    number: 36,
    pinyin: 'Zusanli',
    english: 'Leg Three Miles',
    region: 'leg',
    marker: { view: 'front', x: 150, y: 730 }
  })
]

const ATLAS: LibrarySeed = { articles: SEEDS, muscles: MUSCLES, acupoints: POINTS }

const start = (hash: string) => renderApp(hash, ATLAS)

const draftFor = { target: { kind: 'muscle' as const, id: 'upper-trapezius' } }

const markers = (view: 'front' | 'back') =>
  Array.from(document.querySelectorAll<SVGGElement>(`svg[data-view="${view}"] .body-map__marker`))

beforeEach(() => resetAtlasMapCache())

describe('the atlas screen', () => {
  it('draws both views with focusable markers: one tab stop, arrows move, focus names them', async () => {
    const { user } = await start('#/atlas')
    await screen.findByRole('group', { name: /Back of the body/ })
    const back = markers('back')
    expect(back.map((m) => m.getAttribute('aria-label'))).toEqual([
      'Upper trapezius: Upper trapezius, mid-fibres. Pneumothorax risk',
      'Upper trapezius: Upper trapezius, mid-fibres. Pneumothorax risk',
      'Infraspinatus: Infraspinatus, medial point. Near a nerve',
      'Gluteus medius: Gluteus medius, posterior'
    ])
    expect(back.every((m) => m.getAttribute('role') === 'button')).toBe(true)
    expect(back.filter((m) => m.tabIndex === 0)).toHaveLength(1)
    act(() => back[0]!.focus())
    expect(screen.getByRole('tooltip')).toHaveTextContent('Pneumothorax risk')
    expect(back[0]).toHaveAttribute('aria-describedby', screen.getByRole('tooltip').id)
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(document.activeElement).toBe(markers('back')[2])
    expect(screen.getByRole('tooltip')).toHaveTextContent('Infraspinatus')
    await user.keyboard('{Enter}')
    await screen.findByRole('heading', { level: 1, name: 'Infraspinatus' })
    expect(currentHash()).toBe('#/atlas/muscles/infraspinatus?tp=infraspinatus-1')
  })

  it('filters by region and can show every referral zone', async () => {
    const { user } = await start('#/atlas')
    await screen.findByRole('group', { name: /Back of the body/ })
    expect(document.querySelectorAll('.body-map__zone')).toHaveLength(0)
    await user.click(screen.getByLabelText('All zones'))
    await waitFor(() => expect(document.querySelectorAll('.body-map__zone').length).toBe(3))
    await user.selectOptions(screen.getByLabelText('Region'), 'hip')
    await waitFor(() => expect(markers('back')).toHaveLength(1))
    expect(document.querySelectorAll('.body-map__zone')).toHaveLength(1)
    expect(currentHash()).toBe('#/atlas?region=hip&zones=all')
    expect(screen.getByRole('link', { name: 'Gluteus medius' })).toBeInTheDocument()
    expect(screen.queryByRole('link', { name: 'Infraspinatus' })).not.toBeInTheDocument()
  })

  it('searches from pain: choosing the front of the shoulder lists infraspinatus', async () => {
    const { user } = await start('#/atlas?mode=pain')
    await screen.findByLabelText('Place')
    await user.selectOptions(screen.getByLabelText('Place'), 'Front of shoulder (right)')
    const list = await screen.findByRole('list', { name: 'Candidate muscles' })
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent)
    ).toEqual(['Infraspinatus'])
    expect(within(list).getByText('Near a nerve', { exact: false })).toBeInTheDocument()
    expect(currentHash()).toBe('#/atlas?mode=pain&spot=front%2C115%2C215')
    // The candidate's zone and the spot are drawn; the other muscles' markers are not.
    expect(document.querySelectorAll('svg[data-view="front"] .body-map__zone')).toHaveLength(1)
    expect(document.querySelector('svg[data-view="front"] .body-map__spot')).not.toBeNull()
    expect(markers('back').map((m) => m.getAttribute('aria-label'))).toEqual([
      'Infraspinatus: Infraspinatus, medial point. Near a nerve'
    ])
    await user.click(screen.getByRole('button', { name: 'Clear' }))
    expect(screen.queryByRole('list', { name: 'Candidate muscles' })).not.toBeInTheDocument()
  })

  it('looks up nerve roots: lists, highlights and shades the paraspinal levels', async () => {
    const { user } = await start('#/atlas?mode=roots')
    await user.click(await screen.findByRole('button', { name: 'C5' }))
    await user.click(screen.getByRole('button', { name: 'C6' }))
    expect(screen.getByRole('button', { name: 'C5' })).toHaveAttribute('aria-pressed', 'true')
    const list = await screen.findByRole('list', { name: 'Muscles supplied' })
    expect(
      within(list)
        .getAllByRole('link')
        .map((a) => a.textContent)
    ).toEqual(['Infraspinatus'])
    const back = markers('back')
    const state = (name: string) =>
      back.find((m) => m.getAttribute('aria-label')?.startsWith(name))?.getAttribute('class')
    expect(state('Infraspinatus')).toContain('body-map__marker--highlight')
    expect(state('Upper trapezius')).toContain('body-map__marker--dim')
    const bands = document.querySelectorAll('svg[data-view="back"] .body-map__band-label')
    expect(Array.from(bands).map((b) => b.textContent)).toEqual(['C5', 'C6'])
    expect(currentHash()).toBe('#/atlas?mode=roots&roots=C5%2CC6')
    await user.click(screen.getByRole('button', { name: 'L4–L5' }))
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Muscles supplied' })).getByRole('link')
      ).toHaveTextContent('Gluteus medius')
    )
  })

  it('folds the root chooser away once roots are chosen, so the muscles come first', async () => {
    const { user } = await start('#/atlas?mode=roots&roots=C5,C6')
    await screen.findByRole('list', { name: 'Muscles supplied' })
    const change = screen.getByRole('button', { name: 'Change roots' })
    expect(change).toHaveAttribute('aria-expanded', 'false')
    expect(screen.queryByRole('button', { name: 'C5' })).not.toBeInTheDocument()
    await user.click(change)
    expect(screen.getByRole('button', { name: 'C5' })).toHaveAttribute('aria-pressed', 'true')
    // A common level chosen: the chooser folds again and the list is of those roots.
    await user.click(screen.getByRole('button', { name: 'L4–L5' }))
    expect(screen.getByRole('button', { name: 'Change roots' })).toHaveAttribute(
      'aria-expanded',
      'false'
    )
    await waitFor(() =>
      expect(
        within(screen.getByRole('list', { name: 'Muscles supplied' })).getByRole('link')
      ).toHaveTextContent('Gluteus medius')
    )
  })

  it('has no serious accessibility problem', async () => {
    await start('#/atlas?mode=roots&roots=C5,C6')
    await screen.findByRole('list', { name: 'Muscles supplied' })
    await expectAccessible()
  })
})

describe('a muscle page', () => {
  it('shows every field, the safety notice, the caveat link and the map', async () => {
    await start('#/atlas/muscles/upper-trapezius')
    await screen.findByRole('heading', { level: 1, name: 'Upper trapezius' })
    const safety = screen.getByRole('complementary', { name: 'Safety' })
    expect(safety).toHaveTextContent('Pneumothorax risk. Lung apex lies beneath.')
    expect(screen.getByText('Spinal accessory nerve')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'C3–C4' })).toHaveAttribute(
      'href',
      '#/atlas?mode=roots&roots=C3%2CC4'
    )
    expect(screen.getByText('Upper border.')).toBeInTheDocument()
    expect(screen.getByText('Stay over bone.')).toBeInTheDocument()
    expect(
      screen.getByRole('link', { name: 'The trigger-point model and its limits' })
    ).toHaveAttribute('href', '#/articles/trigger-point-model-and-its-limits')
    const references = screen.getByRole('heading', { name: 'References' })
    // The practitioner's notes come before the references (issue 12).
    const notes = screen.getByRole('heading', { name: 'Your notes on Upper trapezius' })
    expect(
      notes.compareDocumentPosition(references) & Node.DOCUMENT_POSITION_FOLLOWING
    ).toBeTruthy()
    expect(document.querySelectorAll('svg[data-view="back"] .body-map__zone')).toHaveLength(1)
    await expectAccessible()
  })

  it('says so when the muscle does not exist', async () => {
    await start('#/atlas/muscles/nope')
    expect(
      await screen.findByText('This muscle is not in the atlas.', { selector: '.state__title' })
    ).toBeVisible()
  })
})

describe('notes on an item', () => {
  it('adds a note, keeping a draft while typing, and lists it pinned first', async () => {
    const { user, library } = await start('#/atlas/muscles/upper-trapezius')
    await user.click(await screen.findByRole('button', { name: 'Add a note' }))
    await user.type(screen.getByLabelText('Note (Markdown)'), 'Pincer grip works')
    await screen.findByText(/Draft kept/)
    expect((await library.call('notes:getDraft', draftFor))?.body).toBe('Pincer grip works')
    await user.click(screen.getByRole('button', { name: 'Save note' }))
    const card = await screen.findByRole('article', { name: 'Pincer grip works' })
    expect(await library.call('notes:drafts', {})).toEqual([])
    expect(library.callsTo('notes:create')).toEqual([
      { target: { kind: 'muscle', id: 'upper-trapezius' }, body: 'Pincer grip works' }
    ])
    await user.click(within(card).getByRole('button', { name: 'Pin' }))
    await waitFor(() => expect(within(card).getByText('Pinned')).toBeInTheDocument())
  })

  it('reopens a draft left behind, with a notice', async () => {
    const library = await openTestLibrary(ATLAS)
    await library.call('notes:saveDraft', { ...draftFor, body: 'Unfinished thought' })
    await renderApp('#/atlas/muscles/upper-trapezius', library)
    const text = await screen.findByLabelText('Note (Markdown)')
    expect(text).toHaveValue('Unfinished thought')
    expect(screen.getByText(/Restored the unsaved draft/)).toBeInTheDocument()
  })

  it('renders a hostile note inert', async () => {
    await start('#/notes')
    const { user } = { user: (await import('@testing-library/user-event')).default.setup() }
    await user.click(await screen.findByRole('button', { name: 'Add a note' }))
    const hostile =
      '# Hostile\n<script>window.__pwned=1</script>\n<img src=x onerror="window.__pwned=2">\n[x](javascript:alert(1))\n<iframe src="https://evil.test"></iframe>'
    await user.click(screen.getByLabelText('Note (Markdown)'))
    await user.paste(hostile)
    await user.click(screen.getByRole('button', { name: 'Save note' }))
    const card = await screen.findByRole('article', { name: 'Hostile' })
    await waitFor(() => expect(card.querySelector('.prose h1')).not.toBeNull())
    expect(card.innerHTML).not.toMatch(/<script|<iframe|onerror|javascript:/i)
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })
})

describe('acupoints', () => {
  it('finds a point however it is written, and opens it with its safety flag', async () => {
    const { user } = await start('#/acupoints')
    const find = await screen.findByLabelText('Find a point')
    for (const q of ['li 4', 'LI-4', 'Hegu', 'joining valley']) {
      await user.clear(find)
      await user.type(find, q)
      await waitFor(() => expect(screen.getAllByRole('row')[1]).toHaveTextContent('Hegu'))
    }
    await user.click(screen.getByRole('link', { name: 'LI4' }))
    await screen.findByRole('heading', { level: 1, name: 'LI4 Hegu' })
    expect(screen.getByRole('complementary', { name: 'Safety' })).toHaveTextContent(
      'Pregnancy caution. Traditionally avoided in pregnancy.'
    )
    expect(screen.getByRole('link', { name: 'LI5 →' })).toBeInTheDocument()
  })

  it('opens a point by a loosely written code in the address', async () => {
    await start('#/acupoints/li-4')
    expect(await screen.findByRole('heading', { level: 1, name: 'LI4 Hegu' })).toBeVisible()
  })
})

describe('notes on an article', () => {
  it('the article notes panel lists and adds notes for that article', async () => {
    const { render } = await import('@testing-library/react')
    const { ArticleNotes } = await import('../../src/renderer/src/features/notes/article-notes')
    const { ConfirmProvider } = await import('../../src/renderer/src/components/confirm')
    const { ToastProvider } = await import('../../src/renderer/src/components/toast')
    const library = (await openTestLibrary(ATLAS)).install()
    const user = (await import('@testing-library/user-event')).default.setup()
    render(
      <ConfirmProvider>
        <ToastProvider>
          <ArticleNotes id="what-is-ims" />
        </ToastProvider>
      </ConfirmProvider>
    )
    await user.click(await screen.findByRole('button', { name: 'Add a note' }))
    await user.type(screen.getByLabelText('Note (Markdown)'), 'Give this to new patients')
    await user.click(screen.getByRole('button', { name: 'Save note' }))
    await screen.findByRole('article', { name: 'Give this to new patients' })
    expect(library.callsTo('notes:create')).toEqual([
      { target: { kind: 'article', id: 'what-is-ims' }, body: 'Give this to new patients' }
    ])
  })
})
