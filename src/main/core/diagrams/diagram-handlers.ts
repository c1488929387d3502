import type { HandlerGroup } from '../api/handlers'
import type { DiagramCache } from './diagram-cache'

export const diagramHandlers = (
  diagrams: DiagramCache
): HandlerGroup<'diagrams:get' | 'diagrams:put'> => ({
  'diagrams:get': ({ source }) => ({ svg: diagrams.get(source) }),
  'diagrams:put': ({ source, svg }) => {
    diagrams.put(source, svg)
    return { ok: true }
  }
})
