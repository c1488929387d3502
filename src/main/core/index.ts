/**
 * The core's public surface: the only file of the core the Electron shell imports (lint enforces
 * it). The core runs under plain Node and never imports electron.
 */
export { openLibrary, DEV_APP_VERSION } from './library'
export type { Library, LibraryOptions } from './library'
export type { Platform } from './platform'
export type { DocumentPrinter, PdfRenderer, SavePathChooser } from './print/pdf-renderer'
export { PRINT_DOCUMENT_CSP } from './print/document'
export { dispatch } from './api/dispatch'
export type { Handlers } from './api/handlers'
export { resolveDataDir, DATA_DIR_ENV, DATA_DIR_FLAG } from './data-dir'
export type { DataDirSources } from './data-dir'
export { restoreLatestBackup, findLatestGoodBackup } from './db/restore'
export { describeClinicContent } from './db/clinic-content'
export type { RestoreOptions, RestoreResult } from './db/restore'
export { listBackups } from './db/backups'
export type { BackupFile } from './db/backups'
export { DATABASE_FILE_NAME, databasePath } from './db/paths'
export { LATEST_SCHEMA_VERSION } from './db/migrations'
