import { randomBytes } from 'node:crypto'
import { existsSync } from 'node:fs'
import { ApiError } from '../../../shared/api/errors'
import type { Platform } from '../platform'

/** How many saved PDFs of this session can still be opened ("Open", "Show in folder"). */
const REMEMBERED = 50

export type SavedFileAction = 'open' | 'showInFolder'

/**
 * The PDFs the core saved in this session, each under a random token. The page asks to open a
 * saved file by its token, never by a path: a page taken over by an attacker can open or reveal
 * only what the core itself just wrote, not any file on the computer.
 */
export class SavedFiles {
  private readonly paths = new Map<string, string>()

  constructor(private readonly ports: Pick<Platform, 'openPath' | 'showInFolder'>) {}

  /** Remembers a path the core wrote; returns its token (32 hex digits). */
  remember(path: string): string {
    const id = randomBytes(16).toString('hex')
    this.paths.set(id, path)
    if (this.paths.size > REMEMBERED) this.paths.delete(this.paths.keys().next().value as string)
    return id
  }

  async open(id: string, action: SavedFileAction): Promise<{ done: true }> {
    const path = this.paths.get(id)
    if (path === undefined) {
      throw new ApiError('not_found', 'That PDF was not saved by Pointbook in this session.')
    }
    if (!existsSync(path)) {
      throw new ApiError('not_found', 'The PDF is not there any more: it was moved or deleted.')
    }
    if (action === 'showInFolder') {
      if (this.ports.showInFolder === undefined) throw unavailable()
      this.ports.showInFolder(path)
      return { done: true }
    }
    if (this.ports.openPath === undefined) throw unavailable()
    const problem = await this.ports.openPath(path)
    if (problem !== '') {
      throw new ApiError('io_error', `The PDF could not be opened: ${problem.slice(0, 200)}`)
    }
    return { done: true }
  }
}

const unavailable = () => new ApiError('io_error', 'Opening files is not available here.')
