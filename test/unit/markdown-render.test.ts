import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifyLink, findHostileMarkup, renderMarkdown } from '../../src/shared/markdown'

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/hostile/markdown/${name}`, import.meta.url), 'utf8')

describe('renderMarkdown: legitimate content survives', () => {
  const { html, diagrams } = renderMarkdown(fixture('benign-article.md'))

  it('keeps headings, emphasis, lists, block quotes and inline code', () => {
    expect(html).toContain('<h1>Upper trapezius</h1>')
    expect(html).toContain('<h2>Needling</h2>')
    expect(html).toContain('<strong>upper trapezius</strong>')
    expect(html).toMatch(/<ol>\s*<li>Patient prone or side-lying\.<\/li>/)
    expect(html).toContain('<li>Never straight down toward the chest.</li>')
    expect(html).toMatch(/<blockquote>\s*<p>Stop and call the clinic/)
    expect(html).toContain('<code>lidocaine</code>')
  })

  it('keeps GFM tables with their alignment, and task lists as disabled checkboxes', () => {
    expect(html).toContain('<th align="left">Point</th>')
    expect(html).toContain('<td align="right">10 mm</td>')
    expect(html).toContain('<input type="checkbox" checked disabled> Consent recorded')
    expect(html).toContain('<input type="checkbox" disabled> Follow-up booked')
  })

  it('keeps code blocks with their language class only', () => {
    expect(html).toContain('<pre><code class="language-ts">const depthMm = 10\n</code></pre>')
  })

  it('keeps <mark> highlights', () => {
    expect(html).toContain('<mark>never</mark>')
  })

  it('rewrites article links to app routes and marks external links', () => {
    expect(html).toContain(
      '<a href="#/articles/acupuncture-vs-ims" data-article-link="acupuncture-vs-ims">IMS compared</a>'
    )
    expect(html).toContain(
      '<a href="https://www.nice.org.uk/guidance/ng59" rel="noopener noreferrer" data-external="">NICE guidance</a>'
    )
    expect(html).toContain('<a href="#needling">the section below</a>')
    expect(html).toContain('<a href="mailto:clinic@example.org">')
  })

  it('keeps footnotes with matching ids and links', () => {
    const ref = /href="#(user-content-fn-gunn)"/.exec(html)?.[1]
    expect(ref).toBeDefined()
    expect(html).toContain(`id="${ref}"`)
    expect(html).toContain('data-footnote-backref')
  })

  it('replaces mermaid blocks with empty diagram placeholders and returns their sources', () => {
    expect(html).toContain('<figure class="diagram" data-diagram-index="0"></figure>')
    expect(html).not.toContain('flowchart')
    expect(diagrams).toEqual([
      {
        index: 0,
        source:
          'flowchart TD\n  A[Assess] --> B{Taut band?}\n  B -->|yes| C[Needle]\n  B -->|no| D[Re-examine]'
      }
    ])
  })

  it('has no class anywhere but on diagram figures and code', () => {
    for (const match of html.matchAll(/<(\w+)[^>]*\sclass="([^"]*)"/g)) {
      const [, tag, value] = match
      expect(
        (tag === 'figure' && value === 'diagram') ||
          (tag === 'code' && /^language-/.test(value ?? ''))
      ).toBe(true)
    }
  })

  it('has nothing hostile in it', () => {
    expect(findHostileMarkup(html)).toEqual([])
  })
})

describe('renderMarkdown: diagrams', () => {
  it('numbers several diagrams in order', () => {
    const { html, diagrams } = renderMarkdown(
      '```mermaid\nflowchart LR\n  A --> B\n```\n\ntext\n\n```mermaid\npie\n  "a": 1\n```\n'
    )
    expect(diagrams.map((diagram) => diagram.index)).toEqual([0, 1])
    expect(diagrams[1]?.source).toBe('pie\n  "a": 1')
    expect(html).toContain('data-diagram-index="1"')
  })

  it('returns no diagrams for plain text, and a fresh list every call', () => {
    expect(renderMarkdown('just text').diagrams).toEqual([])
    renderMarkdown('```mermaid\nA\n```')
    expect(renderMarkdown('no diagrams here').diagrams).toEqual([])
  })

  it('renders an empty document as empty', () => {
    expect(renderMarkdown('')).toEqual({ html: '', diagrams: [] })
  })
})

describe('renderMarkdown: raw HTML and marks', () => {
  it('drops raw HTML tags but keeps the text between them', () => {
    expect(renderMarkdown('a <b>bold</b> <span style="color:red">c</span>').html).toBe(
      '<p>a bold c</p>'
    )
  })

  it('keeps <mark> only as an exact pair, without attributes', () => {
    expect(renderMarkdown('<mark>a</mark> <mark class="x">b</mark> <mark>c').html).toBe(
      '<p><mark>a</mark> b c</p>'
    )
  })
})

describe('classifyLink', () => {
  it.each([
    ['#needling', { kind: 'fragment', href: '#needling' }],
    [
      'article:what-is-ims',
      { kind: 'article', href: '#/articles/what-is-ims', slug: 'what-is-ims' }
    ],
    ['https://doi.org/10.1/x', { kind: 'external', href: 'https://doi.org/10.1/x' }],
    ['http://example.org', { kind: 'external', href: 'http://example.org/' }],
    ['mailto:a@b.c', { kind: 'mailto', href: 'mailto:a@b.c' }],
    ['article:Bad_Slug', { kind: 'none' }],
    ['article:../x', { kind: 'none' }],
    ['https://user:pw@example.org', { kind: 'none' }],
    ['javascript:alert(1)', { kind: 'none' }],
    ['data:text/html,x', { kind: 'none' }],
    ['//evil.example', { kind: 'none' }],
    ['relative/path', { kind: 'none' }],
    ['app://pointbook/index.html', { kind: 'none' }]
  ])('%s', (href, expected) => {
    expect(classifyLink(href)).toEqual(expected)
  })
})
