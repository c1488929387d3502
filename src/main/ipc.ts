import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import type { ApiResult, Channel } from '../shared/api'
import { dispatch } from './core'
import type { Handlers } from './core'
import { isTrustedUrl } from './origins'
import type { TrustedOrigins } from './origins'

const FORBIDDEN: ApiResult<never> = {
  ok: false,
  error: { code: 'forbidden', message: 'This window may not use the Pointbook API.' }
}

/**
 * Whether an IPC call comes from the app's own page (S6). The frame's URL is checked, not the
 * window: a frame that navigated elsewhere, or one that is already gone (senderFrame null), is
 * refused.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: TrustedOrigins): boolean {
  const frame = event.senderFrame
  return frame !== null && frame !== undefined && isTrustedUrl(frame.url, trusted)
}

/**
 * One `ipcMain.handle` per contract channel: check the sender, then hand the raw input to
 * `dispatch`, which validates it with zod and calls the core. Returns a function that removes
 * the handlers again. The channels are the handler map's keys (one per contract channel, which
 * the compiler and test/db/core-modules.test.ts hold): reading the contract itself would build
 * every zod schema before the first window (docs/architecture.md §6).
 */
export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  trusted: TrustedOrigins
): () => void {
  const channels = Object.keys(handlers) as Channel[]
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (isTrustedSender(event, trusted)) return dispatch(handlers, channel, input)
      console.warn(
        `Pointbook: refused ${channel} from ${event.senderFrame?.url ?? 'a closed frame'}`
      )
      return FORBIDDEN
    })
  }
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel)
  }
}
