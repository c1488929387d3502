/**
 * Values of the contract that the core reads while it starts, kept apart from the schemas that
 * use them: importing a schema module builds its zod schemas, which a start-up never needs
 * (docs/architecture.md §6). The schema modules re-export them, so the renderer imports them
 * from there as before.
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

/** Screens the app can open on. */
export const START_SCREENS = ['home', 'front-desk'] as const
