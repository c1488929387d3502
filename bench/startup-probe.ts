/**
 * One start of the core as its own process (bench/startup-bench.ts bundles this file the way the
 * app's main process is bundled, and runs it): opens the library in argv[2] with the built-ins of
 * argv[3] and asks for the route the window opens on, which is what the shell does before its
 * first window (src/main/bootstrap.ts); with `--first-request` it then also answers the first
 * screen's request (the article list, through the contract as IPC does). It closes the library
 * and prints one JSON line with the process's CPU time so far. The floor is startup-floor.ts.
 */
import { openLibrary } from '../src/main/core'
import { printProbeResult } from './probe-result'

async function main(): Promise<void> {
  const [dataDir = '', resourcesDir = '', mode = ''] = process.argv.slice(2)
  const warnings: string[] = []
  const started = performance.now()
  const library = openLibrary({
    dataDir,
    resourcesDir,
    // The shell passes the OS locale (app.getLocale(), src/main/print-window.ts).
    platform: { locale: 'en-US' },
    warn: (message) => warnings.push(message)
  })
  library.startHash()
  if (mode === '--first-request') {
    const result = await library.call('articles:list', {})
    if (!result.ok) warnings.push(`articles:list failed: ${result.error.message}`)
  }
  const opened = performance.now()
  library.close()
  printProbeResult({ openMs: opened - started, closeMs: performance.now() - opened, warnings })
}

void main()
