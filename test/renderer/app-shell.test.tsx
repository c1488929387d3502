import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SECTIONS } from '../../src/renderer/src/app/sections'
import { openTestLibrary } from './real-core'
import {
  currentHash,
  expectAccessible,
  main,
  renderApp,
  renderAppWithoutBridge,
  SEEDS
} from './render-app'

describe('app shell', () => {
  it('renders the landmarks, the skip link and the sections from the registry', async () => {
    await renderApp()
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
    await renderApp('')
    await screen.findByRole('heading', { level: 1, name: 'Knowledge base' })
    expect(currentHash()).toBe('#/articles')
  })

  it('shows a read-only banner and turns editing off when app:info says so', async () => {
    const library = await openTestLibrary({ articles: SEEDS, readOnly: true })
    await renderApp('#/articles', library)
    const banner = await screen.findByText(/changes cannot be saved/)
    expect(banner).toHaveTextContent(`The folder ${library.dataDir} cannot be written to`)
    expect(await screen.findByRole('button', { name: 'New article' })).toBeDisabled()
    await expectAccessible()
  })

  it('says what is wrong when the bridge to the core is missing', async () => {
    renderAppWithoutBridge('#/articles')
    const alerts = await screen.findAllByRole('alert')
    expect(alerts.map((a) => a.textContent).join(' ')).toMatch(/cannot reach its library/)
    expect(screen.getAllByRole('button', { name: 'Try again' }).length).toBeGreaterThan(0)
  })

  it('shows a not-found page for an unknown address', async () => {
    await renderApp('#/nowhere')
    expect(await screen.findByRole('heading', { name: 'This page does not exist' })).toBeVisible()
    await expectAccessible()
  })

  it('has a sections menu button for narrow windows that Escape closes', async () => {
    const { user } = await renderApp()
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
    const { user } = await renderApp()
    await screen.findByRole('link', { name: 'What is IMS?' })
    await user.click(screen.getByRole('link', { name: 'Skip to content' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Knowledge base' })).toHaveFocus()
    expect(currentHash()).toBe('#/articles')
  })
})
