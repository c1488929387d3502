import type { RevisionSummary } from '../../../../shared/api/articles'

export const SOURCE_LABELS: Readonly<Record<RevisionSummary['source'], string>> = {
  builtin: 'Built-in',
  user: 'Edited',
  restore: 'Restored',
  reset: 'Reset to built-in'
}
