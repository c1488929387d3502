/**
 * The folder of the shipped synonym file, under resources/content/. Apart from synonyms.ts, which
 * builds its file's zod schema when it loads: the module list reads the folder at every start,
 * the schema is needed only when the file changed (docs/architecture.md §6).
 */
export const SYNONYMS_FOLDER = 'search'
