/**
 * Issue 12, notes on screen (a real core): `[[` links from the one search, #tags, search within
 * notes, a link to a deleted item shown as missing, and "Attach to…" / "Detach".
 */
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { parse as parseYaml } from 'yaml'
import { openTestLibrary } from './real-core'
import type { AcupointSeed, LibrarySeed, MuscleSeed } from './real-core'
import { currentHash, expectAccessible, renderApp, SEEDS } from './render-app'

const CONTENT = resolve(__dirname, '../../resources/content')
const LIBRARY: LibrarySeed = {
  articles: SEEDS,
  muscles: [
    parseYaml(
      readFileSync(resolve(CONTENT, 'muscles', 'upper-trapezius.yaml'), 'utf8')
    ) as MuscleSeed
  ],
  acupoints: (
    parseYaml(readFileSync(resolve(CONTENT, 'acupoints', 'LI.yaml'), 'utf8')) as AcupointSeed[]
  ).filter((p) => p.code === 'LI4')
}

describe('links and tags in a note', () => {
  it('[[ lists items from the one search and inserts a link that opens the item', async () => {
    const { user, library } = await renderApp('#/notes', LIBRARY)
    await user.click(await screen.findByRole('button', { name: 'Add a note' }))
    const text = screen.getByLabelText('Note (Markdown)')
    // '[[' types one '[' in user-event's key syntax.
    await user.type(text, 'Check [[[[upper trap')
    const list = await screen.findByRole('listbox', { name: 'Items to link' })
    await waitFor(() =>
      expect(within(list).getAllByRole('option')[0]).toHaveAccessibleName(
        expect.stringMatching(/^Upper trapezius .*\(Muscle\)$/)
      )
    )
    expect(text).toHaveAttribute(
      'aria-activedescendant',
      within(list).getAllByRole('option')[0]!.id
    )
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('listbox', { name: 'Items to link' })).not.toBeInTheDocument()
    await user.type(text, ' today #shoulder #Desk')
    expect(text).toHaveValue(
      'Check [[muscle:upper-trapezius|Upper trapezius]] today #shoulder #Desk'
    )
    await user.click(screen.getByRole('button', { name: 'Save note' }))
    const card = await screen.findByRole('article', {
      name: 'Check Upper trapezius today #shoulder #Desk'
    })
    const link = await within(card).findByRole('link', { name: 'Upper trapezius' })
    expect(link).toHaveAttribute('href', '#/atlas/muscles/upper-trapezius')
    const tags = within(card).getByRole('list', { name: 'Tags' })
    expect(
      within(tags)
        .getAllByRole('link')
        .map((a) => a.textContent)
    ).toEqual(['#shoulder', '#Desk'])
    await user.click(link)
    await waitFor(() => expect(currentHash()).toBe('#/atlas/muscles/upper-trapezius'))
    expect(library.callsTo('notes:create')).toHaveLength(1)
  })

  it('shows a link to a deleted article as missing, not as a link', async () => {
    const library = await openTestLibrary(LIBRARY)
    await library.call('notes:create', {
      target: null,
      body: 'See [[article:what-is-ims|What is IMS?]] and [[muscle:no-such|Old muscle]].'
    })
    await library.call('articles:delete', { id: 'what-is-ims' })
    await renderApp('#/notes', library)
    const card = await screen.findByRole('article', { name: /^See What is IMS/ })
    await waitFor(() => expect(card.querySelector('.prose em')).not.toBeNull())
    expect(within(card).queryByRole('link', { name: /What is IMS/ })).not.toBeInTheDocument()
    expect(card.querySelector('.prose')).toHaveTextContent(
      'See What is IMS? (missing) and Old muscle (missing).'
    )
  })
})

describe('the notes screen', () => {
  it('searches within notes and filters by tag', async () => {
    const library = await openTestLibrary(LIBRARY)
    for (const body of [
      'Dry needling follow-up #shoulder',
      'Needle order for the clinic #supplies',
      'Épaule: pincer grip #shoulder'
    ]) {
      await library.call('notes:create', { target: null, body })
    }
    const { user } = await renderApp('#/notes', library)
    await screen.findByRole('article', { name: 'Needle order for the clinic #supplies' })
    const titles = () => screen.queryAllByRole('article').map((a) => a.getAttribute('aria-label'))
    await user.type(screen.getByLabelText('Search your notes'), 'epaule')
    await waitFor(() => expect(titles()).toEqual(['Épaule: pincer grip #shoulder']))
    expect(screen.getByText('1 of 3 notes match.')).toBeInTheDocument()
    await user.clear(screen.getByLabelText('Search your notes'))
    await waitFor(() => expect(titles()).toHaveLength(3))
    const tags = screen.getAllByRole('list', { name: 'Tags' })[0]!
    await user.click(within(tags).getByRole('link', { name: '#shoulder' }))
    await waitFor(() => expect(currentHash()).toBe('#/notes?tag=shoulder'))
    await waitFor(() =>
      expect(titles().sort()).toEqual([
        'Dry needling follow-up #shoulder',
        'Épaule: pincer grip #shoulder'
      ])
    )
    await expectAccessible()
  })

  it('attaches a stand-alone note to a point, and detaches it again', async () => {
    const library = await openTestLibrary(LIBRARY)
    const note = await library.call('notes:create', { target: null, body: 'Ask about pregnancy' })
    const { user } = await renderApp('#/notes', library)
    const card = await screen.findByRole('article', { name: 'Ask about pregnancy' })
    expect(within(card).getByText('Stand-alone note')).toBeInTheDocument()
    await user.click(within(card).getByRole('button', { name: /Attach to…/ }))
    const field = within(card).getByRole('combobox', { name: /Attach “Ask about pregnancy” to/ })
    expect(field).toHaveFocus()
    await user.type(field, 'LI4')
    const option = await within(card).findByRole('option', { name: /^LI4 .*\(Acupoint\)$/ })
    await expectAccessible()
    await user.click(option)
    await waitFor(() =>
      expect(within(card).getByRole('link', { name: /^LI4 / })).toBeInTheDocument()
    )
    expect(library.callsTo('notes:setTarget')).toEqual([
      { id: note.id, target: { kind: 'acupoint', id: 'LI4' } }
    ])
    await user.click(within(card).getByRole('button', { name: /^Detach/ }))
    await waitFor(() => expect(within(card).getByText('Stand-alone note')).toBeInTheDocument())
    expect((await library.call('notes:get', { id: note.id })).target).toBeNull()
  })
})
