import type { IpcSender } from './preload-world'

type Handler = (event: IpcSender, ...args: unknown[]) => unknown

/** `ipcMain.handle` / `removeHandler`, and the invoke side the preload's calls arrive at. */
export class AdapterIpcMain {
  private readonly handlers = new Map<string, Handler>()

  handle(channel: string, handler: Handler): void {
    if (this.handlers.has(channel)) {
      throw new Error(`Attempted to register a second handler for '${channel}'`)
    }
    this.handlers.set(channel, handler)
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel)
  }

  /** As Electron: no handler is an error the renderer's invoke rejects with. */
  async invoke(sender: IpcSender, channel: string, args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel)
    if (handler === undefined) throw new Error(`No handler registered for '${channel}'`)
    return handler(sender, ...args)
  }
}
