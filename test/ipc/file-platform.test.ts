import { describe, expect, it, vi } from 'vitest'
import { filePlatform } from '../../src/main/file-platform'

const shell = vi.hoisted(() => ({
  openPath: vi.fn(async (_path: string) => ''),
  showItemInFolder: vi.fn((_path: string) => undefined)
}))
vi.mock('electron', () => ({ shell }))

describe('the shell port for saved PDFs', () => {
  it('opens with shell.openPath and reports its error text', async () => {
    const ports = filePlatform()
    expect(await ports.openPath?.('/clinic/after-ims-en.pdf')).toBe('')
    expect(shell.openPath).toHaveBeenCalledWith('/clinic/after-ims-en.pdf')
    shell.openPath.mockResolvedValueOnce('Failed to open path')
    expect(await ports.openPath?.('/clinic/gone.pdf')).toBe('Failed to open path')
  })

  it('shows the file with shell.showItemInFolder', () => {
    filePlatform().showInFolder?.('/clinic/after-ims-en.pdf')
    expect(shell.showItemInFolder).toHaveBeenCalledWith('/clinic/after-ims-en.pdf')
  })
})
