import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SECTIONS } from '../../src/renderer/src/app/sections'
import { FakeLibrary } from './fake-api'
import { currentHash, expectAccessible, main, renderApp, SEEDS } from './render-app'

describe('app shell', () => {
  it('renders the landmarks, the skip link and the sections from the registry', async () => {
    renderApp()
    expect(screen.getByRole('banner')).toBeInTheDocument()
    expect(screen.getByRole('search')).toBeInTheDocument()
    const nav = screen.getByRole('navigation', { name: 'Sections' })
    expect(
      within(nav)
        .getAllByRole('link')
        .map((l) => l.textContent)
    ).toEqual(SECTIONS.map((section) => section.label))
    const link = within(nav).getByRole('link', { name: 'Knowledge base' })
    expect(link).toHaveAttribute('aria-current', 'page')
    expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument()
    expect(main()).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible()
    await screen.findByRole('link', { name: 'What is IMS?' })
    await expectAccessible()
  })

  it('starts at the knowledge base when the address has no route', async () => {
    renderApp('')
    await screen.findByRole('heading', { level: 1, name: 'Knowledge base' })
    expect(currentHash()).toBe('#/articles')
  })

  it('shows a read-only banner and turns editing off when app:info says so', async () => {
    const library = new FakeLibrary(SEEDS)
    library.info = {
      ...library.info,
      readOnly: true,
      readOnlyReason: 'the data folder cannot be written'
    }
    renderApp('#/articles', library)
    const banner = await screen.findByText(/changes cannot be saved/)
    expect(banner).toHaveTextContent('the data folder cannot be written')
    expect(await screen.findByRole('button', { name: 'New article' })).toBeDisabled()
    await expectAccessible()
  })

  it('says what is wrong when the bridge to the core is missing', async () => {
    renderApp('#/articles', new FakeLibrary(), { bridge: false })
    const alerts = await screen.findAllByRole('alert')
    expect(alerts.map((a) => a.textContent).join(' ')).toMatch(/cannot reach its library/)
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThan(0)
  })

  it('shows a not-found page for an unknown address', async () => {
    renderApp('#/nowhere')
    expect(await screen.findByRole('heading', { name: 'This page does not exist' })).toBeVisible()
    await expectAccessible()
  })

  it('has a sections menu button for narrow windows that Escape closes', async () => {
    const { user } = renderApp()
    const toggle = screen.getByRole('button', { name: 'Sections' })
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveAttribute('aria-controls', 'sidebar')
    await user.click(toggle)
    expect(toggle).toHaveAttribute('aria-expanded', 'true')
    expect(screen.getByRole('navigation', { name: 'Sections' })).toHaveClass('sidebar--open')
    await user.keyboard('{Escape}')
    expect(toggle).toHaveAttribute('aria-expanded', 'false')
    expect(toggle).toHaveFocus()
  })

  it('moves focus to the skip target', async () => {
    const { user } = renderApp()
    await screen.findByRole('link', { name: 'What is IMS?' })
    await user.click(screen.getByRole('link', { name: 'Skip to content' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Knowledge base' })).toHaveFocus()
    expect(currentHash()).toBe('#/articles')
  })
})
