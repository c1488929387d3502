import { EventEmitter } from 'node:events'
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface AppHost {
  /** The repository: app.getAppPath() of an unpackaged app. */
  readonly root: string
  readonly dataDir: string
  readonly locale: string
  /** The process ends (app.quit / app.exit): close its windows; relaunch when asked. */
  readonly ended: (how: { code: number; relaunch: boolean }) => void
}

/**
 * Electron's `app` for one run of the main process: ready as soon as the shell asks, unpackaged,
 * with the lock always granted (one app per data folder in a test). quit() runs 'before-quit' and
 * 'will-quit' (the shell closes the library there) before the process ends; relaunch() asks for
 * a new run of the built main process once this one has ended.
 */
export class AdapterApp extends EventEmitter {
  readonly isPackaged = false
  readonly commandLine = {
    switches: [] as string[],
    appendSwitch: (name: string) => void this.commandLine.switches.push(name)
  }
  sandboxed = false
  private relaunchAsked = false
  private ended = false
  private readonly ready = Promise.resolve()

  constructor(private readonly host: AppHost) {
    super()
  }

  whenReady(): Promise<void> {
    return this.ready
  }

  isReady(): boolean {
    return true
  }

  enableSandbox(): void {
    this.sandboxed = true
  }

  requestSingleInstanceLock(): boolean {
    return true
  }

  getAppPath(): string {
    return this.host.root
  }

  getVersion(): string {
    return (
      JSON.parse(readFileSync(join(this.host.root, 'package.json'), 'utf8')) as { version: string }
    ).version
  }

  getLocale(): string {
    return this.host.locale
  }

  getPath(name: string): string {
    if (name === 'userData') return this.host.dataDir
    if (name === 'documents') return join(this.host.dataDir, 'saved')
    if (name === 'temp') return tmpdir()
    throw new Error(`The e2e adapter has no app.getPath('${name}')`)
  }

  relaunch(): void {
    this.relaunchAsked = true
  }

  quit(): void {
    if (this.ended) return
    let prevented = false
    this.emit('before-quit', { preventDefault: () => (prevented = true) })
    if (prevented) return
    this.end(0)
  }

  /** As Electron: ends at once, without 'before-quit' or 'will-quit'. */
  exit(code = 0): void {
    if (!this.ended) this.end(code, false)
  }

  private end(code: number, willQuit = true): void {
    this.ended = true
    if (willQuit) this.emit('will-quit', { preventDefault: () => undefined })
    this.emit('quit', {}, code)
    this.host.ended({ code, relaunch: this.relaunchAsked })
  }
}
