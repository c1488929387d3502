import { isAbsolute, resolve } from 'node:path'
import { ApiError } from '../../shared/api/errors'

export const DATA_DIR_FLAG = '--data-dir'
export const DATA_DIR_ENV = 'POINTBOOK_DATA_DIR'

export interface DataDirSources {
  readonly argv: readonly string[]
  readonly env: Readonly<Record<string, string | undefined>>
  /** The platform's per-user folder (Electron: app.getPath('userData')). */
  readonly defaultDir: string
  /** Relative paths are resolved against this (default: process.cwd()). */
  readonly cwd?: string
}

/**
 * Where the library lives: `--data-dir=PATH` or `--data-dir PATH` wins, then the
 * POINTBOOK_DATA_DIR environment variable, then the default folder. Tests and the e2e harness
 * use the flag to get a fresh library; a clinic can use it to keep the library on another drive.
 */
export function resolveDataDir(sources: DataDirSources): string {
  const cwd = sources.cwd ?? process.cwd()
  const fromFlag = readFlag(sources.argv)
  if (fromFlag !== undefined) return absolute(fromFlag, `the ${DATA_DIR_FLAG} option`, cwd)
  const fromEnv = sources.env[DATA_DIR_ENV]
  if (fromEnv !== undefined) {
    return absolute(fromEnv, `the ${DATA_DIR_ENV} environment variable`, cwd)
  }
  return absolute(sources.defaultDir, 'the default data folder', cwd)
}

/** The flag's value; the last occurrence wins, as with most command-line tools. */
function readFlag(argv: readonly string[]): string | undefined {
  let value: string | undefined
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === DATA_DIR_FLAG) {
      const next = argv[i + 1]
      value = next === undefined || next.startsWith('--') ? '' : next
      if (next !== undefined && !next.startsWith('--')) i++
    } else if (arg.startsWith(`${DATA_DIR_FLAG}=`)) {
      value = arg.slice(DATA_DIR_FLAG.length + 1)
    }
  }
  return value
}

function absolute(path: string, source: string, cwd: string): string {
  if (path.trim() === '') {
    throw new ApiError(
      'invalid_input',
      `The data folder given by ${source} is empty. Give the path of a folder, for example ${DATA_DIR_FLAG}=/path/to/library.`
    )
  }
  return isAbsolute(path) ? resolve(path) : resolve(cwd, path)
}
