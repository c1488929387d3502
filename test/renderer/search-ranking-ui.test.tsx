/**
 * The search field after issue 9, on the real core: groups in the order of their best hit, Enter
 * opening the top hit, the spelling suggestion, and the 200-character limit with its counter.
 */
import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { AcupointSeed, ArticleSeed } from './real-core'
import { currentHash, renderApp } from './render-app'

const REFERENCE = {
  authors: 'WHO',
  title: 'Standard Acupuncture Point Locations',
  year: 2008,
  source: 'WHO'
}

const LI4: AcupointSeed = {
  code: 'LI4',
  pinyin: 'Hegu',
  hanzi: '合谷',
  pinyinTones: 'Hégǔ',
  english: 'Joining Valley',
  meridian: 'LI',
  number: 4,
  region: 'hand',
  location: 'On the back of the hand, beside the second metacarpal.',
  contentVersion: 1,
  references: [REFERENCE]
}

/** Articles that mention LI4 many times, in their titles too: text matches, not the point. */
const ARTICLES: ArticleSeed[] = ['Points of the hand', 'LI4 and LI11 in practice'].map(
  (title, i) => ({
    id: `hand-${i}`,
    title,
    isBuiltin: true,
    body: 'LI4 LI4 LI4: needling LI4 on the back of the hand. The trapezius is elsewhere.'
  })
)

const start = () => renderApp('#/articles', { articles: ARTICLES, acupoints: [LI4] })

const groupNames = (listbox: HTMLElement) =>
  within(listbox)
    .getAllByRole('group')
    .map(
      (g) => document.getElementById(g.getAttribute('aria-labelledby')!)?.firstChild?.textContent
    )

describe('search field ranking', () => {
  it('puts the group of the best hit first and opens the top hit on Enter', async () => {
    const { user } = await start()
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.type(box, 'li 4')
    const listbox = await screen.findByRole('listbox', { name: 'Search results' })
    await waitFor(() => expect(groupNames(listbox)[0]).toBe('Acupoints'))
    expect(groupNames(listbox)).toEqual(['Acupoints', 'Articles'])
    await user.keyboard('{Enter}')
    await waitFor(() => expect(currentHash()).toMatch(/LI4$/))
    expect(await screen.findByRole('heading', { level: 1, name: /LI4 Hegu 合谷/ })).toBeVisible()
  })

  it('finds a point by its characters', async () => {
    const { user } = await start()
    await user.type(screen.getByRole('combobox', { name: 'Search everything' }), '合谷')
    const listbox = await screen.findByRole('listbox', { name: 'Search results' })
    expect(await within(listbox).findByRole('option', { name: /LI4 Hegu 合谷/ })).toBeVisible()
  })

  it('shows the results of the nearest word for a misspelt one, and says so', async () => {
    const { user } = await start()
    await user.type(screen.getByRole('combobox', { name: 'Search everything' }), 'trapezuis')
    expect(await screen.findByRole('note')).toHaveTextContent(
      'No matches for “trapezuis”. Showing results for trapezius.'
    )
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('Points of the hand')
  })

  it('stops a pasted paragraph at 200 characters with a counter, never an error', async () => {
    const { user } = await start()
    const box = screen.getByRole('combobox', { name: 'Search everything' })
    await user.click(box)
    await user.paste(`${'needling on the back of the hand '.repeat(8)}LI4`)
    expect((box as HTMLInputElement).value).toHaveLength(200)
    expect(screen.getByText('200/200')).toBeVisible()
    await screen.findByRole('listbox', { name: 'Search results' })
    expect(screen.queryByText(/The search failed/)).not.toBeInTheDocument()
    fireEvent.change(box, { target: { value: 'needling' } })
    expect(screen.queryByText(/\/200/)).not.toBeInTheDocument()
  })
})
