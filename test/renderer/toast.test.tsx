import { act, render, screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ToastProvider, useToast } from '../../src/renderer/src/components/toast'
import { navigate } from '../../src/renderer/src/lib/router'

/** Buttons that raise notices the way screens do: alone, and just before moving on. */
function Raiser() {
  const toast = useToast()
  return (
    <>
      <button type="button" onClick={() => toast({ message: 'First notice.' })}>
        First
      </button>
      <button type="button" onClick={() => toast({ message: 'Second notice.', tone: 'error' })}>
        Second
      </button>
      <button
        type="button"
        onClick={() => {
          toast({ message: 'Saved “Neck pain”.' })
          void navigate('#/articles/neck-pain')
        }}
      >
        Save and go
      </button>
    </>
  )
}

function renderRaiser() {
  const user = userEvent.setup()
  render(
    <ToastProvider>
      <Raiser />
    </ToastProvider>
  )
  return { user, notices: () => screen.getByRole('status') }
}

describe('notices', () => {
  it('shows one at a time: a new notice replaces the last instead of stacking', async () => {
    const { user, notices } = renderRaiser()
    await user.click(screen.getByRole('button', { name: 'First' }))
    expect(notices()).toHaveTextContent('First notice.')
    await user.click(screen.getByRole('button', { name: 'Second' }))
    expect(notices()).toHaveTextContent('Second notice.')
    expect(notices()).not.toHaveTextContent('First notice.')
    expect(within(notices()).getAllByRole('button', { name: 'Dismiss' })).toHaveLength(1)
  })

  it('is dismissed when the user changes screens', async () => {
    const { user, notices } = renderRaiser()
    await user.click(screen.getByRole('button', { name: 'First' }))
    expect(notices()).toHaveTextContent('First notice.')
    // The user clicks (a link, the sidebar…), and the screen changes.
    await user.click(document.body)
    await act(() => navigate('#/handouts/front-desk'))
    expect(notices()).toBeEmptyDOMElement()
  })

  it('follows the screen change its own action makes, then goes with the next one', async () => {
    const { user, notices } = renderRaiser()
    await user.click(screen.getByRole('button', { name: 'Save and go' }))
    expect(window.location.hash).toBe('#/articles/neck-pain')
    expect(notices()).toHaveTextContent('Saved “Neck pain”.')
    await user.keyboard('{Tab}')
    await act(() => navigate('#/articles'))
    expect(notices()).toBeEmptyDOMElement()
  })
})
