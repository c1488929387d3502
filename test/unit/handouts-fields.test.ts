import { describe, expect, it } from 'vitest'
import {
  HANDOUT_FIELDS,
  checkFields,
  describeFieldProblems,
  fillFields,
  findFields
} from '../../src/shared/handouts/fields'

describe('handout fields', () => {
  it('finds fields with their lines, trimming spaces inside the braces', () => {
    const uses = findFields('Hello {{ patient.name }}.\nCall {{clinic.phone}}.')
    expect(uses.map((u) => [u.name, u.line])).toEqual([
      ['patient.name', 1],
      ['clinic.phone', 2]
    ])
  })

  it('accepts every known field', () => {
    expect(checkFields(HANDOUT_FIELDS.map((f) => `{{${f}}}`).join(' '))).toEqual([])
  })

  it('refuses an unknown field and names it', () => {
    const problems = checkFields('Line one\nFax us at {{clinic.fax}} today.')
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ kind: 'unknown-field', field: 'clinic.fax', line: 2 })
    const message = describeFieldProblems(problems)
    expect(message).toContain('{{clinic.fax}}')
    expect(message).toContain('line 2')
    expect(message).toContain('{{clinic.name}}')
  })

  it('reports a field left open', () => {
    const problems = checkFields('Call {{clinic.phone now')
    expect(problems[0]?.kind).toBe('unclosed-field')
  })

  it('is case-sensitive: {{Clinic.Name}} is not a field', () => {
    expect(checkFields('{{Clinic.Name}}')[0]?.field).toBe('Clinic.Name')
  })

  it('fills known fields and leaves unknown ones as written', () => {
    const out = fillFields('{{clinic.name}} / {{nope}}', (f) =>
      f === 'clinic.name' ? 'Clinic' : ''
    )
    expect(out).toBe('Clinic / {{nope}}')
  })
})
