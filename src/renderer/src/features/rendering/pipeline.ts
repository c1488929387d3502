/**
 * Loaded on demand by MarkdownView: the markdown renderer and the diagram drawing. The HTML comes
 * sanitized from the shared renderer (src/shared/markdown), the same one the print pipeline uses:
 * one sanitizer per format, for screen and paper alike.
 */
export { renderMarkdown as renderArticleHtml } from '../../../../shared/markdown'
export { drawDiagrams } from './diagrams'
