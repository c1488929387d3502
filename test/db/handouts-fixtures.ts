import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Platform } from '../../src/main/core'
import type { PdfRenderer } from '../../src/main/core/print/pdf-renderer'

export interface HandoutFixture {
  readonly id: string
  readonly lang?: string
  readonly title?: string
  readonly summary?: string
  readonly contentVersion?: number
  readonly reviewStatus?: 'approved' | 'needs-review'
  /** Front matter `optional: true` (a handout only some clinics use). */
  readonly optional?: boolean
  readonly body?: string
}

/** Writes resources/content/handouts/<id>/<lang>.md in the format of docs/content-format.md. */
export function writeBuiltinHandout(resourcesDir: string, handout: HandoutFixture): void {
  const lang = handout.lang ?? 'en'
  const dir = join(resourcesDir, 'content', 'handouts', handout.id)
  mkdirSync(dir, { recursive: true })
  const front = [
    '---',
    `id: ${handout.id}`,
    `lang: ${lang}`,
    `title: "${handout.title ?? `Title of ${handout.id} (${lang})`}"`,
    `summary: "${handout.summary ?? 'A summary.'}"`,
    `contentVersion: ${handout.contentVersion ?? 1}`,
    `reviewStatus: ${handout.reviewStatus ?? (lang === 'en' ? 'approved' : 'needs-review')}`,
    ...(handout.optional === undefined ? [] : [`optional: ${String(handout.optional)}`]),
    'references:',
    '  - authors: "NHS"',
    '    title: "Acupuncture"',
    '    year: "n.d."',
    '    source: "nhs.uk"',
    '---'
  ]
  const body = handout.body ?? `Call {{clinic.name}} at {{clinic.phone}}.\n\n> A boxed note.\n`
  writeFileSync(join(dir, `${lang}.md`), `${front.join('\n')}\n${body}`)
}

/** A PdfRenderer that records the documents it was given and returns a tiny N-page "PDF". */
export function fakePorts(options: { pages?: number; savePath?: string | null } = {}) {
  const documents: string[] = []
  const printed: Array<{ html: string; copies: number; deviceName: string | null }> = []
  let printAnswer: 'printed' | 'cancelled' = 'printed'
  const pdf: PdfRenderer = {
    toPdf: async (html) => {
      documents.push(html)
      const pages = Array.from({ length: options.pages ?? 2 }, () => '<< /Type /Page >>').join('\n')
      return Buffer.from(`%PDF-1.4\n<< /Type /Pages >>\n${pages}\n%%EOF\n`, 'latin1')
    }
  }
  let savePath = options.savePath ?? null
  const ports: Platform = {
    pdf,
    chooseSavePath: async () => savePath,
    printer: {
      print: async (html, o) => {
        printed.push({ html, copies: o.copies, deviceName: o.deviceName })
        return printAnswer
      },
      listPrinters: async () => [{ name: 'front-desk', displayName: 'Front desk', isDefault: true }]
    }
  }
  return {
    ports,
    documents,
    printed,
    answerPrint: (answer: 'printed' | 'cancelled') => {
      printAnswer = answer
    },
    /** What the stand-in save dialog answers from now on (null: the user cancelled). */
    answerSaveDialog: (path: string | null) => {
      savePath = path
    }
  }
}
