import { readFileSync } from 'node:fs'
import type { CDPSession } from 'playwright-core'
import { BRIDGE_EVENTS, isolatedWorld, mainWorld } from './bridge-worlds'
import type { IpcEnvelope } from './bridge-worlds'
import { toShellUrl } from './page-origin'

/** The isolated world the preload runs in, and its binding: neither exists in the page's world. */
const PRELOAD_WORLD = 'pointbook-preload'
const BINDING = '__pointbookAdapterIpc'
const REPLY_FUNCTION = '__pointbookAdapterIpcReply'

/** The sender of an IPC call as main sees it (`event.senderFrame`); null when the frame is gone. */
export interface IpcSender {
  readonly senderFrame: { readonly url: string } | null
}

export type InvokeMain = (sender: IpcSender, channel: string, args: unknown[]) => Promise<unknown>

/**
 * Runs the built preload file (webPreferences.preload) in an isolated world of every document the
 * page loads, before the page's own scripts, and carries its `ipcRenderer.invoke` calls to main
 * with the calling frame's URL. The preload bundle is a CommonJS file; it gets a `require` that
 * knows only 'electron' (bridge-worlds.ts).
 */
export async function installPreload(
  cdp: CDPSession,
  preloadPath: string,
  invokeMain: InvokeMain
): Promise<void> {
  const frameUrls = new Map<string, string>()
  const contextFrames = new Map<number, string>()
  cdp.on('Page.frameNavigated', ({ frame }) => frameUrls.set(frame.id, frame.url))
  cdp.on('Page.frameDetached', ({ frameId }) => frameUrls.delete(frameId))
  cdp.on('Runtime.executionContextCreated', ({ context: created }) => {
    const frameId = (created.auxData as { frameId?: string } | undefined)?.frameId
    if (frameId !== undefined) contextFrames.set(created.id, frameId)
  })
  cdp.on('Runtime.executionContextDestroyed', ({ executionContextId }) =>
    contextFrames.delete(executionContextId)
  )
  cdp.on('Runtime.bindingCalled', ({ name, payload, executionContextId }) => {
    if (name !== BINDING) return
    const frameUrl = frameUrls.get(contextFrames.get(executionContextId) ?? '')
    const sender: IpcSender = {
      senderFrame: frameUrl === undefined ? null : { url: toShellUrl(frameUrl) }
    }
    void answer(cdp, executionContextId, payload, sender, invokeMain)
  })
  await cdp.send('Runtime.enable')
  await cdp.send('Runtime.addBinding', { name: BINDING, executionContextName: PRELOAD_WORLD })
  const isolated = isolatedWorld.toString()
  const config = JSON.stringify({
    events: BRIDGE_EVENTS,
    binding: BINDING,
    replyFunction: REPLY_FUNCTION
  })
  const preload = readFileSync(preloadPath, 'utf8')
  // Functions sent as source lose their module: under tsx (the benches) esbuild's keepNames
  // wraps them in calls to its `__name` helper, so each script brings a stand-in of its own.
  const keepNames = 'const __name = (f) => f;'
  const source =
    `(() => { ${keepNames} const require = (${isolated})(${config}); if (require === null) return;\n` +
    `const module = { exports: {} }; (function (require, module, exports) {\n${preload}\n})` +
    `(require, module, module.exports) })()`
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', { source, worldName: PRELOAD_WORLD })
  await cdp.send('Page.addScriptToEvaluateOnNewDocument', {
    source: `(() => { ${keepNames} (${mainWorld.toString()})(${JSON.stringify(BRIDGE_EVENTS)}) })()`
  })
}

/** Runs the call in main and hands the result (or the error's message) back to the world. */
async function answer(
  cdp: CDPSession,
  contextId: number,
  payload: string,
  sender: IpcSender,
  invokeMain: InvokeMain
): Promise<void> {
  const call = JSON.parse(payload) as { id: number; channel: string; args: unknown[] }
  let envelope: IpcEnvelope
  try {
    envelope = { value: await invokeMain(sender, call.channel, call.args) }
  } catch (error) {
    envelope = { error: error instanceof Error ? error.message : String(error) }
  }
  const expression = `globalThis.${REPLY_FUNCTION}(${call.id}, ${JSON.stringify(JSON.stringify(envelope))})`
  // The document may be gone by now (a reload or navigation): its world went with it.
  await cdp.send('Runtime.evaluate', { expression, contextId }).catch(() => undefined)
}
