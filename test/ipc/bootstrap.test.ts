import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ApiError, CHANNELS } from '../../src/shared/api'

const fake = await vi.hoisted(async () => (await import('./fake-electron')).createFakeElectron())
vi.mock('electron', () => fake.module)

/** The core is tested elsewhere with real SQLite; here only its wiring matters. */
const core = vi.hoisted(() => ({
  openLibrary: vi.fn(),
  resolveDataDir: vi.fn(() => '/fake/data'),
  restoreLatestBackup: vi.fn(),
  findLatestGoodBackup: vi.fn(() => ({ backup: { fileName: 'b.sqlite' }, content: null }))
}))
// The rest of the core's surface (dispatch, the print CSP) stays real.
vi.mock('../../src/main/core', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  ...core
}))

const { bootstrap } = await import('../../src/main/bootstrap')

const fakeLibrary = (startScreen: 'library' | 'front-desk' = 'library') => ({
  handlers: Object.fromEntries(CHANNELS.map((channel) => [channel, vi.fn()])),
  startHash: vi.fn(() => (startScreen === 'front-desk' ? '#/front-desk' : '')),
  verifyIntegrity: vi.fn((): 'verified' | 'damaged' => 'verified'),
  info: vi.fn(),
  close: vi.fn()
})

/** Lets the whenReady().then(…) chain run to the end. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

beforeEach(() => {
  vi.clearAllMocks()
  fake.ipcHandlers.clear()
  fake.createdWindows.length = 0
  fake.module.app.listeners.clear()
  fake.module.app.requestSingleInstanceLock.mockReturnValue(true)
  delete process.env['ELECTRON_RENDERER_URL']
})

describe('bootstrap', () => {
  it('quits at once when another instance holds the lock', () => {
    fake.module.app.requestSingleInstanceLock.mockReturnValue(false)
    bootstrap()
    expect(fake.module.app.quit).toHaveBeenCalled()
    expect(fake.module.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled()
  })

  it('registers the scheme and hardening before ready, then opens the library, IPC and the window', async () => {
    const library = fakeLibrary()
    core.openLibrary.mockReturnValue(library)
    bootstrap()
    expect(fake.module.app.enableSandbox).toHaveBeenCalled()
    // Read aloud's voices on Linux (speech-dispatcher); elsewhere no switch is needed.
    if (process.platform === 'linux') {
      expect(fake.module.app.commandLine.appendSwitch).toHaveBeenCalledWith(
        'enable-speech-dispatcher'
      )
    }
    expect(fake.module.protocol.registerSchemesAsPrivileged).toHaveBeenCalled()
    expect(fake.module.app.listenerCount('web-contents-created')).toBe(1)
    expect(fake.module.app.listenerCount('session-created')).toBe(1)
    await settle()

    expect(core.resolveDataDir).toHaveBeenCalledWith(
      expect.objectContaining({ defaultDir: '/fake/userData' })
    )
    expect(core.openLibrary).toHaveBeenCalledWith(
      expect.objectContaining({
        dataDir: '/fake/data',
        resourcesDir: '/fake/app/resources',
        appVersion: '0.1.0',
        // The print window, the save dialog and the OS locale, given at open.
        platform: expect.objectContaining({
          pdf: expect.anything() as unknown,
          printer: expect.anything() as unknown,
          chooseSavePath: expect.any(Function) as unknown,
          locale: 'en-CA'
        }) as unknown
      })
    )
    expect(fake.module.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
    expect(fake.defaultSession.beforeRequest).not.toBeNull()
    expect([...fake.ipcHandlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(fake.createdWindows).toHaveLength(1)
    expect(fake.createdWindows[0]?.loadURL).toHaveBeenCalledWith('app://pointbook/index.html')

    fake.module.app.emit('will-quit')
    expect(library.close).toHaveBeenCalledOnce()
  })

  it('checks the library after the first screen and restarts into recovery when it is damaged', async () => {
    const library = fakeLibrary()
    library.verifyIntegrity.mockReturnValue('damaged')
    core.openLibrary.mockReturnValue(library)
    fake.module.dialog.showMessageBox.mockResolvedValue({ response: 0 })
    bootstrap()
    await settle()
    expect(core.openLibrary).toHaveBeenCalledWith(
      expect.not.objectContaining({ integrityCheck: 'at-start' })
    )
    expect(library.verifyIntegrity).not.toHaveBeenCalled()
    fake.createdWindows[0]?.webContents.emit('did-finish-load')
    await settle()
    expect(library.verifyIntegrity).toHaveBeenCalledOnce()
    expect(fake.module.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'The Pointbook library is damaged.' })
    )
    expect(library.close).toHaveBeenCalledOnce()
    expect(fake.module.app.relaunch).toHaveBeenCalledWith({
      args: expect.arrayContaining(['--check-library']) as unknown
    })
    expect(fake.module.app.exit).toHaveBeenCalledWith(0)
  })

  it('after that restart, checks the whole library before it opens', async () => {
    core.openLibrary.mockReturnValue(fakeLibrary())
    process.argv.push('--check-library')
    try {
      bootstrap()
      await settle()
    } finally {
      process.argv.pop()
    }
    expect(core.openLibrary).toHaveBeenCalledWith(
      expect.objectContaining({ integrityCheck: 'at-start' })
    )
  })

  it('loads the dev server when electron-vite dev sets ELECTRON_RENDERER_URL', async () => {
    process.env['ELECTRON_RENDERER_URL'] = 'http://localhost:5173'
    core.openLibrary.mockReturnValue(fakeLibrary())
    bootstrap()
    await settle()
    expect(fake.createdWindows[0]?.loadURL).toHaveBeenCalledWith('http://localhost:5173')
  })

  it('opens on the front desk when the clinic chose it in Settings', async () => {
    core.openLibrary.mockReturnValue(fakeLibrary('front-desk'))
    bootstrap()
    await settle()
    expect(fake.createdWindows[0]?.loadURL).toHaveBeenCalledWith(
      'app://pointbook/index.html#/front-desk'
    )
  })

  it('explains a newer database in a dialog and quits without opening a window', async () => {
    core.openLibrary.mockImplementation(() => {
      throw new ApiError('newer_database', 'This library needs Pointbook 2.0 or later.')
    })
    fake.module.dialog.showMessageBox.mockResolvedValue({ response: 0 })
    bootstrap()
    await settle()
    expect(fake.module.dialog.showMessageBox).toHaveBeenCalledWith(
      expect.objectContaining({
        detail: expect.stringContaining('This library needs Pointbook 2.0 or later.') as unknown
      })
    )
    expect(core.restoreLatestBackup).not.toHaveBeenCalled()
    expect(fake.createdWindows).toHaveLength(0)
    expect(fake.ipcHandlers.size).toBe(0)
    expect(fake.module.app.quit).toHaveBeenCalled()
  })

  it('offers the latest backup for a damaged database and opens the restored library', async () => {
    const library = fakeLibrary()
    core.openLibrary
      .mockImplementationOnce(() => {
        throw new ApiError('corrupt_database', 'The library file is damaged.')
      })
      .mockReturnValue(library)
    core.restoreLatestBackup.mockReturnValue({
      restoredFrom: { createdAt: '2025-01-01T00:00:00.000Z' },
      content: null,
      damagedFileKeptAt: '/fake/data/pointbook.sqlite.damaged-1'
    })
    fake.module.dialog.showMessageBox.mockResolvedValue({ response: 0 })
    bootstrap()
    await settle()
    expect(core.restoreLatestBackup).toHaveBeenCalledWith('/fake/data', expect.anything())
    expect(core.openLibrary).toHaveBeenCalledTimes(2)
    expect(fake.createdWindows).toHaveLength(1)
  })
})
