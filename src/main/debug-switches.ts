/**
 * Switches that open a packaged Pointbook to a debugger: Chromium's remote debugging (any page,
 * the library's content and the bridge) and Node's inspector on the main process. The fuses turn
 * off Node's `--inspect` family and `NODE_OPTIONS` in the binary (docs/packaging.md); Chromium's
 * remote debugging has no fuse, so a packaged app refuses to start with any of them.
 */
const DEBUG_SWITCHES = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
  'js-flags'
])

/**
 * The debugging switches on a command line (`--name`, `--name=value`, and the `-name` and, on
 * Windows, `/name` spellings Chromium also accepts), in the order given. Arguments after `--` are
 * the app's own and are ignored, as Chromium ignores them.
 */
export function debuggingSwitches(argv: readonly string[], platform = process.platform): string[] {
  const found: string[] = []
  for (const arg of argv.slice(1)) {
    if (arg === '--') break
    const match = (platform === 'win32' ? /^(?:--?|\/)([^=]+)/ : /^--?([^=]+)/).exec(arg)
    const name = match?.[1]?.toLowerCase()
    if (name !== undefined && DEBUG_SWITCHES.has(name)) found.push(`--${name}`)
  }
  return found
}

export interface PackagedStart {
  readonly isPackaged: boolean
  readonly argv: readonly string[]
  /** Tells the person starting the app why it will not start (dialog.showErrorBox). */
  readonly refuse: (message: string) => void
}

/**
 * Whether this start may go on: a packaged app given a debugging switch says so and stops
 * before any window, library or IPC exists. Development builds keep every switch.
 */
export function startAllowed(start: PackagedStart): boolean {
  if (!start.isPackaged) return true
  const found = debuggingSwitches(start.argv)
  if (found.length === 0) return true
  start.refuse(
    `Pointbook does not start with debugging switches (${found.join(', ')}): they would let ` +
      'another program read the library. Start Pointbook from its shortcut.'
  )
  return false
}
