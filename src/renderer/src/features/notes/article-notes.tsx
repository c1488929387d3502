import { NotesPanel } from './notes-panel'

/**
 * The practitioner's notes on an article, for the bottom of the article screen:
 * `<ArticleNotes id={article.id} />` after the article's references.
 */
export function ArticleNotes({ id }: { id: string }) {
  return (
    <NotesPanel
      targets={[{ kind: 'article', id }]}
      newNoteTarget={{ kind: 'article', id }}
      heading="Your notes on this article"
    />
  )
}
