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
  it('offers no comparison when there is only one version', async () => {
    const library = await openTestLibrary({
      articles: [
        ...SEEDS,
        {
          id: 'untouched',
          title: 'Untouched',
          category: 'ims',
          isBuiltin: true,
          body: 'Only text.'
        }
      ]
    })
    await renderApp('#/articles/untouched/history', library)
    expect(await screen.findByText('This is the current version')).toBeInTheDocument()
    expect(await screen.findByText('Only text.')).toBeInTheDocument()
    expect(screen.queryByLabelText('Compare with')).toBeNull()
  })

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
    // An old version opens as what restoring it would change; its own text is one choice away.
    expect(
      await screen.findByRole('heading', {
        name: 'What restoring version 1 would change in the current text (version 3)'
      })
    ).toBeInTheDocument()
    await user.selectOptions(
      screen.getByLabelText('Compare with'),
      'Nothing: show this version’s text'
    )
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

  it('compares two versions word by word, and a version with the current text before restoring', async () => {
    const { user } = await renderApp(
      '#/articles/dry-needling/history?revision=2',
      await openTestLibrary({
        articles: [
          {
            id: 'dry-needling',
            title: 'Dry needling',
            category: 'dry-needling',
            isBuiltin: true,
            body: 'Needle the taut band gently.\n\nStop if pain is sharp.',
            edits: [
              { body: 'Needle the taut band slowly.\n\nStop if pain is sharp.' },
              {
                title: 'Dry needling (ours)',
                body: 'Needle the taut band slowly.\n\nStop at once.'
              }
            ]
          }
        ]
      })
    )
    // Version 2 against the current text: restoring would take back "at once." and the title.
    const heading = await screen.findByRole('heading', {
      name: 'What restoring version 2 would change in the current text (version 3)'
    })
    const comparison = heading.closest('section') as HTMLElement
    const marked = within(comparison).getByRole('region', { name: heading.textContent ?? '' })
    const removed = [...marked.querySelectorAll('del')].map((d) => d.textContent)
    const added = [...marked.querySelectorAll('ins')].map((d) => d.textContent)
    expect(removed).toEqual(['[removed:  (ours)]', '[removed: at once]'])
    expect(added).toEqual(['[added: if pain is sharp]'])
    expect(within(comparison).getByText(/words? added, \d+ words? removed\./)).toHaveTextContent(
      '4 words added, 3 words removed.'
    )
    // The legend says what the marks mean in words, not only by colour.
    expect(within(comparison).getByText(/: removed\./)).toHaveTextContent(
      'Struck through: removed. Underlined: added.'
    )
    // The Restore button is right there with the comparison.
    expect(screen.getByRole('button', { name: 'Restore this version…' })).toBeEnabled()
    await expectAccessible()

    // Two saved versions: from the older to the newer, whichever is chosen first.
    await user.selectOptions(screen.getByLabelText('Compare with'), 'Version 1')
    const between = await screen.findByRole('heading', {
      name: 'Changes from version 1 to version 2'
    })
    const section = within(between.closest('section') as HTMLElement).getByRole('region')
    expect([...section.querySelectorAll('del')].map((d) => d.textContent)).toEqual([
      '[removed: gently]'
    ])
    expect([...section.querySelectorAll('ins')].map((d) => d.textContent)).toEqual([
      '[added: slowly]'
    ])
  })
})
