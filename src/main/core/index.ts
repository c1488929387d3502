/**
 * The core's public surface for the Electron shell, the e2e harness and tests. The core runs
 * under plain Node and never imports electron.
 */
export { openLibrary, DEV_APP_VERSION } from './library'
export type { Library, LibraryOptions } from './library'
export { resolveDataDir, DATA_DIR_ENV, DATA_DIR_FLAG } from './data-dir'
export type { DataDirSources } from './data-dir'
export { restoreLatestBackup, findLatestGoodBackup } from './db/restore'
export type { RestoreOptions, RestoreResult } from './db/restore'
export { listBackups, BACKUPS_TO_KEEP } from './db/backups'
export type { BackupFile } from './db/backups'
export { DATABASE_FILE_NAME, databasePath } from './db/paths'
export { LATEST_SCHEMA_VERSION } from './db/migrations'
export { SearchIndex } from './search/search-index'
export type { SearchDocument, SearchResult } from './search/search-index'
export type { Handlers, HandlerGroup } from './api/handlers'
export type { CoreServices } from './services'
