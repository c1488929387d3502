import type { Article } from '../../../../shared/api/articles'
import { Link } from '../../lib/link'
import { paths } from '../library/paths'

type Links = Article['links']

/** "Links to" and "Linked from": the article's place in the knowledge base. */
export function ArticleLinks({ links }: { links: Links }) {
  if (links.outgoing.length === 0 && links.incoming.length === 0) return null
  return (
    <section className="article__section article__links" aria-labelledby="links-title">
      <h2 id="links-title">Related articles</h2>
      <div className="links-columns">
        <LinkList title="Links to" items={links.outgoing} empty="This article links to no other." />
        <LinkList title="Linked from" items={links.incoming} empty="No article links here yet." />
      </div>
    </section>
  )
}

function LinkList({
  title,
  items,
  empty
}: {
  title: string
  items: Links['outgoing']
  empty: string
}) {
  return (
    <div>
      <h3>{title}</h3>
      {items.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul className="link-list">
          {items.map((item) => (
            <li key={item.id}>
              <Link to={paths.article(item.id)}>{item.title}</Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
