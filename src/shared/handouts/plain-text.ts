import { fillFields } from './fields'
import type { HandoutField } from './fields'

/** One block of a handout's prose: what it is (a heading, a list item or table cell, running text). */
export interface HandoutBlock {
  readonly kind: 'heading' | 'item' | 'text'
  /** Plain text: markup dropped, fields filled, no full stop added. */
  readonly text: string
}

/**
 * The prose of a handout's markdown, one sentence-ending line per block, as readability formulas
 * expect it: headings and list items become sentences (docs/content-format.md asks list items to end with a
 * full stop because the formulas count sentences), markup and diagrams are dropped, and fields
 * become one ordinary word.
 */
export function handoutPlainText(markdown: string, lang = 'en'): string {
  const sample = lang.startsWith('zh') ? '诊所' : lang.startsWith('fr') ? 'clinique' : 'clinic'
  return handoutBlocks(markdown, () => sample)
    .map((block) => endSentence(block.text))
    .join('\n')
}

/**
 * The handout's prose as blocks in reading order (what the readability formulas measure and what
 * "Read aloud" reads), each field filled with what `fill` returns.
 */
export function handoutBlocks(
  markdown: string,
  fill: (field: HandoutField) => string
): HandoutBlock[] {
  const text = fillFields(stripFrontMatter(markdown), fill)
  const blocks: { kind: HandoutBlock['kind']; text: string }[] = []
  let paragraph: string[] = []
  let fence: string | null = null
  const flush = (): void => {
    if (paragraph.length > 0) blocks.push({ kind: 'text', text: paragraph.join(' ') })
    paragraph = []
  }
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim()
    const fenceMatch = /^(```|~~~)/.exec(line)
    if (fence !== null) {
      if (fenceMatch !== null && line.startsWith(fence)) fence = null
      continue
    }
    if (fenceMatch !== null) {
      flush()
      fence = fenceMatch[1] ?? '```'
      continue
    }
    if (line === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(line) || /^\|?[\s:|-]+\|?$/.test(line)) {
      flush()
      continue
    }
    const unquoted = line.replace(/^(>\s?)+/, '')
    // A box marker such as `> [!URGENT]` is markup, not prose (readability, search).
    if (unquoted === '' || /^\[![A-Z]+\]$/.test(unquoted)) {
      flush()
      continue
    }
    const heading = /^#{1,6}\s+(.*)$/.exec(unquoted)
    const item = /^(?:[-*+]|\d+[.)])\s+(.*)$/.exec(unquoted)
    if (heading !== null || item !== null) {
      flush()
      blocks.push({
        kind: heading !== null ? 'heading' : 'item',
        text: (heading?.[1] ?? item?.[1] ?? '').trim()
      })
      continue
    }
    if (unquoted.startsWith('|')) {
      flush()
      for (const cell of unquoted.split('|')) {
        if (cell.trim() !== '') blocks.push({ kind: 'item', text: cell.trim() })
      }
      continue
    }
    paragraph.push(unquoted)
  }
  flush()
  return blocks
    .map((block) => ({ kind: block.kind, text: stripInline(block.text) }))
    .filter((block) => /[\p{L}\p{N}]/u.test(block.text))
}

export function stripFrontMatter(markdown: string): string {
  const match = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(markdown)
  return match === null ? markdown : markdown.slice(match[0].length)
}

const stripInline = (text: string): string =>
  text
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]*>/g, '')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_]+)[*_](?=$|[\s).,;:!?])/g, '$1$2')
    .replace(/\s+/g, ' ')
    .trim()

const TERMINAL = /[.!?。！？…]["'”’)）」]*$/

/** A block that does not end a sentence gets a full stop (a lead-in colon counts as one). */
const endSentence = (block: string): string => {
  if (TERMINAL.test(block)) return block
  const cjk = /[\p{Script=Han}]/u.test(block)
  const stem = block.replace(/[:：;；,，]$/, '')
  return `${stem}${cjk ? '。' : '.'}`
}
