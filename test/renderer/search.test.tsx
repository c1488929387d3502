import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { openTestLibrary } from './real-core'
import type { MuscleSeed } from './real-core'
import { currentHash, expectAccessible, renderApp, SEEDS } from './render-app'
import { setNavigationGuard } from '../../src/renderer/src/lib/router'

/** Found by "neck" through its action only: its trigger point and tags do not mention the neck. */
const UPPER_TRAPEZIUS: MuscleSeed = {
  id: 'upper-trapezius',
  name: 'Upper trapezius',
  region: 'shoulder',
  action: 'Elevates the scapula; common source of neck pain.',
  innervation: { nerve: 'Spinal accessory nerve', roots: ['C3', 'C4'] },
  contentVersion: 1,
  triggerPoints: [
    {
      id: 'upper-trapezius-1',
      name: 'Upper trapezius, mid-fibres',
      location: 'Upper border.',
      markers: [{ view: 'back', x: 240, y: 190 }],
      referral: {
        description: 'Up to the temple.',
        zones: [{ view: 'back', cx: 225, cy: 130, rx: 18, ry: 35 }]
      }
    }
  ],
  needling: { position: 'Prone.', approach: 'Pincer grip.', cautions: 'Stay above the lung.' },
  safety: [{ flag: 'pneumothorax', text: 'Lung apex lies beneath.' }],
  references: [{ authors: 'Simons DG', title: 'Trigger Point Manual', year: 1999, source: 'W&W' }]
}

/** The articles, a muscle, and a clinic handout whose title and summary carry markup. */
async function libraryWithOtherKinds() {
  const library = await openTestLibrary({ articles: SEEDS, muscles: [UPPER_TRAPEZIUS] })
  await library.call('handouts:create', {
    lang: 'en',
    title: '<img src=x onerror="window.__pwned=1">Neck exercises',
    summary: '<b>not bold</b> neck',
    body: 'Three stretches, twice a day.'
  })
  return library
}

describe('search', () => {
  it('searches as you type and shows hits grouped by kind with <mark> highlights', async () => {
    const { user } = await renderApp('#/articles', await libraryWithOtherKinds())
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.type(box, 'neck')
    const listbox = await screen.findByRole('listbox', { name: 'Search results' })
    expect(box).toHaveAttribute('aria-expanded', 'true')
    expect(box).toHaveAttribute('aria-controls', listbox.id)

    const groups = within(listbox).getAllByRole('group')
    expect(
      groups.map(
        (g) =>
          g.getAttribute('aria-labelledby') &&
          document.getElementById(g.getAttribute('aria-labelledby')!)?.firstChild?.textContent
      )
    ).toEqual(['Articles', 'Handouts', 'Muscles'])
    const articles = within(listbox).getByRole('group', { name: /Articles/ })
    const option = within(articles).getByRole('option', { name: /Neck pain: clinic notes/ })
    const marks = option.querySelectorAll('mark')
    expect([...marks].map((m) => m.textContent)).toContain('Neck')
    expect(within(listbox).getByText('Pneumothorax risk')).toBeInTheDocument()

    // Markup in search output is text, never HTML.
    expect(listbox.querySelector('img')).toBeNull()
    expect(within(listbox).getByText(/<b>not bold<\/b>/)).toBeInTheDocument()
    await expectAccessible()
  })

  it('is operable with the keyboard: arrows, Enter, Escape', async () => {
    const { user } = await renderApp('#/articles', await libraryWithOtherKinds())
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.type(box, 'neck')
    const listbox = await screen.findByRole('listbox')
    await user.keyboard('{ArrowDown}')
    const first = within(listbox).getAllByRole('option')[0] as HTMLElement
    expect(box).toHaveAttribute('aria-activedescendant', first.id)
    expect(first).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowUp}')
    const options = within(listbox).getAllByRole('option')
    expect(box).toHaveAttribute('aria-activedescendant', options[options.length - 1]!.id)
    await user.keyboard('{ArrowDown}')
    await user.keyboard('{Enter}')
    expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Neck pain: clinic notes' })
    ).toBeVisible()

    // The hit opened another screen: the field is empty again.
    expect(box).toHaveValue('')
    await user.type(box, 'neck')
    expect(await screen.findByRole('listbox')).toBeInTheDocument()
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()
    expect(box).toHaveAttribute('aria-expanded', 'false')
  })

  it('opens the top hit on Enter, and the results page from "See all results"', async () => {
    const { user } = await renderApp('#/articles', await libraryWithOtherKinds())
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    // Enter typed straight after the text: the top hit of what is typed, not of an older answer.
    await user.type(box, 'neck{Enter}')
    await waitFor(() => expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes'))
    await user.clear(box)
    await user.type(box, 'neck')
    const listbox = await screen.findByRole('listbox')
    await user.keyboard('{ArrowUp}')
    expect(within(listbox).getAllByRole('option').at(-1)).toHaveTextContent(/See all results/)
    await user.keyboard('{Enter}')
    expect(currentHash()).toBe('#/search?q=neck')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results for “neck”' })
    ).toBeVisible()
    const articles = await screen.findByRole('region', { name: /^Articles/ })
    expect(within(articles).getByRole('link', { name: /clinic notes/ })).toBeInTheDocument()
    expect(screen.getByRole('region', { name: /^Muscles/ })).toBeInTheDocument()
    await expectAccessible()

    const kinds = screen.getByRole('group', { name: 'Filter by kind' })
    const muscleChip = within(kinds).getByRole('button', { name: 'Muscles 1' })
    expect(muscleChip).toHaveAttribute('aria-pressed', 'false')
    await user.click(muscleChip)
    expect(currentHash()).toBe('#/search?q=neck&kind=muscle')
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /^Articles/ })).not.toBeInTheDocument()
    )
    expect(
      within(screen.getByRole('group', { name: 'Filter by kind' })).getByRole('button', {
        name: 'Muscles 1'
      })
    ).toHaveAttribute('aria-pressed', 'true')

    await user.click(
      within(screen.getByRole('group', { name: 'Filter by kind' })).getByRole('button', {
        name: 'Muscles 1'
      })
    )
    const tags = await screen.findByRole('group', { name: 'Filter by tag' })
    await user.click(within(tags).getByRole('button', { name: '#Shoulder girdle' }))
    expect(currentHash()).toBe('#/search?q=neck&tag=Shoulder+girdle')
    await waitFor(() =>
      expect(screen.queryByRole('region', { name: /^Articles/ })).not.toBeInTheDocument()
    )
    expect(screen.getByRole('region', { name: /^Muscles/ })).toBeInTheDocument()
  })

  it('drives the results page from the search field while on it', async () => {
    const { user } = await renderApp('#/search?q=neck', await libraryWithOtherKinds())
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    expect(box).toHaveValue('neck')
    await screen.findByRole('region', { name: /^Articles/ })
    await user.clear(box)
    await user.type(box, 'acupuncture')
    await waitFor(() => expect(currentHash()).toBe('#/search?q=acupuncture'))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Results for “acupuncture”' })
    ).toBeVisible()
    expect(screen.queryByRole('listbox')).not.toBeInTheDocument()

    // Leaving search for a hit empties the field: the text does not follow to the article.
    const articles = await screen.findByRole('region', { name: /^Articles/ })
    await user.click(within(articles).getAllByRole('link')[0]!)
    await waitFor(() => expect(currentHash()).toMatch(/^#\/articles\//))
    expect(box).toHaveValue('')
  })

  it('keeps what is typed while the address catches up with earlier text', async () => {
    const { user } = await renderApp('#/search?q=neck', await libraryWithOtherKinds())
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await screen.findByRole('region', { name: /^Articles/ })
    // Hold the address change the cleared field asks for, as a busy machine would.
    let release: (go: boolean) => void = () => undefined
    let asked = false
    const unguard = setNavigationGuard(
      () =>
        new Promise<boolean>((resolve) => {
          asked = true
          release = resolve
        })
    )
    await user.clear(box)
    await waitFor(() => expect(asked).toBe(true))
    unguard()
    await user.type(box, 'a')
    release(true)
    await waitFor(() => expect(currentHash()).toBe('#/search?q=a'))
    expect(box).toHaveValue('a')
  })

  it('empties the field when a hit from the dropdown opens another screen', async () => {
    const { user } = await renderApp('#/articles', await libraryWithOtherKinds())
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.type(box, 'neck{Enter}')
    await waitFor(() => expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes'))
    expect(box).toHaveValue('')
  })

  it('says when nothing matches, and shows a search failure with retry', async () => {
    const { user, library } = await renderApp('#/search?q=zzzz')
    expect(await screen.findByText('Nothing found for “zzzz”')).toBeInTheDocument()

    library.closeDatabase()
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.clear(box)
    await user.type(box, 'ims')
    expect(await screen.findByText('The search failed.')).toBeInTheDocument()
    library.reopen()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('region', { name: /^Articles/ })).toBeInTheDocument()
  })
})
