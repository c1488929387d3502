import type { HandlerGroup } from '../api/handlers'
import { notesHandlers } from '../notes/note-service'
import type { NotesChannel } from '../notes/note-service'
import { atlasHandlers } from './atlas-service'
import type { AtlasChannel } from './atlas-service'
import type { AtlasServices } from './feature'

/** Issue 4's share of the handler map: the atlas, the acupoints and notes. */
export function atlasFeatureHandlers(
  services: AtlasServices
): HandlerGroup<AtlasChannel | NotesChannel> {
  return { ...atlasHandlers(services.atlas), ...notesHandlers(services.notes) }
}
