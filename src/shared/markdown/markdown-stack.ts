/**
 * The markdown and HTML packages (unified, remark, rehype, hast; with micromark and parse5 below
 * them, about 0.6 MB of the main bundle). Import this module only as a namespace
 * (`import * as stack from './markdown-stack'`) and use it inside functions: the main process's
 * build then loads it on first use, from its own chunk, so a start-up that renders and imports
 * nothing never compiles it (electron.vite.config.ts, lazyNamespaces; docs/architecture.md).
 * Everywhere else (the renderer, tests) it is an ordinary import.
 */
export { unified } from 'unified'
export { default as remarkParse } from 'remark-parse'
export { default as remarkGfm } from 'remark-gfm'
export { default as remarkRehype } from 'remark-rehype'
export { default as rehypeSanitize } from 'rehype-sanitize'
export { default as rehypeStringify } from 'rehype-stringify'
export { fromHtml } from 'hast-util-from-html'
export { sanitize } from 'hast-util-sanitize'
export { toHtml } from 'hast-util-to-html'
