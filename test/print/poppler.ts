import { execFile } from 'node:child_process'
import { promisify } from 'node:util'

const run = promisify(execFile)

/** poppler-utils wrappers (pdfinfo, pdftotext, pdffonts) for print checks. */
export async function pdfInfo(
  file: string
): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [file])
  const pages = Number(/^Pages:\s+(\d+)/m.exec(stdout)?.[1])
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout)
  return { pages, width: Number(size?.[1]), height: Number(size?.[2]) }
}

export interface FontRow {
  readonly name: string
  readonly type: string
  readonly embedded: boolean
}

export async function pdfFonts(file: string): Promise<FontRow[]> {
  const { stdout } = await run('pdffonts', [file])
  return stdout
    .split('\n')
    .slice(2)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      // name type encoding emb sub uni object ID: emb is the 3rd field from "yes/no yes/no yes/no".
      const flags = /\s(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(line)
      return {
        name: line.split(/\s+/)[0] ?? '',
        type: line.slice(37, 55).trim(),
        embedded: flags?.[1] === 'yes'
      }
    })
}

/** The text of each page (pdftotext, reading order), page 1 first. */
export async function pdfPageTexts(file: string, pages: number): Promise<string[]> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-'], {
    maxBuffer: 32 * 1024 * 1024
  })
  const texts = stdout.split('\f')
  return texts.slice(0, pages)
}

export interface Word {
  readonly page: number
  readonly xMin: number
  readonly yMin: number
  readonly xMax: number
  readonly yMax: number
  readonly text: string
}

/** Every word with its box in points (pdftotext -bbox). */
export async function pdfWords(
  file: string
): Promise<{ pageWidth: number; pageHeight: number; words: Word[] }> {
  const { stdout } = await run('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], {
    maxBuffer: 32 * 1024 * 1024
  })
  const words: Word[] = []
  let page = 0
  let pageWidth = 0
  let pageHeight = 0
  for (const line of stdout.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line)
    if (p) {
      page += 1
      pageWidth = Number(p[1])
      pageHeight = Number(p[2])
      continue
    }
    const w =
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(
        line
      )
    if (w) {
      words.push({
        page,
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: decodeEntities(w[5] ?? '')
      })
    }
  }
  return { pageWidth, pageHeight, words }
}

/** Whitespace never matters when comparing document text with PDF text. */
export const squash = (text: string): string => text.replace(/\s+/g, '')

const decodeEntities = (text: string): string =>
  text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&')
