import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findHostileMarkup, renderMarkdown, sanitizeSvg } from '../../src/shared/markdown'

/** The hostile corpus (S9): every file in test/fixtures/hostile/{markdown,svg}. */
const corpus = (kind: 'markdown' | 'svg'): Array<[string, string]> => {
  const dir = new URL(`../fixtures/hostile/${kind}/`, import.meta.url)
  return readdirSync(dir)
    .sort()
    .map((name) => [name, readFileSync(new URL(name, dir), 'utf8')])
}

const hostileMarkdown = corpus('markdown').filter(([name]) => !name.startsWith('benign-'))
const hostileSvg = corpus('svg').filter(([name]) => !name.startsWith('benign-'))

describe('findHostileMarkup catches what it is meant to catch', () => {
  it.each([
    ['<script>alert(1)</script>', '<script'],
    ['<SCRIPT src=x></SCRIPT>', '<script'],
    ['<img src=x onerror="alert(1)">', 'onerror= (on <img>)'],
    ['<svg><g onclick="x"></g></svg>', 'onclick= (on <g>)'],
    ['<a href="javascript:alert(1)">x</a>', 'javascript: (in href on <a>)'],
    ['<a href="JaVa&#x09;ScRiPt&colon;alert(1)">x</a>', 'javascript: (in href on <a>)'],
    ['<a href=" data:text/html,x">x</a>', 'data: (in href on <a>)'],
    ['<iframe src="x"></iframe>', '<iframe'],
    ['<object data="x"></object>', '<object'],
    ['<embed src="x">', '<embed'],
    ['<svg><foreignObject></foreignObject></svg>', '<foreignobject'],
    ['<svg><use xlink:href="javascript:x"/></svg>', 'javascript: (in xLinkHref on <use>)'],
    ['<p style="background:url(javascript:x)">x</p>', 'javascript: (in style on <p>)'],
    ['<style>a{background:url(javascript:x)}</style>', 'javascript: (in <style>)'],
    ['<img src="data:image/svg+xml,<svg onload=x>">', 'data: (in src on <img>)'],
    ['<form action="data:text/html,x"></form>', 'data: (in action on <form>)']
  ])('%s', (html, finding) => {
    expect(findHostileMarkup(html)).toContain(finding)
  })

  it('accepts what a print document legitimately inlines: fonts and raster images', () => {
    expect(
      findHostileMarkup(
        '<style>@font-face{font-family:Noto;src:url(data:font/woff2;base64,AAAA) format("woff2")}</style>' +
          '<img alt="Clinic logo" src="data:image/png;base64,iVBORw0KGgo=">'
      )
    ).toEqual([])
  })

  it('does not flag text that only mentions those things', () => {
    expect(
      findHostileMarkup(
        '<p>Never click javascript: links; &lt;script&gt; tags are text here, onerror=1 too.</p>' +
          '<p title="metadata: none">x</p><svg><text>data: 3</text></svg>'
      )
    ).toEqual([])
  })
})

describe.each(hostileMarkdown)('hostile markdown %s', (_, markdown) => {
  const { html, diagrams } = renderMarkdown(markdown)

  it('renders to HTML with nothing hostile in it', () => {
    expect(findHostileMarkup(html)).toEqual([])
  })

  it('carries no raw HTML attributes, frames, forms or remote images', () => {
    expect(html).not.toMatch(
      /<(?:form|button|meta|base|link|style|iframe|frame|video|source|input\s+autofocus)\b/i
    )
    expect(html).not.toMatch(/\s(?:srcset|formaction|action|target|srcdoc)=/i)
    expect(html).not.toMatch(/src="(?:https?:|\/\/|data:)/i)
  })

  it('links only to pages, articles, e-mail or places on the page', () => {
    for (const [, href] of html.matchAll(/\shref="([^"]*)"/g)) {
      expect(href).toMatch(/^(?:#|https?:\/\/|mailto:)/)
    }
  })

  it('keeps diagram sources out of the HTML', () => {
    for (const diagram of diagrams) expect(html).not.toContain(diagram.source)
  })
})

describe('the hostile mermaid block', () => {
  const { html, diagrams } = renderMarkdown(
    corpus('markdown').find(([name]) => name === 'mermaid.md')?.[1] ?? ''
  )

  it('becomes placeholders only; click callbacks, init directives and labels stay data', () => {
    expect(html).not.toMatch(/click|securityLevel|callback|onerror|<img/)
    expect(html.match(/<figure class="diagram"/g)).toHaveLength(3)
    expect(diagrams[0]?.source).toContain('%%{init: {"securityLevel": "loose"')
    expect(diagrams[0]?.source).toContain('click A callback')
  })

  it('cannot break out of the code block into the page', () => {
    expect(html).not.toContain('<script')
    expect(html).not.toContain('</code></pre><')
  })
})

describe.each(hostileSvg)('hostile SVG %s', (_, svg) => {
  it('is hostile before sanitizing (so the fixture tests something)', () => {
    expect(findHostileMarkup(svg)).not.toEqual([])
  })

  it('has nothing hostile after sanitizing, and sanitizing again changes nothing', () => {
    const clean = sanitizeSvg(svg)
    expect(findHostileMarkup(clean)).toEqual([])
    expect(clean).not.toMatch(/<(?:a|image|animate|set|feImage|img|iframe)\b/i)
    // Namespace declarations are names, not URLs that load anything.
    const withoutNamespaces = clean.replace(/\sxmlns(?::\w+)?="[^"]*"/g, '')
    expect(withoutNamespaces).not.toMatch(
      /https?:|data:|javascript:|@import|expression\s*\(|behavior\s*:|-moz-binding/i
    )
    expect(sanitizeSvg(clean)).toBe(clean)
  })
})
