import { useState } from 'react'
import type { SearchQuery } from '../../../../shared/api/search'
import { api } from '../../lib/api'
import { useAsync } from '../../lib/use-async'
import type { AsyncState } from '../../lib/use-async'

export type SearchResult = Awaited<ReturnType<typeof api.search.query>>

export interface SearchState {
  readonly state: AsyncState<SearchResult | null>
  /** The latest answer, kept on screen while the next one loads (no flicker while typing). */
  readonly shown: SearchResult | null
  readonly busy: boolean
  readonly reload: () => void
}

/** Runs a search whenever the query changes; an empty text gives `null` without a round trip. */
export function useSearch(query: SearchQuery): SearchState {
  const blank = query.q.trim() === ''
  const { state, reload } = useAsync<SearchResult | null>(
    () => (blank ? Promise.resolve(null) : api.search.query(query)),
    JSON.stringify(blank ? null : query)
  )
  const [last, setLast] = useState<SearchResult | null>(null)
  if (state.status === 'ready' && state.data !== last) setLast(state.data)
  const shown =
    state.status === 'ready' ? state.data : state.status === 'loading' && !blank ? last : null
  return { state, shown, busy: state.status === 'loading' && !blank, reload }
}
