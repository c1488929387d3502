import { render, screen, waitFor } from '@testing-library/react'
import { describe, expect, it, vi } from 'vitest'
import { PreviewPanel } from '../../src/renderer/src/features/handouts/preview-panel'
import { openTestLibrary } from './real-core'

vi.mock('../../src/renderer/src/features/handouts/pdfjs', () => ({
  openPdf: vi.fn(async () => ({
    numPages: 1,
    destroy: vi.fn(async () => undefined),
    getPage: vi.fn(async () => ({
      getViewport: ({ scale }: { scale: number }) => ({ width: 612 * scale, height: 792 * scale }),
      render: () => ({ promise: Promise.resolve(), cancel: () => undefined })
    }))
  }))
}))

const LABEL = 'Live preview of the printed pages'
const draft = (body: string) => ({
  id: 'after-ims',
  lang: 'en',
  title: 'After your IMS treatment',
  summary: '',
  body
})
const panel = (body: string, extra: { keep?: boolean } = {}) => (
  <PreviewPanel
    items={[{ id: 'after-ims', lang: 'en' }]}
    paper="letter"
    largePrint={false}
    draft={extra.keep === false ? undefined : draft(body)}
    label={LABEL}
  />
)

async function library() {
  const lib = await openTestLibrary({
    handouts: [
      { id: 'after-ims', lang: 'en', title: 'After your IMS treatment', reviewStatus: 'approved' }
    ]
  })
  return lib.install()
}

describe('the handout editor preview', () => {
  it('keeps the last pages up, marked busy, while the next ones are made', async () => {
    const lib = await library()
    const { rerender } = render(panel('Rest today.'))
    const pages = await screen.findByRole('group', { name: `${LABEL}: 1 page` })
    expect(screen.getByRole('region', { name: LABEL })).not.toHaveAttribute('aria-busy')

    const release = lib.hold('handouts:preview')
    rerender(panel('Rest today. Drink water.'))
    // The new preview is asked for (after the typing pause) and held in the core.
    await waitFor(() => expect(lib.callsTo('handouts:preview')).toHaveLength(2))
    expect(screen.queryByText('Preparing the pages…')).not.toBeInTheDocument()
    expect(screen.getByRole('group', { name: `${LABEL}: 1 page` })).toBe(pages)
    expect(screen.getByRole('region', { name: LABEL })).toHaveAttribute('aria-busy', 'true')

    release()
    await waitFor(() =>
      expect(screen.getByRole('region', { name: LABEL })).not.toHaveAttribute('aria-busy')
    )
    expect(screen.getByRole('group', { name: `${LABEL}: 1 page` })).not.toHaveAttribute('aria-busy')
  })

  it('outside the editor, shows no stale pages while another preview is made', async () => {
    const lib = await library()
    const { rerender } = render(panel('', { keep: false }))
    await screen.findByRole('group', { name: `${LABEL}: 1 page` })
    const release = lib.hold('handouts:preview')
    rerender(
      <PreviewPanel
        items={[{ id: 'after-ims', lang: 'en' }]}
        paper="a4"
        largePrint={false}
        label={LABEL}
      />
    )
    expect(await screen.findByText('Preparing the pages…')).toBeInTheDocument()
    expect(screen.queryByRole('group', { name: `${LABEL}: 1 page` })).not.toBeInTheDocument()
    release()
    await screen.findByRole('group', { name: `${LABEL}: 1 page` })
  })
})
