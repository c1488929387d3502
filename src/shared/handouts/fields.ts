/**
 * Named fields in handout text: `{{clinic.name}}`, `{{patient.name}}` … Pure rules shared by the
 * editor (live check), the core (refusal at save time) and the print renderer (filling).
 */
export const HANDOUT_FIELDS = [
  'clinic.name',
  'clinic.address',
  'clinic.phone',
  'clinic.email',
  'clinic.website',
  'practitioner',
  'date',
  'patient.name'
] as const
export type HandoutField = (typeof HANDOUT_FIELDS)[number]

export const isHandoutField = (name: string): name is HandoutField =>
  (HANDOUT_FIELDS as readonly string[]).includes(name)

export interface FieldUse {
  readonly name: string
  /** Offsets of the whole `{{ … }}` in the text. */
  readonly start: number
  readonly end: number
  readonly line: number
}

export interface FieldProblem {
  readonly kind: 'unknown-field' | 'unclosed-field'
  readonly field: string
  readonly line: number
  readonly message: string
}

const FIELD_RE = /\{\{([^{}\n]*)\}\}/g

const lineAt = (text: string, offset: number): number => {
  let line = 1
  for (let i = 0; i < offset && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1
  return line
}

/** Every `{{ … }}` in the text, names trimmed. */
export function findFields(text: string): FieldUse[] {
  const uses: FieldUse[] = []
  for (const match of text.matchAll(FIELD_RE)) {
    const start = match.index
    uses.push({
      name: (match[1] ?? '').trim(),
      start,
      end: start + match[0].length,
      line: lineAt(text, start)
    })
  }
  return uses
}

const shown = (name: string): string => (name.length > 60 ? `${name.slice(0, 57)}…` : name)

/** Unknown names and `{{` left open, in text order. Empty when the text is fine. */
export function checkFields(text: string): FieldProblem[] {
  const problems: FieldProblem[] = []
  for (const use of findFields(text)) {
    if (!isHandoutField(use.name)) {
      problems.push({
        kind: 'unknown-field',
        field: use.name,
        line: use.line,
        message: `Unknown field {{${shown(use.name)}}} on line ${use.line}.`
      })
    }
  }
  // A `{{` that no `}}` closes on the same line is almost always a typo.
  const withoutFields = text.replace(FIELD_RE, (m) => ' '.repeat(m.length))
  let open = withoutFields.indexOf('{{')
  while (open !== -1) {
    const line = lineAt(text, open)
    const eol = withoutFields.indexOf('\n', open)
    const rest = withoutFields.slice(open + 2, eol === -1 ? undefined : eol)
    problems.push({
      kind: 'unclosed-field',
      field: rest.trim().slice(0, 40),
      line,
      message: `A field opened with {{ on line ${line} is not closed with }}.`
    })
    open = withoutFields.indexOf('{{', open + 2)
  }
  return problems.sort((a, b) => a.line - b.line)
}

/** One sentence for the user, naming the offending field(s) and listing the known ones. */
export function describeFieldProblems(problems: readonly FieldProblem[]): string {
  const first = problems.slice(0, 3).map((p) => p.message)
  const more = problems.length > 3 ? ` (${problems.length - 3} more)` : ''
  const known = HANDOUT_FIELDS.map((f) => `{{${f}}}`).join(', ')
  return `${first.join(' ')}${more} Known fields: ${known}.`
}

/** Replaces every known field with what `value` returns; unknown fields are left as written. */
export function fillFields(text: string, value: (field: HandoutField) => string): string {
  return text.replace(FIELD_RE, (whole, raw: string) => {
    const name = raw.trim()
    return isHandoutField(name) ? value(name) : whole
  })
}
