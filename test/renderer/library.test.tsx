import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { openTestLibrary } from './real-core'
import { currentHash, expectAccessible, main, renderApp, SEEDS } from './render-app'

describe('library', () => {
  it('shows a skeleton marked busy while the list loads', async () => {
    const library = await openTestLibrary({ articles: SEEDS })
    const release = library.hold('articles:list')
    await renderApp('#/articles', library)
    const busy = within(main()).getByRole('status')
    expect(busy).toHaveAttribute('aria-busy', 'true')
    expect(busy).toHaveTextContent('Loading articles')
    release()
    await screen.findByRole('link', { name: 'What is IMS?' })
  })

  it('groups articles by category with built-in, edited and clinic badges', async () => {
    await renderApp()
    const ims = await screen.findByRole('region', { name: /^IMS/ })
    const card = within(ims)
      .getByRole('link', { name: 'What is IMS?' })
      .closest('li') as HTMLElement
    expect(within(card).getByText('Built-in')).toBeInTheDocument()
    const acu = screen.getByRole('region', { name: /^Acupuncture/ })
    expect(within(acu).getByText('Edited')).toBeInTheDocument()
    const care = screen.getByRole('region', { name: /^Course of care/ })
    expect(within(care).getByText('Clinic')).toBeInTheDocument()
    // Deleted articles are only in the bin.
    expect(screen.queryByText('Old handout draft')).not.toBeInTheDocument()
    await expectAccessible()
  })

  it('filters by category, tag and text, keeping category and tag in the address', async () => {
    const { user } = await renderApp()
    await screen.findByRole('link', { name: 'What is IMS?' })
    await user.click(screen.getByRole('link', { name: /^IMS 1/ }))
    expect(currentHash()).toBe('#/articles?category=ims')
    expect(screen.queryByRole('link', { name: 'What is acupuncture?' })).not.toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'What is IMS?' })).toBeInTheDocument()

    await user.click(screen.getByRole('link', { name: 'All categories' }))
    await user.selectOptions(screen.getByRole('combobox', { name: 'Tag' }), 'basics')
    expect(currentHash()).toBe('#/articles?tag=basics')
    expect(screen.queryByRole('link', { name: 'Neck pain: clinic notes' })).not.toBeInTheDocument()

    await user.type(screen.getByRole('textbox', { name: 'Filter this list' }), 'zzz')
    expect(screen.getByText('No articles match these filters')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Clear filters' }))
    expect(currentHash()).toBe('#/articles')
    expect(screen.getByRole('link', { name: 'Neck pain: clinic notes' })).toBeInTheDocument()
  })

  it('shows "No articles yet" with an action when the library is empty', async () => {
    const { user } = await renderApp('#/articles', {})
    expect(await screen.findByText('No articles yet')).toBeInTheDocument()
    await user.click(screen.getByRole('link', { name: 'Write the first article' }))
    expect(currentHash()).toBe('#/articles/new')
    expect(await screen.findByRole('heading', { level: 1, name: 'New article' })).toBeVisible()
  })

  it('shows an error with a retry that works', async () => {
    const library = await openTestLibrary({ articles: SEEDS })
    library.closeDatabase()
    const { user } = await renderApp('#/articles', library)
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The articles could not be loaded.')
    expect(alert).toHaveTextContent('Something went wrong. Nothing was changed.')
    await expectAccessible()
    library.reopen()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('link', { name: 'What is IMS?' })).toBeInTheDocument()
  })

  it('lists deleted articles in the bin and restores them', async () => {
    const { user, library } = await renderApp('#/articles?view=bin')
    const bin = await screen.findByRole('list', { name: 'Deleted articles' })
    expect(within(bin).getByText('Old handout draft')).toBeInTheDocument()
    await expectAccessible()
    await user.click(within(bin).getByRole('button', { name: 'Restore “Old handout draft”' }))
    expect(await screen.findByText('Restored “Old handout draft”.')).toBeInTheDocument()
    await waitFor(() => expect(screen.getByText('The bin is empty')).toBeInTheDocument())
    expect((await library.article('old-handout-draft')).deletedAt).toBeNull()
  })
})
