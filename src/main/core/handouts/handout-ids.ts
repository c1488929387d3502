import { ApiError } from '../../../shared/api/errors'
import { checkFields, describeFieldProblems } from '../../../shared/handouts/fields'

/** A handout id from its title ("After your IMS session" → "after-your-ims-session"), unused. */
export function freeHandoutId(title: string, taken: (id: string) => boolean): string {
  const base =
    title
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'handout'
  let id = base
  for (let n = 2; taken(id); n += 1) id = `${base}-${n}`
  return id
}

/** Unknown or unclosed fields are refused at save (and import) time, naming the field. */
export function assertFields(body: string): void {
  const problems = checkFields(body)
  if (problems.length > 0) throw new ApiError('invalid_input', describeFieldProblems(problems))
}
