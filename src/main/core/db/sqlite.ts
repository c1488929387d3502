import Database from 'better-sqlite3'

/** The one database handle type the core passes around. */
export type Db = Database.Database

export interface SqliteBinding {
  /**
   * Path to a better-sqlite3 addon built for the running runtime. The Electron app points this
   * at its Electron-ABI build; tests leave it out and use the Node build (docs/toolchain.md).
   */
  readonly nativeBinding?: string | undefined
}

export interface OpenFileOptions extends SqliteBinding {
  readonly readonly?: boolean
  readonly fileMustExist?: boolean
}

export function openSqliteFile(path: string, options: OpenFileOptions = {}): Db {
  return new Database(path, {
    readonly: options.readonly ?? false,
    fileMustExist: options.fileMustExist ?? false,
    ...(options.nativeBinding !== undefined ? { nativeBinding: options.nativeBinding } : {})
  })
}

/**
 * Opens an in-memory, read-only copy of a database file's bytes. Reading the file this way can
 * never change it: no lock, no journal, no -wal or -shm file (the newer-database and corruption
 * checks rely on that). Takes ownership of `bytes` (its header may be adjusted).
 */
export function openSqliteSnapshot(bytes: Buffer, binding: SqliteBinding = {}): Db {
  const copy = bytes
  // Bytes 18–19 of the header say "WAL mode" (2); an in-memory database cannot use WAL, so the
  // copy is marked as a rollback-journal database (1). The pages themselves are the same.
  if (copy.length >= 20 && copy[18] === 2 && copy[19] === 2) {
    copy[18] = 1
    copy[19] = 1
  }
  return new Database(copy, {
    readonly: true,
    ...(binding.nativeBinding !== undefined ? { nativeBinding: binding.nativeBinding } : {})
  })
}

export function openSqliteMemory(binding: SqliteBinding = {}): Db {
  return new Database(':memory:', {
    ...(binding.nativeBinding !== undefined ? { nativeBinding: binding.nativeBinding } : {})
  })
}

/** SQLite's own error, recognised without importing its class (it lives on the addon). */
export function isSqliteError(error: unknown): error is Error & { code: string } {
  if (!(error instanceof Error)) return false
  const code: unknown = (error as Error & { code?: unknown }).code
  return typeof code === 'string' && code.startsWith('SQLITE_')
}

/**
 * SQLite could not write: the disk (or a quota, or a file-size limit) is full (SQLITE_FULL), or
 * the write itself failed (SQLITE_IOERR and its extended codes, e.g. SQLITE_IOERR_WRITE).
 */
export function isDiskWriteError(error: unknown): error is Error & { code: string } {
  return (
    isSqliteError(error) && (error.code === 'SQLITE_FULL' || error.code.startsWith('SQLITE_IOERR'))
  )
}
