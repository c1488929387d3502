import type { ApiOutput } from '../../../../shared/api'
import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'
import type { AsyncResult } from '../../lib/use-async'

export type AtlasMapData = ApiOutput<'atlas:map'>

let cached: Promise<AtlasMapData> | null = null

/** Everything the body map draws; built-in and unchanging while the app runs, so loaded once. */
export function loadAtlasMap(): Promise<AtlasMapData> {
  cached ??= api.atlas.map({}).catch((error: unknown) => {
    cached = null
    throw error
  })
  return cached
}

/** Tests start each case from a fresh library. */
export function resetAtlasMapCache(): void {
  cached = null
}

export function useAtlasMap(): AsyncResult<AtlasMapData> {
  return useAsync(loadAtlasMap, 'atlas-map')
}
