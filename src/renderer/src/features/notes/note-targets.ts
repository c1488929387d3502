import type { Note, NoteTarget } from '../../../../shared/api/notes'
import { atlasPaths } from '../atlas/paths'

const KIND_LABELS: Readonly<Record<NoteTarget['kind'], string>> = {
  muscle: 'Muscle',
  'trigger-point': 'Trigger point',
  acupoint: 'Acupoint',
  article: 'Article'
}

export const targetKindLabel = (kind: NoteTarget['kind']): string => KIND_LABELS[kind]

/** Where the item a note belongs to is shown (a trigger point: its muscle's page). */
export function targetHref(target: NonNullable<Note['target']>): string | null {
  switch (target.kind) {
    case 'muscle':
      return atlasPaths.muscle(target.id)
    case 'trigger-point':
      return target.parentId ? atlasPaths.muscle(target.parentId, target.id) : null
    case 'acupoint':
      return atlasPaths.acupoint(target.id)
    case 'article':
      return atlasPaths.article(target.id)
  }
}

export const sameTarget = (a: NoteTarget | null, b: NoteTarget | null): boolean =>
  a === null || b === null ? a === b : a.kind === b.kind && a.id === b.id
