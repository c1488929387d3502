/**
 * Values of the contract that the core reads while it starts, kept apart from the schemas that
 * use them: importing a schema module builds its zod schemas, which a start-up never needs
 * (docs/architecture.md §6). The schema modules re-export them; the renderer's start-up code
 * (the search field in the top bar) imports them from here, which keeps zod out of its start-up
 * chunk too.
 */

/** Every kind of item lives in the one full-text index, so one search box finds everything. */
export const SEARCH_KINDS = [
  'article',
  'handout',
  'muscle',
  'trigger-point',
  'acupoint',
  'note'
] as const

/** The longest search text; the search field stops there and shows a counter near the end. */
export const SEARCH_TEXT_MAX = 200

/** Screens the app can open on. */
export const START_SCREENS = ['home', 'front-desk'] as const
