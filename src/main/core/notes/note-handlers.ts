import type { HandlerGroup } from '../api/handlers'
import type { NoteService } from './note-service'

export type NotesChannel =
  | 'notes:list'
  | 'notes:get'
  | 'notes:create'
  | 'notes:update'
  | 'notes:setTarget'
  | 'notes:setPinned'
  | 'notes:delete'
  | 'notes:undelete'
  | 'notes:revisions'
  | 'notes:restoreRevision'
  | 'notes:saveDraft'
  | 'notes:getDraft'
  | 'notes:discardDraft'
  | 'notes:drafts'

/** The notes' share of the handler map. */
export function noteHandlers(service: NoteService): HandlerGroup<NotesChannel> {
  return {
    'notes:list': (input) => service.list(input),
    'notes:get': ({ id }) => service.get(id),
    'notes:create': (input) => service.create(input),
    'notes:update': (input) => service.update(input),
    'notes:setTarget': ({ id, target }) => service.setTarget(id, target),
    'notes:setPinned': ({ id, pinned }) => service.setPinned(id, pinned),
    'notes:delete': ({ id }) => service.delete(id),
    'notes:undelete': ({ id }) => service.undelete(id),
    'notes:revisions': ({ id }) => service.revisions(id),
    'notes:restoreRevision': ({ id, revision }) => service.restoreRevision(id, revision),
    'notes:saveDraft': (input) => service.saveDraft(input),
    'notes:getDraft': (ref) => service.getDraft(ref),
    'notes:discardDraft': (ref) => service.discardDraft(ref),
    'notes:drafts': () => service.drafts()
  }
}
