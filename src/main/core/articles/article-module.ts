import type { BuiltinTracking } from '../content/builtin-tracking'
import { defineModule } from '../module'
import type { SearchIndex } from '../search/search-index'
import { articleHandlers } from './article-handlers'
import { ArticleRepo } from './article-repo'
import { ArticleService } from './article-service'

/** The knowledge base: articles with revisions, tags, links and the bin. */
export const articleModule = defineModule({
  name: 'articles',
  needs: ['search', 'tracking'],
  create: (
    { db, clock, guard },
    needs: { readonly search: SearchIndex; readonly tracking: BuiltinTracking }
  ) => new ArticleService({ db, clock, guard, repository: new ArticleRepo(db), ...needs }),
  handlers: articleHandlers,
  builtins: {
    folders: ['articles'],
    importerVersion: 1,
    run: (articles, { resourcesDir, warn, beforeChangingExisting }) =>
      articles.importBuiltins(resourcesDir, warn, beforeChangingExisting)
  }
})
