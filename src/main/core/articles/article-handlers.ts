import type { HandlerGroup } from '../api/handlers'
import type { ArticleService } from './article-service'

type ArticleChannel =
  | 'articles:list'
  | 'articles:get'
  | 'articles:create'
  | 'articles:update'
  | 'articles:delete'
  | 'articles:undelete'
  | 'articles:revisions'
  | 'articles:revision'
  | 'articles:restoreRevision'
  | 'articles:resetToBuiltin'
  | 'articles:tags'

export const articleHandlers = (articles: ArticleService): HandlerGroup<ArticleChannel> => ({
  'articles:list': (filter) => articles.list(filter),
  'articles:get': ({ id }) => articles.get(id),
  'articles:create': (draft) => articles.create(draft),
  'articles:update': (input) => articles.update(input),
  'articles:delete': ({ id }) => articles.delete(id),
  'articles:undelete': ({ id }) => articles.undelete(id),
  'articles:revisions': ({ id }) => articles.revisions(id),
  'articles:revision': ({ id, revision }) => articles.revision(id, revision),
  'articles:restoreRevision': ({ id, revision }) => articles.restoreRevision(id, revision),
  'articles:resetToBuiltin': ({ id }) => articles.resetToBuiltin(id),
  'articles:tags': () => articles.tags()
})
