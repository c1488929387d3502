/** `[text](article:slug)`, optionally with a title: `[text](article:slug "title")`. */
const ARTICLE_LINK_RE = /\]\(\s*<?article:([a-z0-9]+(?:-[a-z0-9]+)*)>?(?:\s+"[^"]*")?\s*\)/g
// Fenced code is shown as code, so a link written inside it is not a link.
const FENCED_CODE_RE = /^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm

/** The ids of the articles a markdown body links to, each once, in order of first appearance. */
export function parseArticleLinks(body: string): string[] {
  const text = body.replace(/\r\n?/g, '\n').replace(FENCED_CODE_RE, '')
  const ids = new Set<string>()
  for (const match of text.matchAll(ARTICLE_LINK_RE)) ids.add(match[1] as string)
  return [...ids]
}
