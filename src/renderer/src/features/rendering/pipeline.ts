/** Loaded on demand by MarkdownView: the markdown renderer, DOMPurify and the diagram drawing. */
export { renderArticleHtml } from './html'
export { drawDiagrams } from './diagrams'
