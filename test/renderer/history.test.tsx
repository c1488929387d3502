import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { openTestLibrary } from './real-core'
import { currentHash, expectAccessible, renderApp, SEEDS } from './render-app'

function libraryWithHistory(options: { readOnly?: boolean } = {}) {
  return openTestLibrary({
    ...options,
    articles: [
      ...SEEDS,
      {
        id: 'dry-needling',
        title: 'Dry needling',
        category: 'dry-needling',
        isBuiltin: true,
        body: '## First text\n\nThe original built-in text.',
        edits: [{ body: 'Second text.' }, { title: 'Dry needling (ours)', body: 'Third text.' }]
      }
    ]
  })
}

describe('revision history', () => {
  it('lists every revision with its number, time and source, newest first', async () => {
    await renderApp('#/articles/dry-needling/history', await libraryWithHistory())
    expect(
      await screen.findByRole('heading', { level: 1, name: 'History of “Dry needling (ours)”' })
    ).toBeVisible()
    const nav = screen.getByRole('navigation', { name: 'Versions' })
    const items = within(nav).getAllByRole('link')
    expect(items.map((i) => i.textContent)).toEqual([
      expect.stringMatching(/^Version 3EditedCurrent/),
      expect.stringMatching(/^Version 2Edited/),
      expect.stringMatching(/^Version 1Built-in/)
    ])
    expect(items[0]).toHaveAttribute('aria-current', 'true')
    expect(await screen.findByText('This is the current version')).toBeInTheDocument()
    expect(await screen.findByText('Third text.')).toBeInTheDocument()
    await expectAccessible()
  })

  it('shows an old revision rendered, and restores it as a new revision after confirming', async () => {
    const { user, library } = await renderApp(
      '#/articles/dry-needling/history',
      await libraryWithHistory()
    )
    await user.click(await screen.findByRole('link', { name: /^Version 1/ }))
    expect(currentHash()).toBe('#/articles/dry-needling/history?revision=1')
    const view = await screen.findByRole('region', { name: 'Text of version 1' })
    expect(
      await within(view).findByRole('heading', { level: 2, name: 'First text' })
    ).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Restore this version…' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Restore version 1?' })
    await expectAccessible()
    await user.click(within(dialog).getByRole('button', { name: 'Restore this version' }))

    expect(await screen.findByText('Version 1 restored as version 4.')).toBeInTheDocument()
    expect(currentHash()).toBe('#/articles/dry-needling')
    expect(await screen.findByText('The original built-in text.')).toBeInTheDocument()
    const [latest] = await library.call('articles:revisions', { id: 'dry-needling' })
    expect(latest).toMatchObject({ revision: 4, source: 'restore' })
  })

  it('does nothing when the restore is cancelled', async () => {
    const { user, library } = await renderApp(
      '#/articles/dry-needling/history?revision=2',
      await libraryWithHistory()
    )
    await user.click(await screen.findByRole('button', { name: 'Restore this version…' }))
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Cancel' })
    )
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Restore this version…' })).toHaveFocus()
    expect((await library.article('dry-needling')).revision).toBe(3)
  })

  it('shows an error with retry when the history cannot be loaded', async () => {
    const library = await libraryWithHistory()
    library.closeDatabase()
    const { user } = await renderApp('#/articles/dry-needling/history', library)
    expect(await screen.findByText('The history could not be loaded.')).toBeInTheDocument()
    await expectAccessible()
    library.reopen()
    await user.click(screen.getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('navigation', { name: 'Versions' })).toBeInTheDocument()
  })

  it('cannot restore in a read-only library', async () => {
    await renderApp(
      '#/articles/dry-needling/history?revision=1',
      await libraryWithHistory({ readOnly: true })
    )
    expect(await screen.findByRole('button', { name: 'Restore this version…' })).toBeDisabled()
  })
})
