import { vi } from 'vitest'

/**
 * pdf.js as the handout previews use it (src/renderer/src/features/handouts/pdfjs.ts), for tests
 * that do not look at the drawn pages: jsdom has no canvas. One A4 page.
 * Use: `vi.mock('…/features/handouts/pdfjs', () => import('./pdfjs-stub'))`.
 */
export const openPdf = vi.fn(async () => ({
  numPages: 1,
  destroy: vi.fn(async () => undefined),
  getPage: vi.fn(async () => ({
    getViewport: ({ scale }: { scale: number }) => ({ width: 595 * scale, height: 842 * scale }),
    render: () => ({ promise: Promise.resolve(), cancel: () => undefined })
  }))
}))
