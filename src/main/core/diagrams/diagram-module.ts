import { defineModule } from '../module'
import { importBuiltinDiagrams } from './builtin-diagrams'
import { DiagramCache } from './diagram-cache'
import { diagramHandlers } from './diagram-handlers'

/** Rendered mermaid SVG by diagram source, with the shipped drawings of built-in diagrams. */
export const diagramModule = defineModule({
  name: 'diagrams',
  needs: [],
  create: ({ db, clock, guard }) => new DiagramCache(db, clock, guard),
  handlers: diagramHandlers,
  builtins: {
    // The articles folder too: which shipped drawings are expected depends on the articles.
    folders: ['diagrams', 'articles'],
    importerVersion: 1,
    run: (diagrams, { resourcesDir, warn }, { db }) => {
      importBuiltinDiagrams(resourcesDir, { db, diagrams, warn })
    }
  }
})
