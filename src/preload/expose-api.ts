import type { ContextBridge, IpcRenderer } from 'electron'
import { BRIDGE_GLOBAL, buildBridge } from '../shared/api'

/**
 * Puts the contract's named functions (`pointbook.articles.get(…)`) in the page and nothing else
 * (S6): not ipcRenderer, not send/on for arbitrary channels, not process or env. Each function can
 * only invoke its own channel; main validates the input and checks the sender.
 */
export function exposeApi(
  contextBridge: Pick<ContextBridge, 'exposeInMainWorld'>,
  ipcRenderer: Pick<IpcRenderer, 'invoke'>
): void {
  contextBridge.exposeInMainWorld(
    BRIDGE_GLOBAL,
    buildBridge((channel, input) => ipcRenderer.invoke(channel, input))
  )
}
