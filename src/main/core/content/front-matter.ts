import type { z } from 'zod'
import { describeZodError } from '../api/dispatch'
import { FRONT_MATTER_RE, normaliseText, parseYaml } from './yaml'

/** A built-in content file that cannot be used; the message tells the content author why. */
export class ContentFileError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ContentFileError'
  }
}

export interface FrontMatterFile<T> {
  readonly data: T
  /** The text after the front matter, with line endings normalised to \n. */
  readonly body: string
}

/** Splits `---\nYAML\n---\nbody` and parses the YAML (no validation). */
export function splitFrontMatter(text: string): FrontMatterFile<unknown> {
  const match = FRONT_MATTER_RE.exec(normaliseText(text))
  if (!match) {
    throw new ContentFileError('The file must start with front matter between two "---" lines.')
  }
  let data: unknown
  try {
    data = parseYaml(match[1] as string)
  } catch (error) {
    const detail = error instanceof Error ? error.message.split('\n')[0] : String(error)
    throw new ContentFileError(`The front matter is not valid YAML: ${detail}`)
  }
  return { data, body: (match[2] as string).replace(/^\n+/, '') }
}

/** Splits the front matter and validates it with a zod schema; every problem is a ContentFileError. */
export function parseFrontMatter<S extends z.ZodType>(
  text: string,
  schema: S
): FrontMatterFile<z.output<S>> {
  const { data, body } = splitFrontMatter(text)
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    throw new ContentFileError(`The front matter is invalid: ${describeZodError(parsed.error)}`)
  }
  return { data: parsed.data, body }
}
