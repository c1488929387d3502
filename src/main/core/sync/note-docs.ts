import * as syncApi from '../../../shared/api/sync'
import type { ReplicaDoc } from './replica-docs'
import { itemDocRefusal, keyedBy } from './replica-check'

/** Why a replicated note document cannot be applied, or null when it can. */
export const noteDocRefusal = (noteId: string, doc: ReplicaDoc): string | null =>
  itemDocRefusal(syncApi.replicaNoteSchema, doc, () => doc['id'] === noteId)

/** Why a replicated note revision cannot be applied, or null when it can. */
export const noteRevisionRefusal = (noteId: string, doc: ReplicaDoc): string | null =>
  itemDocRefusal(
    syncApi.replicaNoteRevisionSchema,
    doc,
    () => doc['noteId'] === noteId && keyedBy(doc)
  )
