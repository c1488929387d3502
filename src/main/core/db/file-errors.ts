import { isSqliteError } from './sqlite'

/**
 * A file-system or SQLite failure said in words a clinic can act on, never raw Node text
 * (`EISDIR: illegal operation on a directory, copyfile …`).
 */
export function describeFileError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  switch (code) {
    case 'ENOSPC':
    case 'SQLITE_FULL':
    case 'EDQUOT':
      return 'the disk is full'
    case 'EFBIG':
      return 'the disk is full or does not allow a file this large'
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return 'the folder or file cannot be written to'
    case 'EISDIR':
      return 'a folder is in the way where a file should be'
    case 'ENOTDIR':
    case 'EEXIST':
      return 'a file is in the way where a folder should be'
    case 'ENOENT':
      return 'a file or folder it needs is missing'
    case 'EBUSY':
    case 'SQLITE_BUSY':
      return 'another program is using the file'
    case 'ECHECK':
      return 'the copy did not pass its integrity check'
    case 'EIO':
      return 'the disk reported a read or write error'
    default:
      if (isSqliteError(error) && error.code.startsWith('SQLITE_IOERR')) {
        return 'the disk reported a read or write error'
      }
      return typeof code === 'string' ? `an unexpected error (${code})` : 'an unexpected error'
  }
}
