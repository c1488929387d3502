/**
 * Run by crash-disk-full.test.ts (D3) in a child process whose files may not grow past a limit
 * (`ulimit -f`: a write past it fails with EFBIG, as on a full disk), or as a user who cannot
 * write the backups folder:
 *   disk-full-probe.ts <dataDir> <resourcesDir> <clockIso>
 * Opens the library, reads what it can and prints what happened as one line of JSON.
 */
import { dispatch } from '../../../src/main/core/api/dispatch'
import { openLibrary } from '../../../src/main/core'

async function main(): Promise<void> {
  const [dataDir, resourcesDir, clockIso] = process.argv.slice(2) as [string, string, string]
  const warnings: string[] = []
  let library: ReturnType<typeof openLibrary>
  try {
    library = openLibrary({
      dataDir,
      resourcesDir,
      platform: { clock: () => new Date(clockIso) },
      warn: (message) => warnings.push(message)
    })
  } catch (error) {
    const { code, message } = error as { code?: unknown; message?: unknown }
    process.stdout.write(JSON.stringify({ opened: false, error: { code, message }, warnings }))
    return
  }
  const info = await dispatch(library.handlers, 'app:info', {})
  const list = await dispatch(library.handlers, 'articles:list', {})
  library.close()
  process.stdout.write(JSON.stringify({ opened: true, info, list, warnings }))
}

main().catch((error: unknown) => {
  process.stdout.write(JSON.stringify({ crashed: String(error) }))
  process.exitCode = 1
})
