import mermaid from 'mermaid'
import { beforeAll, describe, expect, it } from 'vitest'
import { diagramThemeVariables } from '../../src/renderer/src/features/rendering/diagram-theme'
import {
  mermaidSiteConfig,
  secureKeys
} from '../../src/renderer/src/features/rendering/mermaid-config'
import { svgFromFrameMarkup } from '../../src/renderer/src/features/rendering/scriptless-frame'

/**
 * Issue 11: a diagram's own directive or front matter cannot set anything that reaches the
 * drawing's CSS. Checked on mermaid's real configuration machinery (the config a drawing uses
 * is the one mermaid computes while parsing); the drawn SVG is checked in a real browser by
 * test/e2e/diagram-defence.test.ts.
 */
const OUTSIDE = 'https://evil.example'
const PLAIN = 'flowchart LR\n  A --> B'
const HOSTILE_DIRECTIVE = [
  `%%{init: {"themeCSS": ".node rect { fill: url(${OUTSIDE}/a) }", "fontFamily": "x; background: url(${OUTSIDE}/b)", "altFontFamily": "url(${OUTSIDE}/c)", "darkMode": true, "theme": "dark", "look": "handDrawn", "htmlLabels": true, "themeVariables": {"primaryColor": "#ff0000", "fontFamily": "serif"}, "flowchart": {"htmlLabels": true}, "sequence": {"messageFontFamily": "url(${OUTSIDE}/d)"}}}%%`,
  PLAIN
].join('\n')
const HOSTILE_FRONT_MATTER = [
  '---',
  'config:',
  `  themeCSS: "svg { background: url(${OUTSIDE}/e) }"`,
  '  fontFamily: serif',
  '  darkMode: true',
  '  themeVariables:',
  '    primaryColor: "#ff0000"',
  '---',
  PLAIN
].join('\n')

/** The configuration mermaid draws `text` with (it applies the directives as it parses). */
async function configFor(text: string): Promise<Record<string, unknown>> {
  await mermaid.mermaidAPI.parse(text)
  return mermaid.mermaidAPI.getConfig() as Record<string, unknown>
}

beforeAll(() => {
  mermaid.initialize(mermaidSiteConfig(mermaid.mermaidAPI.defaultConfig, diagramThemeVariables()))
})

describe('mermaid directives cannot restyle a diagram (issue 11)', () => {
  it('the secure list has the theme keys and every font/colour key of mermaid, not layout keys', () => {
    const secure = secureKeys(mermaid.mermaidAPI.defaultConfig)
    for (const key of [
      ...(mermaid.mermaidAPI.defaultConfig.secure ?? []),
      'themeCSS',
      'themeVariables',
      'fontFamily',
      'altFontFamily',
      'darkMode',
      'theme',
      'htmlLabels',
      'messageFontFamily',
      'person_bg_color',
      'sectionFills',
      'nodeColors'
    ]) {
      expect(secure).toContain(key)
    }
    for (const layoutKey of ['curve', 'wrap', 'useMaxWidth', 'nodeSpacing', 'diagramPadding']) {
      expect(secure).not.toContain(layoutKey)
    }
  })

  it('an init directive with themeCSS, themeVariables, fontFamily… leaves the config as it was', async () => {
    const plain = await configFor(PLAIN)
    const hostile = await configFor(HOSTILE_DIRECTIVE)
    expect(hostile).toEqual(plain)
    expect(hostile.themeCSS).toBeUndefined()
    expect(JSON.stringify(hostile)).not.toContain(OUTSIDE)
    expect((hostile.themeVariables as Record<string, string>).primaryColor).toBe(
      diagramThemeVariables().primaryColor
    )
  })

  it('front-matter config cannot set them either', async () => {
    const plain = await configFor(PLAIN)
    const hostile = await configFor(HOSTILE_FRONT_MATTER)
    expect(hostile).toEqual(plain)
  })

  it('a directive still sets what does not reach CSS (the flowchart curve)', async () => {
    const curved = await configFor(`%%{init: {"flowchart": {"curve": "linear"}}}%%\n${PLAIN}`)
    expect((curved.flowchart as { curve: string }).curve).toBe('linear')
  })
})

describe('the drawing taken out of the frame mermaid wraps it in', () => {
  it('decodes the SVG (UTF-8 text intact)', () => {
    const svg = '<svg id="d1"><text>Nadelstich → Ärztin</text></svg>'
    const bytes = new TextEncoder().encode(`<body style="margin:0">${svg}</body>`)
    const encoded = btoa(String.fromCharCode(...bytes))
    const markup = `<iframe style="width:100%;" src="data:text/html;charset=UTF-8;base64,${encoded}" sandbox="">x</iframe>`
    expect(svgFromFrameMarkup(markup)).toBe(`<body style="margin:0">${svg}</body>`)
  })

  it('refuses anything else', () => {
    expect(() => svgFromFrameMarkup('<svg id="x"></svg>')).toThrow(/unexpected form/)
  })
})
