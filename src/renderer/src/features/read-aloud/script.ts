import { handoutBlocks } from '../../../../shared/handouts/plain-text'
import type { HandoutBlock } from '../../../../shared/handouts/plain-text'
import type { HandoutField } from '../../../../shared/handouts/fields'
import { splitSentences } from './sentences'

export interface ScriptSentence {
  /** Position in the reading order (what the reader's state points at). */
  readonly index: number
  readonly text: string
}

export interface ScriptBlock {
  readonly kind: HandoutBlock['kind']
  readonly sentences: readonly ScriptSentence[]
}

/** A handout as it is read aloud: the title, then its prose, as blocks of numbered sentences. */
export interface ReadingScript {
  readonly lang: string
  readonly blocks: readonly ScriptBlock[]
  /** Every sentence's text, in reading order. */
  readonly sentences: readonly string[]
}

const EMPTY_FIELD = '\uE000'
const EMPTY_FIELD_RE = /\s*\uE000/g

export function readingScript(
  handout: { title: string; body: string; lang: string },
  fill: (field: HandoutField) => string
): ReadingScript {
  const sentences: string[] = []
  // An empty field is marked, then dropped with the space before it ("call us at, or…",
  // "请致电。"), where the printed sheet has a line to write on.
  const blocks = [
    { kind: 'heading' as const, text: handout.title },
    ...handoutBlocks(handout.body, (field) => fill(field) || EMPTY_FIELD)
  ].map((block) => ({
    kind: block.kind,
    sentences: splitSentences(block.text.replace(EMPTY_FIELD_RE, ''), handout.lang).map((text) => {
      sentences.push(text)
      return { index: sentences.length - 1, text }
    })
  }))
  return { lang: handout.lang, blocks: blocks.filter((b) => b.sentences.length > 0), sentences }
}

export interface FieldValues {
  readonly clinicName: string
  readonly address: string
  readonly phone: string
  readonly email: string
  readonly website: string
  readonly practitioner: string
  readonly patientName: string
  readonly date: Date
}

/**
 * What each field says when read: the clinic's details as the profile has them, today's date in
 * the handout's language. An empty field is left out (the printed sheet has a line to write on).
 */
export function spokenFields(values: FieldValues, lang: string): (field: HandoutField) => string {
  return (field) => {
    switch (field) {
      case 'clinic.name':
        return values.clinicName
      case 'clinic.address':
        return values.address
      case 'clinic.phone':
        return values.phone
      case 'clinic.email':
        return values.email
      case 'clinic.website':
        return values.website
      case 'practitioner':
        return values.practitioner
      case 'patient.name':
        return values.patientName
      case 'date':
        return values.date.toLocaleDateString(lang, { dateStyle: 'long' })
    }
  }
}
