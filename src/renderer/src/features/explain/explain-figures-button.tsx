import type { Article } from '../../../../shared/api/articles'
import { ExplainButton } from './explain-button'

/** A mermaid block in the markdown: the article will have a drawn figure to show. */
const HAS_DIAGRAM = /^ {0,3}(`{3,}|~{3,})\s*mermaid\b/m

/** The drawn figures of the article on screen, in reading order (each diagram's own SVG). */
const drawnFigures = (): Element[] =>
  Array.from(
    document.querySelectorAll(
      '.article__body figure.diagram > svg, .article__body figure.diagram .diagram__canvas > svg'
    )
  )

/** "Show the figures": an article's diagrams at full size, for the patient. */
export function ExplainFiguresButton({ article }: { article: Pick<Article, 'title' | 'body'> }) {
  const subject = HAS_DIAGRAM.test(article.body)
    ? { kind: 'figures' as const, title: article.title, figures: drawnFigures }
    : null
  return <ExplainButton subject={subject} label="Show the figures" />
}
