import type { Element, ElementContent, Root, RootContent } from 'hast'

/** Same rule as the contract's slugSchema: lowercase kebab-case. */
const ARTICLE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/
const ARTICLE_PREFIX = 'article:'

export type LinkTarget =
  | { readonly kind: 'fragment'; readonly href: string }
  | { readonly kind: 'article'; readonly href: string; readonly slug: string }
  | { readonly kind: 'external'; readonly href: string }
  | { readonly kind: 'mailto'; readonly href: string }
  | { readonly kind: 'none' }

/**
 * What a link in an article may point at: a place on the page (`#…`), another article
 * (`article:slug`, shown as the app route `#/articles/slug`), a web page (http/https, opened
 * outside the app after the main process checks it) or an e-mail address. Anything else (relative
 * paths that would resolve inside app://, protocol-relative `//host`, other schemes) loses its
 * href and stays as plain text.
 */
export function classifyLink(href: string): LinkTarget {
  const value = href.trim()
  if (value.startsWith('#')) return { kind: 'fragment', href: value }
  if (value.toLowerCase().startsWith(ARTICLE_PREFIX)) {
    const slug = value.slice(ARTICLE_PREFIX.length)
    return ARTICLE_SLUG.test(slug)
      ? { kind: 'article', href: `#/articles/${slug}`, slug }
      : { kind: 'none' }
  }
  let url: URL
  try {
    url = new URL(value)
  } catch {
    return { kind: 'none' }
  }
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    return url.username === '' && url.password === ''
      ? { kind: 'external', href: url.href }
      : { kind: 'none' }
  }
  if (url.protocol === 'mailto:') return { kind: 'mailto', href: value }
  return { kind: 'none' }
}

/**
 * Images may only come with the app (a relative path inside it). A picture from the web could not
 * load offline anyway (every outside request is blocked), and data: URLs are refused; such an
 * image is replaced by its alt text.
 */
export function isAllowedImageSource(src: string): boolean {
  const value = src.trim()
  return (
    value !== '' &&
    !value.startsWith('/') &&
    !value.includes('\\') &&
    !/^[a-z][a-z0-9+.-]*:/i.test(value) &&
    !value.split(/[/?#]/).includes('..')
  )
}

/** Applies classifyLink and isAllowedImageSource to the sanitized tree. */
export function rehypeLinks() {
  return (tree: Root): void => {
    rewriteIn(tree)
  }
}

function rewriteIn(parent: Root | Element): void {
  const next: Array<RootContent | ElementContent> = []
  for (const child of parent.children) {
    if (child.type !== 'element') {
      next.push(child)
      continue
    }
    if (child.tagName === 'img') {
      const src = child.properties['src']
      if (typeof src === 'string' && isAllowedImageSource(src)) next.push(child)
      else {
        const alt = child.properties['alt']
        if (typeof alt === 'string' && alt !== '') next.push({ type: 'text', value: alt })
      }
      continue
    }
    if (child.tagName === 'a') rewriteLink(child)
    rewriteIn(child)
    next.push(child)
  }
  parent.children = next as typeof parent.children
}

function rewriteLink(link: Element): void {
  const href = link.properties['href']
  const target = typeof href === 'string' ? classifyLink(href) : ({ kind: 'none' } as const)
  const { properties } = link
  delete properties['href']
  delete properties['rel']
  delete properties['target']
  switch (target.kind) {
    case 'none':
      return
    case 'article':
      properties['href'] = target.href
      properties['dataArticleLink'] = target.slug
      return
    case 'external':
      properties['href'] = target.href
      properties['rel'] = ['noopener', 'noreferrer']
      properties['dataExternal'] = ''
      return
    case 'fragment':
    case 'mailto':
      properties['href'] = target.href
  }
}
