import { join } from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { ConfirmProvider } from '../../src/renderer/src/components/confirm'
import { ToastProvider } from '../../src/renderer/src/components/toast'
import { HandoutScreen } from '../../src/renderer/src/features/handouts/handout-screen'
import { openTestLibrary } from './real-core'

describe("a handout's page after Save as PDF", () => {
  it('says where the PDF went, with "Open" in the notice', async () => {
    const library = await openTestLibrary({
      handouts: [
        { id: 'after-ims', lang: 'en', title: 'After your IMS treatment', reviewStatus: 'approved' }
      ]
    })
    library.install()
    const user = userEvent.setup()
    render(
      <ConfirmProvider>
        <ToastProvider>
          <HandoutScreen id="after-ims" lang="en" />
        </ToastProvider>
      </ConfirmProvider>
    )
    await user.click(await screen.findByRole('button', { name: 'Save as PDF' }))
    const path = join(library.savedDir, 'after-ims-en.pdf')
    const notice = await screen.findByText(`Saved as PDF: ${path}`)
    await user.click(within(notice.parentElement!).getByRole('button', { name: 'Open' }))
    await waitFor(() => expect(library.opened).toEqual([{ action: 'open', path }]))
  })
})
