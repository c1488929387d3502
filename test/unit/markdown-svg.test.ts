import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { findHostileMarkup, sanitizeSvg } from '../../src/shared/markdown'
import { isSafeAttributeValue, sanitizeCss } from '../../src/shared/markdown/sanitize-css'

const flowchart = readFileSync(
  new URL('../fixtures/hostile/svg/benign-mermaid-flowchart.svg', import.meta.url),
  'utf8'
)

describe('sanitizeSvg keeps a mermaid flowchart rendered with htmlLabels: false', () => {
  const clean = sanitizeSvg(flowchart)

  it('keeps the root svg with its viewBox, id, class, role and inline size', () => {
    expect(clean).toMatch(/^<svg id="mermaid-1718" width="100%"/)
    expect(clean).toContain('viewBox="0 0 234.5 278"')
    expect(clean).toContain('class="flowchart"')
    expect(clean).toContain('aria-roledescription="flowchart-v2"')
    expect(clean).toContain('style="max-width: 234.5px;"')
  })

  it('keeps every label as SVG text', () => {
    for (const label of ['Assess', 'Taut band?', 'yes']) {
      expect(clean).toContain(`font-weight="normal">${label}</tspan>`)
    }
    expect(clean).toContain('<title>Needle</title>')
    expect(clean).toContain('<desc>Needle the taut band</desc>')
  })

  it('keeps shapes, markers, gradients and clip paths with their references', () => {
    for (const tag of ['g', 'path', 'rect', 'circle', 'ellipse', 'line', 'polyline', 'polygon']) {
      expect(clean).toContain(`<${tag} `)
    }
    expect(clean).toContain('<marker id="mermaid-1718_flowchart-v2-pointEnd"')
    expect(clean).toContain('refX="5"')
    expect(clean).toContain('marker-end="url(#mermaid-1718_flowchart-v2-pointEnd)"')
    expect(clean).toContain('marker-end="url(&#x27;#mermaid-1718_flowchart-v2-pointEnd&#x27;)"')
    expect(clean).toContain('fill="url(#mermaid-1718-gradient)"')
    expect(clean).toContain('clip-path="url(#mermaid-1718-clip)"')
    expect(clean).toContain('<stop offset="1" stop-color="#D6D6FF" stop-opacity="0.9">')
    expect(clean).toContain('<use href="#mermaid-1718_flowchart-v2-circleEnd"')
  })

  it('keeps the diagram stylesheet and data attributes', () => {
    expect(clean).toContain('<style>#mermaid-1718{font-family:"trebuchet ms"')
    expect(clean).toContain('#mermaid-1718 .node rect,#mermaid-1718 .node polygon{fill:#ECECFF;')
    expect(clean).toContain('data-points="W3sieCI6MTE3LjI1')
    expect(clean).toContain('data-look="classic"')
  })

  it('is clean, and stable when sanitized again', () => {
    expect(findHostileMarkup(clean)).toEqual([])
    expect(sanitizeSvg(clean)).toBe(clean)
  })
})

describe('sanitizeSvg strips hostile parts', () => {
  const strip = (svg: string) => sanitizeSvg(`<svg xmlns="http://www.w3.org/2000/svg">${svg}</svg>`)

  it.each([
    [
      '<foreignObject><div>html</div></foreignObject>',
      '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
    ],
    [
      '<script>alert(1)</script><text>t</text>',
      '<svg xmlns="http://www.w3.org/2000/svg"><text>t</text></svg>'
    ],
    [
      '<rect onload="alert(1)" width="1"/>',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect width="1"></rect></svg>'
    ],
    [
      '<use xlink:href="javascript:alert(1)"/>',
      '<svg xmlns="http://www.w3.org/2000/svg"><use></use></svg>'
    ],
    [
      '<a href="javascript:alert(1)"><text>label</text></a>',
      '<svg xmlns="http://www.w3.org/2000/svg"><text>label</text></svg>'
    ],
    [
      '<rect fill="url(https://evil.example/x)" stroke="red"/>',
      '<svg xmlns="http://www.w3.org/2000/svg"><rect stroke="red"></rect></svg>'
    ]
  ])('%s', (svg, expected) => {
    expect(strip(svg)).toBe(expected)
  })

  it('drops an onload on the root svg', () => {
    expect(sanitizeSvg('<svg onload="alert(1)" viewBox="0 0 1 1"></svg>')).toBe(
      '<svg viewBox="0 0 1 1"></svg>'
    )
  })

  it('keeps only the first svg and nothing around it', () => {
    expect(sanitizeSvg('<p>x</p><svg><g></g></svg><svg><rect/></svg><img src=x onerror=1>')).toBe(
      '<svg><g></g></svg>'
    )
  })

  it('returns an empty string when there is no svg', () => {
    expect(sanitizeSvg('<img src=x onerror=alert(1)>')).toBe('')
    expect(sanitizeSvg('')).toBe('')
  })
})

describe('sanitizeCss', () => {
  it('keeps ordinary diagram CSS and fragment references', () => {
    const css = '#m .node rect{fill:#ECECFF;stroke:#9370DB;marker-end:url(#arrow)}'
    expect(sanitizeCss(css)).toBe(css)
  })

  it('strips @import and remote url(), keeping the rest', () => {
    expect(sanitizeCss('@import url(x.css); a{fill:red}')).toBe(' a{fill:red}')
    expect(sanitizeCss("a{background:url('https://evil.example/x.png');fill:red}")).toBe(
      'a{background:none;fill:red}'
    )
    expect(sanitizeCss('a{background:url(data:image/png;base64,AAAA)}')).toBe('a{background:none}')
  })

  it.each([
    'a{width:expression(alert(1))}',
    'a{background:url(javascript:alert(1)}',
    'a{behavior:url(x.htc)}',
    'a{-moz-binding:url(x.xml#y)}',
    'a{background:u\\72 l(https://evil.example)}',
    'a{}</style><img src=x onerror=alert(1)>',
    'a{background-image:image-set("x.png" 1x)}',
    '@font-face{src:url(#f)}',
    'a{background:url(#ok) url(x'
  ])('refuses %s', (css) => {
    expect(sanitizeCss(css)).toBeNull()
  })

  it('judges attribute values the same way', () => {
    expect(isSafeAttributeValue('url(#marker)')).toBe(true)
    expect(isSafeAttributeValue('#333')).toBe(true)
    expect(isSafeAttributeValue('url(https://evil.example/x)')).toBe(false)
    expect(isSafeAttributeValue('url(#a) url(b.svg#c)')).toBe(false)
  })
})
