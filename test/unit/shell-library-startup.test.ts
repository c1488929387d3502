import { describe, expect, it, vi } from 'vitest'
import { openLibraryWithRecovery } from '../../src/main/library-startup'
import type { LibraryStartup, StartupPrompt } from '../../src/main/library-startup'
import { ApiError } from '../../src/shared/api'

const LIBRARY = { name: 'library' }
const NEW_LIBRARY = { name: 'a new, empty library' }

/** A start-up whose dialog answers with the given button indexes, in order. */
function startup(
  open: () => typeof LIBRARY,
  answers: number[] = [],
  restore: LibraryStartup<typeof LIBRARY>['restoreLatestBackup'] = vi.fn(),
  hasGoodBackup = true
) {
  const prompts: StartupPrompt[] = []
  const ask = vi.fn((prompt: StartupPrompt) => {
    prompts.push(prompt)
    return Promise.resolve(answers.shift() ?? prompt.cancelId)
  })
  const restoreLatestBackup = vi.fn(restore)
  return {
    prompts,
    restoreLatestBackup,
    options: {
      dataDir: '/data',
      open: vi.fn(open),
      openNew: vi.fn(() => NEW_LIBRARY),
      hasGoodBackup: () => hasGoodBackup,
      restoreLatestBackup,
      ask
    }
  }
}

const failWith =
  (code: 'newer_database' | 'corrupt_database' | 'io_error', message: string) => () => {
    throw new ApiError(code, message)
  }

describe('openLibraryWithRecovery', () => {
  it('opens without asking anything when all is well', async () => {
    const s = startup(() => LIBRARY)
    expect(await openLibraryWithRecovery(s.options)).toBe(LIBRARY)
    expect(s.prompts).toEqual([])
  })

  it('refuses a newer database with the core’s message and offers no restore (D7)', async () => {
    const s = startup(failWith('newer_database', 'Made by Pointbook 3.0 (schema 9).'))
    expect(await openLibraryWithRecovery(s.options)).toBeNull()
    expect(s.prompts).toHaveLength(1)
    expect(s.prompts[0]).toMatchObject({ type: 'error', buttons: ['Quit'] })
    expect(s.prompts[0]?.message).toContain('newer version')
    expect(s.prompts[0]?.detail).toContain('Made by Pointbook 3.0 (schema 9).')
    expect(s.prompts[0]?.detail).toContain('/data')
    expect(s.restoreLatestBackup).not.toHaveBeenCalled()
  })

  it('offers the latest backup for a damaged database; quitting restores nothing (D5)', async () => {
    const s = startup(failWith('corrupt_database', 'quick_check failed.'), [2])
    expect(await openLibraryWithRecovery(s.options)).toBeNull()
    expect(s.prompts[0]?.buttons).toEqual([
      'Restore latest backup',
      'Start a new, empty library…',
      'Quit'
    ])
    expect(s.prompts[0]?.detail).toContain('kept aside, not deleted')
    expect(s.restoreLatestBackup).not.toHaveBeenCalled()
    expect(s.options.openNew).not.toHaveBeenCalled()
  })

  it('starts a new library only after a second, explicit confirmation', async () => {
    const declined = startup(failWith('corrupt_database', 'The file is empty.'), [1, 1])
    expect(await openLibraryWithRecovery(declined.options)).toBeNull()
    expect(declined.prompts[1]?.message).toBe('Start a new, empty library?')
    expect(declined.prompts[1]?.defaultId).toBe(1)
    expect(declined.options.openNew).not.toHaveBeenCalled()

    const confirmed = startup(failWith('corrupt_database', 'The file is empty.'), [1, 0])
    expect(await openLibraryWithRecovery(confirmed.options)).toBe(NEW_LIBRARY)
    expect(confirmed.options.openNew).toHaveBeenCalledOnce()
    expect(confirmed.prompts[1]?.detail).toContain('every backup are kept')
  })

  it('offers no restore when there is no good backup', async () => {
    const s = startup(failWith('corrupt_database', 'Damaged.'), [1], vi.fn(), false)
    expect(await openLibraryWithRecovery(s.options)).toBeNull()
    expect(s.prompts[0]?.buttons).toEqual(['Start a new, empty library…', 'Quit'])
    expect(s.options.openNew).not.toHaveBeenCalled()
  })

  it('restores, says what was restored, and opens the library again', async () => {
    let attempts = 0
    const s = startup(
      () => {
        attempts += 1
        if (attempts === 1) throw new ApiError('corrupt_database', 'quick_check failed.')
        return LIBRARY
      },
      [0, 0],
      () => 'Restored the backup made 2025-01-01.'
    )
    expect(await openLibraryWithRecovery(s.options)).toBe(LIBRARY)
    expect(s.restoreLatestBackup).toHaveBeenCalledOnce()
    expect(s.prompts.map((prompt) => prompt.type)).toEqual(['error', 'warning'])
    expect(s.prompts[1]?.detail).toContain('Restored the backup made 2025-01-01.')
  })

  it('reports a failed restore and quits', async () => {
    const s = startup(failWith('corrupt_database', 'quick_check failed.'), [0], () => {
      throw new ApiError('not_found', 'There is no backup of this library that passes its check.')
    })
    expect(await openLibraryWithRecovery(s.options)).toBeNull()
    expect(s.prompts[1]?.detail).toContain('There is no backup')
    expect(s.options.open).toHaveBeenCalledOnce()
  })

  it('does not loop when the restored library fails too', async () => {
    const s = startup(failWith('corrupt_database', 'still damaged'), [0])
    expect(await openLibraryWithRecovery(s.options)).toBeNull()
    expect(s.options.open).toHaveBeenCalledTimes(2)
    expect(s.prompts.at(-1)?.message).toContain('restored library')
  })

  it('shows an unexpected error’s message, never its stack', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const s = startup(() => {
      throw new TypeError('Cannot read properties of undefined')
    })
    expect(await openLibraryWithRecovery(s.options)).toBeNull()
    expect(s.prompts[0]?.detail).toContain('Cannot read properties of undefined')
    expect(s.prompts[0]?.detail).not.toContain('    at ')
    error.mockRestore()
  })
})
