/**
 * Issue 10 (patient safety), on screen: the shipped safety content (the real muscle and point
 * files, imported by a real core) shows its flags on the muscle page, on the body map, in the
 * muscle list, in search results and on the point page.
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { act, screen, waitFor, within } from '@testing-library/react'
import { beforeEach, describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { resetAtlasMapCache } from '../../src/renderer/src/features/atlas/use-atlas-map'
import type { AcupointSeed, LibrarySeed, MuscleSeed } from './real-core'
import { expectAccessible, renderApp, SEEDS } from './render-app'

const CONTENT = resolve(__dirname, '../../resources/content')

const shippedMuscle = (id: string): MuscleSeed =>
  parseYaml(readFileSync(resolve(CONTENT, 'muscles', `${id}.yaml`), 'utf8')) as MuscleSeed

const shippedPoints = (meridian: string, codes: readonly string[]): AcupointSeed[] =>
  (
    parseYaml(
      readFileSync(resolve(CONTENT, 'acupoints', `${meridian}.yaml`), 'utf8')
    ) as AcupointSeed[]
  ).filter((p) => codes.includes(p.code))

/** The shipped iliopsoas and deltoid (no deep-bleeding flag), HT7 and LR3 as the app ships them. */
const SHIPPED: LibrarySeed = {
  articles: SEEDS,
  muscles: [shippedMuscle('iliopsoas'), shippedMuscle('deltoid')],
  acupoints: [...shippedPoints('HT', ['HT7']), ...shippedPoints('LR', ['LR3'])]
}

const DEEP = 'Deep bleeding risk'

beforeEach(() => resetAtlasMapCache())

describe('the deep-bleeding flag on screen', () => {
  it('shows on the muscle page as a badge and in the safety box, with the other flags', async () => {
    await renderApp('#/atlas/muscles/iliopsoas', SHIPPED)
    const heading = await screen.findByRole('heading', { level: 1, name: /Iliopsoas/ })
    const header = heading.closest('header') as HTMLElement
    expect(within(header).getByText(DEEP)).toBeInTheDocument()
    expect(within(header).getByText('Pregnancy caution')).toBeInTheDocument()
    const safety = screen.getByRole('complementary', { name: 'Safety' })
    expect(safety).toHaveTextContent(
      `${DEEP}. Iliacus lies deep in the iliac fossa and psoas behind the abdomen`
    )
    expect(safety).toHaveTextContent(
      'bleeding here cannot be controlled by pressure — take extra care with anticoagulants and antiplatelets.'
    )
    expect(safety).toHaveTextContent('Pregnancy caution. The iliacus approach passes through')
    // The needling text says where to go without "lateral to it".
    expect(
      screen.getByText(/insert lateral to the nerve: at least 2 cm lateral to the pulse/)
    ).toBeInTheDocument()
    await expectAccessible()
  })

  it('names the flag on the body map markers and their tooltip, and in the muscle list', async () => {
    const { user } = await renderApp('#/atlas', SHIPPED)
    const front = await screen.findByRole('group', { name: /Front of the body/ })
    const markers = Array.from(front.querySelectorAll<SVGGElement>('.body-map__marker'))
    const iliopsoas = markers.filter((m) => m.getAttribute('aria-label')?.startsWith('Iliopsoas'))
    expect(iliopsoas.length).toBeGreaterThan(0)
    for (const m of iliopsoas) expect(m.getAttribute('aria-label')).toContain(DEEP)
    const deltoid = markers.filter((m) => m.getAttribute('aria-label')?.startsWith('Deltoid'))
    for (const m of deltoid) expect(m.getAttribute('aria-label')).not.toContain(DEEP)
    act(() => iliopsoas[0]!.focus())
    expect(screen.getByRole('tooltip')).toHaveTextContent(DEEP)
    // In the list the most serious flag shows; the others (deep bleeding among them) are named
    // by "+4" and revealed by it (issue 12).
    const item = screen.getByRole('link', { name: /Iliopsoas/ }).closest('li') as HTMLElement
    expect(within(item).getByText('Near large vessels')).toBeInTheDocument()
    expect(within(item).queryByText(DEEP)).not.toBeInTheDocument()
    const more = within(item).getByRole('button', {
      name: `4 more safety flags: Near a nerve, ${DEEP}, Pregnancy caution, Caution`
    })
    expect(more).toHaveTextContent('+4')
    await user.click(more)
    expect(within(item).getByText(DEEP)).toBeInTheDocument()
    expect(more).toHaveAttribute('aria-expanded', 'true')
  })

  it('marks search results for the muscle and its trigger points', async () => {
    await renderApp('#/search?q=iliopsoas', SHIPPED)
    const muscles = await screen.findByRole('region', { name: /Muscles/ })
    const muscleHit = within(muscles).getByRole('link', { name: /Iliopsoas/ })
    expect(within(muscleHit).getByText(DEEP)).toBeInTheDocument()
    const points = screen.getByRole('region', { name: /Trigger points/ })
    const pointLinks = within(points).getAllByRole('link')
    expect(pointLinks.map((a) => a.textContent)).toEqual([
      expect.stringContaining('Distal iliopsoas, femoral triangle')
    ])
    for (const link of pointLinks) {
      expect(within(link).getByText(DEEP)).toBeInTheDocument()
    }
  })
})

describe('acupoints over vessels and nerves, on screen', () => {
  it('rings HT7 and LR3 on the map as flagged, names their flags, and says so in the legend', async () => {
    await renderApp('#/atlas?points=1', SHIPPED)
    const front = await screen.findByRole('group', { name: /Front of the body/ })
    await waitFor(() => expect(front.querySelector('[aria-label^="HT7 "]')).not.toBeNull())
    for (const code of ['HT7', 'LR3']) {
      const marker = front.querySelector(`[aria-label^="${code} "]`) as SVGGElement
      expect(marker.getAttribute('class'), code).toContain('body-map__marker--flagged')
      expect(marker.getAttribute('aria-label'), code).toMatch(/Near large vessels\. Near a nerve$/)
    }
    expect(screen.getByText('Acupoint with a safety flag')).toBeInTheDocument()
  })

  it('shows HT7 flagged for the ulnar artery and nerve, on its page and in search', async () => {
    const { user } = await renderApp('#/acupoints/HT7', SHIPPED)
    await screen.findByRole('heading', { level: 1, name: 'HT7 Shenmen 神门' })
    const safety = screen.getByRole('complementary', { name: 'Safety' })
    expect(safety).toHaveTextContent('Near large vessels. The ulnar artery and the ulnar nerve')
    expect(safety).toHaveTextContent('Near a nerve.')
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.type(box, 'LR3')
    const listbox = await screen.findByRole('listbox', { name: 'Search results' })
    await waitFor(() =>
      expect(within(listbox).getByRole('option', { name: /LR3 Taichong/ })).toHaveTextContent(
        /Near a vessel.*Near a nerve/
      )
    )
  })
})
