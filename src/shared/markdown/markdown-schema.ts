import type { Schema } from 'hast-util-sanitize'

/**
 * What rendered markdown may contain: GitHub's allow-list (hast-util-sanitize's default) minus
 * what an offline reference has no use for and could be abused (forms, <picture>/<source>,
 * microdata, access keys), plus <mark> and the diagram placeholder. `class` survives only on the
 * diagram figure, on code blocks' `language-*` and as `urgent` on a block quote (the "Get help
 * right away" box, remark-urgent.ts). Link and image URLs get a stricter check after sanitizing
 * (rehype-links.ts).
 */
export const markdownSchema: Schema = {
  tagNames: [
    'a',
    'b',
    'blockquote',
    'br',
    'code',
    'dd',
    'del',
    'details',
    'div',
    'dl',
    'dt',
    'em',
    'figure',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'i',
    'img',
    'input',
    'ins',
    'kbd',
    'li',
    'mark',
    'ol',
    'p',
    'pre',
    'q',
    'rp',
    'rt',
    'ruby',
    's',
    'samp',
    'section',
    'span',
    'strike',
    'strong',
    'sub',
    'summary',
    'sup',
    'table',
    'tbody',
    'td',
    'tfoot',
    'th',
    'thead',
    'tr',
    'tt',
    'ul',
    'var'
  ],
  attributes: {
    // GFM footnotes mark their links and back-links with these data attributes.
    a: ['href', 'title', 'ariaLabel', 'ariaDescribedBy', 'dataFootnoteRef', 'dataFootnoteBackref'],
    blockquote: [['className', 'urgent']],
    code: [['className', /^language-[\w+#.-]{1,40}$/]],
    figure: [
      ['className', 'diagram'],
      ['dataDiagramIndex', /^\d{1,4}$/]
    ],
    img: ['src', 'alt', 'title', 'width', 'height'],
    // GFM task lists: a disabled checkbox, nothing else.
    input: [['disabled', true], ['type', 'checkbox'], 'checked'],
    ol: ['start'],
    section: ['dataFootnotes'],
    td: ['align', 'colSpan', 'rowSpan'],
    th: ['align', 'colSpan', 'rowSpan', 'scope'],
    details: ['open'],
    '*': ['id', 'title', 'lang', 'dir']
  },
  required: { input: { disabled: true, type: 'checkbox' } },
  ancestors: {
    tbody: ['table'],
    td: ['table'],
    th: ['table'],
    thead: ['table'],
    tfoot: ['table'],
    tr: ['table']
  },
  // remark-rehype already prefixes footnote ids with 'user-content-'; prefixing again here would
  // break the footnote links, and markdown has no other way to set an id.
  clobber: [],
  clobberPrefix: '',
  protocols: {
    href: ['http', 'https', 'mailto', 'article'],
    src: ['http', 'https']
  },
  strip: ['script', 'style', 'iframe', 'object', 'embed', 'noscript', 'template', 'svg', 'math'],
  allowComments: false,
  allowDoctypes: false
}
