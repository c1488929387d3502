import type { HandlerGroup } from '../api/handlers'
import type { CoreServices } from '../services'

export const diagramHandlers = ({
  diagrams
}: CoreServices): HandlerGroup<'diagrams:get' | 'diagrams:put'> => ({
  'diagrams:get': ({ source }) => ({ svg: diagrams.get(source) }),
  'diagrams:put': ({ source, svg }) => {
    diagrams.put(source, svg)
    return { ok: true }
  }
})
