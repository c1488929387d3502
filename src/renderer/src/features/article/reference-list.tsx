import type { Reference } from '../../../../shared/api/common'
import './article.css'

/** Numbered references; URLs are plain text (nothing in the app window opens a web page). */
export function ReferenceList({ references }: { references: readonly Reference[] }) {
  if (references.length === 0) return null
  return (
    <section className="article__section" aria-labelledby="references-title">
      <h2 id="references-title">References</h2>
      <ol className="references">
        {references.map((ref, i) => (
          <li key={i}>
            <span className="references__authors">{ref.authors}.</span>{' '}
            <span className="references__title">{ref.title}.</span>{' '}
            <span className="references__source">{ref.source}</span>
            {', '}
            <span className="references__year">{ref.year}</span>.
            {ref.url && (
              <>
                {' '}
                <span className="references__url">{ref.url}</span>
              </>
            )}
            {ref.note && <span className="references__note">{ref.note}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}
