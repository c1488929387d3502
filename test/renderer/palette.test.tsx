import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { currentHash, expectAccessible, renderApp, SEEDS } from './render-app'

describe('command palette', () => {
  it('opens on Ctrl+K as a modal combobox dialog with focus in the field', async () => {
    const { user } = await renderApp()
    await screen.findByRole('link', { name: 'What is IMS?' })
    const opener = screen.getByRole('link', { name: 'What is IMS?' })
    opener.focus()
    await user.keyboard('{Control>}k{/Control}')
    const dialog = await screen.findByRole('dialog', { name: 'Command palette' })
    expect(dialog).toHaveAttribute('aria-modal', 'true')
    const input = within(dialog).getByRole('combobox', { name: 'Type a command or search' })
    expect(input).toHaveFocus()
    const listbox = within(dialog).getByRole('listbox')
    expect(input).toHaveAttribute('aria-controls', listbox.id)
    const options = within(listbox).getAllByRole('option')
    expect(options.map((o) => o.textContent)).toEqual(
      expect.arrayContaining([
        'New article',
        'Go to Knowledge base',
        'Open the bin (deleted articles)'
      ])
    )
    expect(input).toHaveAttribute('aria-activedescendant', options[0]!.id)
    expect(document.getElementById('root')).toHaveAttribute('inert')
    await expectAccessible()

    // Focus is trapped: Tab and Shift+Tab stay in the dialog.
    await user.tab()
    expect(input).toHaveFocus()
    await user.tab({ shift: true })
    expect(input).toHaveFocus()

    // Escape closes and gives focus back.
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(opener).toHaveFocus()
    expect(document.getElementById('root')).not.toHaveAttribute('inert')
  })

  it('moves with the arrows and runs the active command on Enter', async () => {
    const { user } = await renderApp()
    await screen.findByRole('link', { name: 'What is IMS?' })
    await user.keyboard('{Meta>}k{/Meta}')
    const input = await screen.findByRole('combobox', { name: 'Type a command or search' })
    await user.keyboard('{ArrowDown}')
    const options = screen.getAllByRole('option')
    expect(input).toHaveAttribute('aria-activedescendant', options[1]!.id)
    expect(options[1]).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(input).toHaveAttribute('aria-activedescendant', options[options.length - 1]!.id)

    await user.type(input, 'new')
    expect(screen.getAllByRole('option')[0]).toHaveTextContent('New article')
    await user.keyboard('{Enter}')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
    expect(currentHash()).toBe('#/articles/new')
    expect(await screen.findByRole('heading', { level: 1, name: 'New article' })).toBeVisible()
  })

  it('lists search hits and opens one', async () => {
    const { user } = await renderApp()
    await user.keyboard('{Control>}k{/Control}')
    await user.type(
      await screen.findByRole('combobox', { name: 'Type a command or search' }),
      'acupuncture'
    )
    const hit = await screen.findByRole('option', { name: 'What is acupuncture?' })
    expect(hit.querySelector('mark')).toHaveTextContent(/acupuncture/i)
    expect(
      within(screen.getByRole('listbox')).getByRole('group', { name: 'Articles' })
    ).toBeInTheDocument()
    await user.click(hit)
    expect(currentHash()).toBe('#/articles/what-is-acupuncture')
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })

  it('offers article commands in context and a full search', async () => {
    const { user } = await renderApp('#/articles/what-is-ims')
    await screen.findByRole('heading', { level: 1, name: 'What is IMS?' })
    await user.keyboard('{Control>}k{/Control}')
    expect(await screen.findByRole('option', { name: 'Edit this article' })).toBeInTheDocument()
    await user.type(screen.getByRole('combobox'), 'history')
    await user.keyboard('{Enter}')
    expect(currentHash()).toBe('#/articles/what-is-ims/history')

    await user.keyboard('{Control>}k{/Control}')
    await user.type(await screen.findByRole('combobox'), 'neck pain')
    await user.click(await screen.findByRole('option', { name: /Search for “neck pain”/ }))
    expect(currentHash()).toBe('#/search?q=neck+pain')
  })

  it('shows commands that need a writable library as unavailable when read-only', async () => {
    const { user } = await renderApp('#/articles', { articles: SEEDS, readOnly: true })
    await screen.findByText(/changes cannot be saved/)
    await user.keyboard('{Control>}k{/Control}')
    const option = await screen.findByRole('option', { name: /New article/ })
    expect(option).toHaveAttribute('aria-disabled', 'true')
    expect(option).toHaveTextContent(
      'Editing is off here: the library is read-only, or this computer is in front-desk mode.'
    )
    await user.keyboard('{Enter}')
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(currentHash()).toBe('#/articles')
  })

  it('also opens from the top bar button', async () => {
    const { user } = await renderApp()
    await user.click(screen.getByRole('button', { name: /Commands/ }))
    expect(await screen.findByRole('dialog', { name: 'Command palette' })).toBeInTheDocument()
  })
})
