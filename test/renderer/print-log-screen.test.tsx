import { render, screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { ConfirmProvider } from '../../src/renderer/src/components/confirm'
import { ToastProvider } from '../../src/renderer/src/components/toast'
import { PrintLogScreen } from '../../src/renderer/src/features/handouts/print-log-screen'
import { openTestLibrary } from './real-core'
import { expectAccessible } from './render-app'

async function libraryWithOnePrint() {
  const library = await openTestLibrary({
    handouts: [
      { id: 'after-ims', lang: 'en', title: 'After your IMS treatment', reviewStatus: 'approved' }
    ]
  })
  await library.call('handouts:savePdf', {
    items: [{ id: 'after-ims', lang: 'en' }],
    paper: 'letter',
    largePrint: false,
    copies: 1
  })
  return library.install()
}

/** The print log screen with its one print; resolves to that print's row. */
async function openPrintLog(): Promise<HTMLElement> {
  await libraryWithOnePrint()
  render(
    <ConfirmProvider>
      <ToastProvider>
        <PrintLogScreen />
      </ToastProvider>
    </ConfirmProvider>
  )
  return screen.findByTestId('print-log-row')
}

describe('print log rows', () => {
  it('date a print with the long date (month in words), never "12/4/2026"', async () => {
    const row = await openPrintLog()
    const when = within(row).getAllByRole('cell')[0]!
    const time = when.querySelector('time')
    expect(time).not.toBeNull()
    const printedAt = new Date(time!.dateTime)
    expect(Number.isNaN(printedAt.getTime())).toBe(false)
    const month = new Intl.DateTimeFormat(undefined, { month: 'long' }).format(printedAt)
    expect(when).toHaveTextContent(month)
    expect(when).toHaveTextContent(String(printedAt.getFullYear()))
    expect(when.textContent).not.toMatch(/\d{1,2}\/\d{1,2}\/\d{2,4}/)
  })

  it('keep the buttons in a box inside their cell, so the cell stays a table cell', async () => {
    const row = await openPrintLog()
    const again = within(row).getByRole('button', { name: 'Print again' })
    const box = again.parentElement!
    expect(box.tagName).toBe('DIV')
    expect(box.parentElement!.tagName).toBe('TD')
    expect(within(box).getByRole('button', { name: 'Save again as PDF' })).toBeInTheDocument()
    await expectAccessible()
  })

  it('name the pack a print was made from', async () => {
    const library = await openTestLibrary({
      handouts: ['first-ims-visit', 'after-ims', 'acupuncture-vs-ims'].map((id) => ({
        id,
        lang: 'en',
        title: `Title of ${id}`,
        reviewStatus: 'approved' as const
      }))
    })
    const print = (ids: string[]) =>
      library.call('handouts:savePdf', {
        items: ids.map((id) => ({ id, lang: 'en' })),
        paper: 'letter',
        largePrint: false,
        copies: 1
      })
    await print(['after-ims'])
    await print(['first-ims-visit', 'after-ims', 'acupuncture-vs-ims'])
    library.install()
    render(
      <ConfirmProvider>
        <ToastProvider>
          <PrintLogScreen />
        </ToastProvider>
      </ConfirmProvider>
    )
    const [pack, single] = await screen.findAllByTestId('print-log-row')
    expect(within(pack!).getAllByRole('cell')[1]).toHaveTextContent(/^Pack: IMS first visit/)
    expect(within(single!).queryByText(/Pack:/)).not.toBeInTheDocument()
  })
})
