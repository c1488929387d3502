import { render, screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ConfirmProvider } from '../../src/renderer/src/components/confirm'
import { ToastProvider } from '../../src/renderer/src/components/toast'
import { HandoutScreen } from '../../src/renderer/src/features/handouts/handout-screen'
import { openTestLibrary } from './real-core'

describe("a handout's page", () => {
  it('uses the words of the rest of the app: Built-in, Print, Save as PDF', async () => {
    const library = await openTestLibrary({
      handouts: [
        { id: 'after-ims', lang: 'en', title: 'After your IMS treatment', reviewStatus: 'approved' }
      ]
    })
    library.install()
    render(
      <ConfirmProvider>
        <ToastProvider>
          <HandoutScreen id="after-ims" lang="en" />
        </ToastProvider>
      </ConfirmProvider>
    )
    expect(await screen.findByText('Built-in')).toHaveClass('badge')
    expect(screen.getByRole('button', { name: 'Print' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Save as PDF' })).toBeInTheDocument()
    expect(screen.queryByText('Built in')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^(Print|Save as PDF)…$/ })).not.toBeInTheDocument()
  })
})
