import type { AtlasService } from '../atlas/atlas-service'
import { defineModule } from '../module'
import type { SearchIndex } from '../search/search-index'
import { noteHandlers } from './note-handlers'
import { NoteService } from './note-service'

/** The practitioner's own notes, on an item or stand-alone, with revisions and drafts. */
export const noteModule = defineModule({
  name: 'notes',
  needs: ['search', 'atlas'],
  create: (
    { db, clock, guard },
    needs: { readonly search: SearchIndex; readonly atlas: AtlasService }
  ) =>
    new NoteService({
      db,
      clock,
      guard,
      search: needs.search,
      atlasTitle: (kind, id) => needs.atlas.titleOf(kind, id)
    }),
  handlers: noteHandlers
})
