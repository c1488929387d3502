/**
 * Where mermaid draws (issue 11, defence in depth). Mermaid lays a diagram out in real DOM nodes
 * (it measures text), and a hostile diagram's nodes could carry handlers or outside URLs while
 * they exist. With `securityLevel: 'sandbox'` mermaid draws inside an <iframe id="i<id>"> it adds
 * to the page, but it sets that frame's `sandbox` attribute only after adding it, and a frame's
 * sandbox flags apply from its next navigation: the drawing document would still run script.
 * So the frame is given `sandbox="allow-same-origin"` as mermaid creates it: same origin, so
 * mermaid (running in the page) can reach into it and measure; no `allow-scripts`, so no handler
 * or script in it can ever run. The CSP (inherited by the frame) is the second wall.
 */

/** The only sandbox token the drawing frame gets: no scripts, no forms, no popups. */
const FRAME_SANDBOX = 'allow-same-origin'

/**
 * Calls `render` (mermaid's `mermaidAPI.render(id, …)` in sandbox mode), making the <iframe> it
 * creates before its first `await` a script-less one. Refuses the drawing if mermaid made no
 * such frame (an upgrade that draws elsewhere must not pass silently). Returns the SVG mermaid
 * drew, taken out of the `data:` frame mermaid wraps it in.
 */
export async function drawInScriptlessFrame(
  id: string,
  render: () => Promise<{ svg: string }>
): Promise<string> {
  const frames: HTMLIFrameElement[] = []
  const create = document.createElement.bind(document)
  // Only for the synchronous start of render(), where mermaid creates its frame.
  document.createElement = ((tagName: string, options?: ElementCreationOptions) => {
    const element = create(tagName, options)
    if (element instanceof HTMLIFrameElement) {
      element.setAttribute('sandbox', FRAME_SANDBOX)
      frames.push(element)
    }
    return element
  }) as typeof document.createElement
  let drawing: Promise<{ svg: string }>
  try {
    drawing = render()
  } finally {
    delete (document as { createElement?: unknown }).createElement
  }
  try {
    const frame = frames.find((f) => f.id === `i${id}`)
    if (frame === undefined || !frame.isConnected) {
      await drawing.catch(() => undefined)
      throw new Error('the diagram drawer did not use its protected frame.')
    }
    return svgFromFrameMarkup((await drawing).svg)
  } finally {
    // Mermaid removes its frame when it is done; make sure none is left after a failure.
    for (const frame of frames) frame.remove()
  }
}

const FRAME_SOURCE = /\ssrc="data:text\/html;charset=UTF-8;base64,([A-Za-z0-9+/=]+)"/

/**
 * Sandbox mode returns `<iframe src="data:text/html;base64,…">` holding `<body …><svg …></body>`;
 * the SVG is the markup inside (the sanitizer keeps only the first top-level <svg>).
 */
export function svgFromFrameMarkup(markup: string): string {
  const encoded = FRAME_SOURCE.exec(markup)?.[1]
  if (encoded === undefined) throw new Error('the drawing came back in an unexpected form.')
  const bytes = Uint8Array.from(atob(encoded), (c) => c.charCodeAt(0))
  return new TextDecoder().decode(bytes)
}
