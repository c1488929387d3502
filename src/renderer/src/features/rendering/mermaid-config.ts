/**
 * Mermaid's site configuration: what the app sets through `mermaid.initialize`, and which keys a
 * diagram's own `%%{init: …}%%` directive or front-matter `config:` may not change (mermaid's
 * `secure` list). Every key that reaches the drawing's CSS or style attributes is the app's: a
 * directive's `themeCSS` or `fontFamily` is copied into the SVG's <style> as written (mermaid
 * only checks its braces), so a diagram could otherwise name an outside URL in its own style.
 * Our SVG sanitizer strips such URLs and the CSP blocks them; this list keeps them out of the
 * drawing in the first place.
 */

/** Keys mermaid itself keeps from directives (its defaultConfig.secure in 11.x). */
const MERMAID_SECURE = [
  'secure',
  'securityLevel',
  'startOnLoad',
  'maxTextSize',
  'suppressErrorRendering',
  'maxEdges'
]

/**
 * The theme and label keys, named even where mermaid's defaultConfig has no default for them
 * (altFontFamily), so a mermaid upgrade that drops a default does not open them to directives.
 * htmlLabels: labels stay SVG text, never HTML in a <foreignObject>.
 */
const APP_OWNED = [
  'theme',
  'themeCSS',
  'themeVariables',
  'fontFamily',
  'altFontFamily',
  'fontSize',
  'fontWeight',
  'darkMode',
  'look',
  'handDrawnSeed',
  'htmlLabels',
  'ticketBaseUrl'
]

/**
 * A config key whose value ends up in CSS or a style: fonts, colours, fills, strokes, styles
 * (sequence `messageFontFamily`, C4 `person_bg_color`, journey `sectionFills`, sankey
 * `nodeColors`…). Mermaid's `sanitize` drops a secure key at any depth of a directive.
 */
const STYLE_KEY = /css|font|colou?r|fill|stroke|style|theme|dark|background/i

/** Every key of mermaid's default config, at any depth (its themeVariables are secured whole). */
function configKeys(config: object): string[] {
  const keys: string[] = []
  for (const [key, value] of Object.entries(config)) {
    keys.push(key)
    if (key === 'themeVariables') continue
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      keys.push(...configKeys(value as object))
    }
  }
  return keys
}

/** The secure list for `mermaidDefaults` (mermaid.mermaidAPI.defaultConfig). */
export function secureKeys(mermaidDefaults: { secure?: readonly string[] }): string[] {
  const styled = configKeys(mermaidDefaults).filter((key) => STYLE_KEY.test(key))
  return [
    ...new Set([...MERMAID_SECURE, ...(mermaidDefaults.secure ?? []), ...APP_OWNED, ...styled])
  ]
}

/** What `mermaid.initialize` gets: strict security, SVG labels, the app's theme. */
export function mermaidSiteConfig(
  mermaidDefaults: { secure?: readonly string[] },
  themeVariables: Record<string, string>
) {
  return {
    startOnLoad: false,
    // The drawing happens in a script-less frame (mermaid-renderer.ts); mermaid's own
    // DOMPurify pass over the result is skipped in this mode, ours (sanitizeSvg) always runs.
    securityLevel: 'sandbox' as const,
    flowchart: { htmlLabels: false },
    htmlLabels: false,
    // 'base' is the one theme mermaid lets us recolour: the app's teal and greys (diagram-theme.ts).
    theme: 'base' as const,
    themeVariables,
    suppressErrorRendering: true,
    secure: secureKeys(mermaidDefaults)
  }
}
