import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { openTestLibrary } from './real-core'
import type { TestLibrary } from './real-core'
import { currentHash, expectAccessible, renderApp, SEEDS } from './render-app'

const field = (name: RegExp | string) => screen.getByRole('textbox', { name })

/** Another window saves the article while this one edits it. */
async function saveElsewhere(library: TestLibrary, id: string, body: string) {
  const { title, category, tags, summary, revision } = await library.article(id)
  await library.call('articles:update', {
    id,
    baseRevision: revision,
    title,
    category,
    tags,
    summary,
    body
  })
}

/** The handout editor on a short English handout; resolves with its Text box. */
async function openHandoutEditor() {
  const rendered = await renderApp('#/handouts/after-ims/en/edit', {
    handouts: [
      {
        id: 'after-ims',
        lang: 'en',
        title: 'After your IMS treatment',
        body: 'Rest today.',
        reviewStatus: 'approved'
      }
    ]
  })
  return { ...rendered, body: await screen.findByRole('textbox', { name: 'Text' }) }
}

describe('editor', () => {
  it('edits an article with a live preview and saves it with the revision it started from', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Edit: Neck pain: clinic notes' })
    ).toBeVisible()
    const body = field('Text (Markdown)')
    expect(body).toHaveValue('Start with two sessions a week.')
    await expectAccessible()

    await user.clear(body)
    await user.type(body, '## Plan{Enter}{Enter}Three sessions in week one.')
    const preview = screen.getByRole('region', { name: 'Preview' })
    expect(
      await within(preview).findByRole('heading', { level: 2, name: 'Plan' })
    ).toBeInTheDocument()
    expect(screen.getByText(/Unsaved changes/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Neck pain: clinic notes' })
    ).toBeVisible()
    expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes')
    expect(screen.getByText('Saved “Neck pain: clinic notes”.')).toBeInTheDocument()
    expect(library.callsTo('articles:update')).toEqual([
      expect.objectContaining({
        id: 'neck-pain-clinic-notes',
        baseRevision: 1,
        body: '## Plan\n\nThree sessions in week one.'
      })
    ])
    expect((await library.article('neck-pain-clinic-notes')).revision).toBe(2)
  })

  it('saves with Ctrl+S', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    const title = await screen.findByRole('textbox', { name: 'Title' })
    await user.type(title, ' (2025)')
    await user.keyboard('{Control>}s{/Control}')
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Neck pain: clinic notes (2025)' })
    ).toBeVisible()
    expect((await library.article('neck-pain-clinic-notes')).title).toBe(
      'Neck pain: clinic notes (2025)'
    )
  })

  it('shows the contract validation messages inline and does not save', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    const title = await screen.findByRole('textbox', { name: 'Title' })
    await user.clear(title)
    const tags = field('Tags')
    await user.clear(tags)
    await user.type(tags, 'neck, bad!tag')
    await user.click(screen.getByRole('button', { name: 'Save' }))

    expect(title).toHaveAttribute('aria-invalid', 'true')
    expect(title).toHaveAccessibleDescription('The title is required.')
    expect(tags).toHaveAccessibleDescription(
      /“bad!tag”: Tags use letters, digits, spaces and hyphens\./
    )
    const summary = screen.getByRole('alert', { name: '' })
    expect(summary).toHaveFocus()
    expect(summary).toHaveTextContent('2 fields need attention')
    expect(library.callsTo('articles:update')).toHaveLength(0)
    await expectAccessible()

    await user.click(within(summary).getByRole('link', { name: /Title: The title is required/ }))
    expect(title).toHaveFocus()
  })

  it('puts the core’s invalid-input messages on the right field', async () => {
    const library = await openTestLibrary({ articles: SEEDS })
    // The form checks with the core's own schema, so only a form out of step with the core
    // sends what the core refuses: here, a summary over the core's limit.
    library.alterNextInput('articles:create', (draft) => ({ ...draft, summary: 'x'.repeat(401) }))
    const { user } = await renderApp('#/articles/new', library)
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Cupping')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(
      await screen.findByText('The summary can be at most 400 characters.')
    ).toBeInTheDocument()
    expect(field('Summary')).toHaveAttribute('aria-invalid', 'true')
    expect(currentHash()).toBe('#/articles/new')
  })

  it('creates a new article', async () => {
    const { user, library } = await renderApp('#/articles/new')
    await user.type(await screen.findByRole('textbox', { name: 'Title' }), 'Cupping basics')
    await user.selectOptions(screen.getByRole('combobox', { name: 'Category' }), 'reference')
    await user.type(field('Tags'), 'cupping, basics')
    await user.type(field('Summary'), 'What cupping is.')
    await user.type(field('Text (Markdown)'), 'Cups create suction.')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Cupping basics' })).toBeVisible()
    expect(currentHash()).toBe('#/articles/cupping-basics')
    expect(await library.article('cupping-basics')).toMatchObject({
      category: 'reference',
      tags: ['cupping', 'basics'],
      summary: 'What cupping is.',
      body: 'Cups create suction.'
    })
  })

  it('asks before leaving with unsaved changes, in the app and on unload', async () => {
    const { user } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    const body = await screen.findByRole('textbox', { name: 'Text (Markdown)' })

    // Nothing changed yet: leaving is free.
    const clean = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(clean)
    expect(clean.defaultPrevented).toBe(false)

    await user.type(body, ' More.')
    const dirty = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(dirty)
    expect(dirty.defaultPrevented).toBe(true)

    await user.click(screen.getByRole('link', { name: 'Knowledge base' }))
    const dialog = screen.getByRole('alertdialog', { name: 'Leave without saving?' })
    expect(within(dialog).getByRole('button', { name: 'Keep editing' })).toHaveFocus()
    await expectAccessible()
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }))
    expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes/edit')
    expect(body).toHaveValue('Start with two sessions a week. More.')

    // Back button / typed address: guarded too.
    window.history.pushState(null, '', '#/articles')
    fireEvent(window, new PopStateEvent('popstate'))
    const again = await screen.findByRole('alertdialog', { name: 'Leave without saving?' })
    expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes/edit')
    await user.click(within(again).getByRole('button', { name: 'Discard changes' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible()
    expect(currentHash()).toBe('#/articles')
  })

  it('names the handout, not "this article", when leaving the handout editor', async () => {
    const { user, body } = await openHandoutEditor()
    await user.type(body, ' Drink water.')
    window.history.pushState(null, '', '#/handouts')
    fireEvent(window, new PopStateEvent('popstate'))
    const dialog = await screen.findByRole('alertdialog', { name: 'Leave without saving?' })
    expect(dialog).toHaveTextContent('Your changes to this handout have not been saved.')
    await user.click(within(dialog).getByRole('button', { name: 'Keep editing' }))
  })

  it('shows an unknown handout field by the Text label, above the long text box', async () => {
    const { user, body } = await openHandoutEditor()
    await user.click(body)
    await user.paste(' Fax us at {{clinic.fax}}')
    const problem = await screen.findByText(/^Unknown field \{\{clinic\.fax\}\} on line \d+\.$/)
    const label = screen.getByText('Text', { selector: 'label' })
    const after = (a: Node, b: Node) =>
      (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0
    expect(after(label, problem)).toBe(true)
    expect(after(problem, body)).toBe(true)
    expect(body).toHaveAttribute('aria-invalid', 'true')
  })

  it('keeps the user’s text on a conflict and can save over the other change', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    const body = await screen.findByRole('textbox', { name: 'Text (Markdown)' })
    await user.clear(body)
    await user.type(body, 'My version.')
    await saveElsewhere(library, 'neck-pain-clinic-notes', 'Their version.')

    await user.click(screen.getByRole('button', { name: 'Save' }))
    const alert = await screen.findByText(/This article was changed somewhere else/)
    expect(alert.closest('[role="alert"]')).toHaveTextContent('Your text is still here')
    expect(body).toHaveValue('My version.')
    expect(currentHash()).toBe('#/articles/neck-pain-clinic-notes/edit')
    await expectAccessible()

    await user.click(screen.getByRole('button', { name: 'Save my version over it' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Neck pain: clinic notes' })
    ).toBeVisible()
    expect(await library.article('neck-pain-clinic-notes')).toMatchObject({
      body: 'My version.',
      revision: 3
    })
  })

  it('can discard the user’s text on a conflict and load the latest', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    const body = await screen.findByRole('textbox', { name: 'Text (Markdown)' })
    await user.type(body, ' Mine.')
    await saveElsewhere(library, 'neck-pain-clinic-notes', 'Their version.')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await user.click(
      await screen.findByRole('button', { name: 'Discard mine and load the latest…' })
    )
    await user.click(
      within(screen.getByRole('alertdialog')).getByRole('button', { name: 'Discard mine' })
    )
    await waitFor(() => expect(body).toHaveValue('Their version.'))
    expect(screen.queryByText(/changed somewhere else/)).not.toBeInTheDocument()
    expect(screen.getByText(/No unsaved changes/)).toBeInTheDocument()
  })

  it('cancels back to the article without asking when nothing changed', async () => {
    const { user } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    await user.click(await screen.findByRole('button', { name: 'Cancel' }))
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Neck pain: clinic notes' })
    ).toBeVisible()
    expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument()
  })

  it('moves the article to the bin from the editor, with undo', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    await user.click(await screen.findByRole('button', { name: 'Move to bin' }))
    expect(
      await screen.findByText('“Neck pain: clinic notes” was moved to the bin.')
    ).toBeInTheDocument()
    expect(currentHash()).toBe('#/articles')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    await waitFor(async () =>
      expect((await library.article('neck-pain-clinic-notes')).deletedAt).toBeNull()
    )
  })

  it('explains that a read-only library cannot be edited', async () => {
    const library = await openTestLibrary({ articles: SEEDS, readOnly: true })
    await renderApp('#/articles/neck-pain-clinic-notes/edit', library)
    expect(await screen.findByText(/articles cannot be written or changed/)).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument()
  })

  it('shows a save failure without losing the text', async () => {
    const { user, library } = await renderApp('#/articles/neck-pain-clinic-notes/edit')
    const body = await screen.findByRole('textbox', { name: 'Text (Markdown)' })
    await user.type(body, ' Extra.')
    library.closeDatabase()
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(
      await screen.findByText(/Something went wrong\. Nothing was changed\./)
    ).toBeInTheDocument()
    expect(body).toHaveValue('Start with two sessions a week. Extra.')
  })
})
