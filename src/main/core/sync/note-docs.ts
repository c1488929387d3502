import * as syncApi from '../../../shared/api/sync'
import type { ReplicaDoc } from './replica-docs'
import { schemaRefusal } from './replica-check'

/** Why a replicated note document cannot be applied, or null when it can. */
export function noteDocRefusal(noteId: string, doc: ReplicaDoc): string | null {
  return (
    schemaRefusal(syncApi.replicaNoteSchema, doc) ??
    (doc['id'] === noteId ? null : `it names note ${String(doc['id'])}`)
  )
}

/** Why a replicated note revision cannot be applied, or null when it can. */
export function noteRevisionRefusal(noteId: string, doc: ReplicaDoc): string | null {
  return (
    schemaRefusal(syncApi.replicaNoteRevisionSchema, doc) ??
    (doc['noteId'] === noteId && doc._id.endsWith(`:${String(doc['key'])}`)
      ? null
      : 'its id does not match the note and key it holds')
  )
}
