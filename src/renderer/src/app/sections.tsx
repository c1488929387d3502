import { BookIcon } from '../components/icons'
import { lazyScreen } from '../lib/lazy-screen'
import { navigate } from '../lib/router'
import { LibraryScreen } from '../features/library/library-screen'
import { paths } from '../features/library/paths'
import type { SearchHit } from '../../../shared/api/search'
import type { Section } from './types'
import { acupointsSection, atlasSection, notesSection } from '../features/atlas/sections'
import { frontDeskSection, handoutsSection, settingsSection } from '../features/handouts/sections'

// Only the library (the usual start screen) is in the start-up chunk. The article page brings the
// markdown view and the notes panel, the editor the contract's zod schemas: each loads on demand.
const ArticleScreen = lazyScreen(
  () => import('../features/article/article-screen').then((m) => m.ArticleScreen),
  { prefetchFirst: true }
)
const EditorScreen = lazyScreen(() =>
  import('../features/editor/editor-screen').then((m) => m.EditorScreen)
)
const HistoryScreen = lazyScreen(() =>
  import('../features/history/history-screen').then((m) => m.HistoryScreen)
)

const READ_ONLY_REASON =
  'Editing is off here: the library is read-only, or this computer is in front-desk mode.'

const knowledgeBase: Section = {
  id: 'library',
  label: 'Knowledge base',
  icon: BookIcon,
  path: paths.library(),
  prefix: '/articles',
  routes: [
    { pattern: '/articles', render: ({ location }) => <LibraryScreen query={location.query} /> },
    { pattern: '/articles/new', render: () => <EditorScreen key="new" id={null} /> },
    {
      pattern: '/articles/:id',
      render: ({ params }) => <ArticleScreen key={params.id} id={params.id ?? ''} />
    },
    {
      pattern: '/articles/:id/edit',
      render: ({ params }) => <EditorScreen key={params.id} id={params.id ?? ''} />
    },
    {
      pattern: '/articles/:id/history',
      render: ({ params, location }) => (
        <HistoryScreen
          key={params.id}
          id={params.id ?? ''}
          revision={Number(location.query.get('revision')) || null}
        />
      )
    }
  ],
  commands: ({ readOnly, location }) => {
    const onArticle = /^\/articles\/(?!new$)[^/]+$/.exec(location.path)
    const id = onArticle ? decodeURIComponent(location.path.split('/')[2] ?? '') : null
    return [
      {
        id: 'article:new',
        label: 'New article',
        keywords: 'create write add',
        disabledReason: readOnly ? READ_ONLY_REASON : undefined,
        run: () => navigate(paths.newArticle())
      },
      {
        id: 'library:open',
        label: 'Go to Knowledge base',
        keywords: 'library articles list home',
        run: () => navigate(paths.library())
      },
      {
        id: 'library:bin',
        label: 'Open the bin (deleted articles)',
        keywords: 'trash deleted restore undelete',
        run: () => navigate(paths.bin())
      },
      ...(id
        ? [
            {
              id: 'article:edit',
              label: 'Edit this article',
              keywords: 'change modify',
              disabledReason: readOnly ? READ_ONLY_REASON : undefined,
              run: () => navigate(paths.edit(id))
            },
            {
              id: 'article:history',
              label: 'Show the history of this article',
              keywords: 'revisions versions restore',
              run: () => navigate(paths.history(id))
            }
          ]
        : [])
    ]
  },
  searchKinds: { article: (hit) => paths.article(hit.id) }
}

/** Every section of the app, in sidebar order. */
export const SECTIONS: readonly Section[] = [
  knowledgeBase,
  frontDeskSection,
  handoutsSection,
  atlasSection,
  acupointsSection,
  notesSection,
  settingsSection
]

/** Where a search hit opens (its own kind, else its parent's), or null when no section shows it. */
export function hrefForHit(hit: SearchHit): string | null {
  for (const section of SECTIONS) {
    const open = section.searchKinds?.[hit.kind]
    if (open) return open(hit)
  }
  const parent = hit.parent
  if (!parent) return null
  for (const section of SECTIONS) {
    const open = section.searchKinds?.[parent.kind]
    if (open) return open({ ...hit, kind: parent.kind, id: parent.id, title: parent.title })
  }
  return null
}
