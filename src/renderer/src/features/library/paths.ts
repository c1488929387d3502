import { hrefWith } from '../../lib/router'

const enc = encodeURIComponent

/** Every address of the knowledge base, in one place. */
export const paths = {
  library: (filters: { category?: string; tag?: string } = {}) =>
    filters.category || filters.tag ? hrefWith('/articles', filters) : '/articles',
  bin: () => '/articles?view=bin',
  newArticle: () => '/articles/new',
  article: (id: string) => `/articles/${enc(id)}`,
  edit: (id: string) => `/articles/${enc(id)}/edit`,
  history: (id: string, revision?: number) =>
    revision ? `/articles/${enc(id)}/history?revision=${revision}` : `/articles/${enc(id)}/history`
}
