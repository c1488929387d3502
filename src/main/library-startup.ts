import { isApiErrorData } from '../shared/api/errors'

/** A native message box, reduced to what start-up needs; resolves to the chosen button's index. */
export interface StartupPrompt {
  readonly type: 'error' | 'warning'
  readonly message: string
  readonly detail: string
  readonly buttons: readonly string[]
  readonly defaultId: number
  readonly cancelId: number
}

export interface LibraryStartup<L> {
  readonly dataDir: string
  readonly open: () => L
  /**
   * Opens a new, empty library, keeping the current file aside (never deleted): only after the
   * clinic chose it and confirmed (`openLibrary({ startNewLibrary: true })`).
   */
  readonly openNew: () => L
  /** Whether a backup that passes its check exists (the core's findLatestGoodBackup). */
  readonly hasGoodBackup: () => boolean
  /**
   * The core's `restoreLatestBackup(dataDir)`: puts the newest good backup in place. May return
   * a sentence for the clinic about what was restored (shown before the library opens).
   */
  readonly restoreLatestBackup: () => string | void | Promise<string | void>
  readonly ask: (prompt: StartupPrompt) => Promise<number>
}

const RESTORE_EXPLAINED =
  'Restoring puts the latest good backup in its place; the current file is kept aside, not deleted.'
const START_NEW_EXPLAINED =
  'A new library has the built-in articles, atlas and handouts, but none of your notes or edits. ' +
  'The current file and every backup are kept: you can restore a backup later in ' +
  'Settings → Backups.'

/**
 * Opens the library, and when that fails says why in a native dialog instead of a blank window.
 * A database from a newer version is refused (D7); a damaged one can be replaced by the latest
 * backup (D5). Nothing is ever deleted here: the core keeps the damaged file aside. Resolves to
 * null when the app should quit.
 */
export async function openLibraryWithRecovery<L>(startup: LibraryStartup<L>): Promise<L | null> {
  const first = tryOpen(startup)
  if (first.ok) return first.library
  const { code, message } = describeFailure(first.error)
  const where = `Library folder: ${startup.dataDir}`
  if (code === 'corrupt_database') return recoverFromBackup(startup, message, where)
  if (code === 'newer_database') {
    await tell(startup, 'This library was saved by a newer version of Pointbook.', where, [
      message,
      'Nothing was changed. Install the newer version of Pointbook to open it.'
    ])
  } else {
    await tell(startup, 'Pointbook could not open its library.', where, [message])
  }
  return null
}

/**
 * D5: offer the latest backup (restored only when the clinic says so), or a new, empty library
 * after a second, explicit confirmation, or quitting with nothing changed.
 */
async function recoverFromBackup<L>(
  startup: LibraryStartup<L>,
  damage: string,
  where: string
): Promise<L | null> {
  const hasBackup = startup.hasGoodBackup()
  const choices = hasBackup ? (['restore', 'new', 'quit'] as const) : (['new', 'quit'] as const)
  const labels = {
    restore: 'Restore latest backup',
    new: 'Start a new, empty library…',
    quit: 'Quit'
  }
  const picked = await startup.ask({
    type: 'error',
    message: 'The Pointbook library is damaged or missing.',
    detail: [damage, hasBackup ? RESTORE_EXPLAINED : '', where].filter(Boolean).join('\n\n'),
    buttons: choices.map((choice) => labels[choice]),
    defaultId: 0,
    cancelId: choices.length - 1
  })
  const choice = choices[picked] ?? 'quit'
  if (choice === 'quit') return null
  if (choice === 'new') return startNewLibrary(startup, where)
  let restored: string | void
  try {
    restored = await startup.restoreLatestBackup()
  } catch (error) {
    await tell(startup, 'The backup could not be restored.', where, [
      describeFailure(error).message
    ])
    return null
  }
  if (typeof restored === 'string' && restored !== '') {
    await startup.ask({
      type: 'warning',
      message: 'The latest backup was restored.',
      detail: [restored, where].join('\n\n'),
      buttons: ['Open Pointbook'],
      defaultId: 0,
      cancelId: 0
    })
  }
  const second = tryOpen(startup)
  if (second.ok) return second.library
  const reason = describeFailure(second.error).message
  await tell(startup, 'Pointbook could not open the restored library.', where, [reason])
  return null
}

/** Asked twice on purpose: an empty library must never be the result of one hurried click. */
async function startNewLibrary<L>(startup: LibraryStartup<L>, where: string): Promise<L | null> {
  const confirmed = await startup.ask({
    type: 'warning',
    message: 'Start a new, empty library?',
    detail: [START_NEW_EXPLAINED, where].join('\n\n'),
    buttons: ['Start a new library', 'Quit'],
    defaultId: 1,
    cancelId: 1
  })
  if (confirmed !== 0) return null
  try {
    return startup.openNew()
  } catch (error) {
    await tell(startup, 'Pointbook could not start a new library.', where, [
      describeFailure(error).message
    ])
    return null
  }
}

type OpenAttempt<L> = { ok: true; library: L } | { ok: false; error: unknown }

function tryOpen<L>(startup: LibraryStartup<L>): OpenAttempt<L> {
  try {
    return { ok: true, library: startup.open() }
  } catch (error) {
    return { ok: false, error }
  }
}

/**
 * A typed core error (ApiError) carries a message meant for people; anything else is logged and
 * summarised, so no stack trace reaches the dialog.
 */
function describeFailure(error: unknown): { code: string | null; message: string } {
  if (isApiErrorData(error)) return { code: error.code, message: error.message }
  console.error('Pointbook: opening the library failed', error)
  const message = error instanceof Error ? error.message : String(error)
  return { code: null, message }
}

/** An error dialog with a single Quit button. */
async function tell(
  startup: LibraryStartup<unknown>,
  message: string,
  where: string,
  reasons: readonly string[]
): Promise<void> {
  await startup.ask({
    type: 'error',
    message,
    detail: [...reasons, where].join('\n\n'),
    buttons: ['Quit'],
    defaultId: 0,
    cancelId: 0
  })
}
