/**
 * Run by restore-atomic.test.ts in a child process:
 *   restore-probe.ts <dataDir> <backupFileName> <killAfterStep|->
 * Restores the backup; with a step named, the process kills itself (SIGKILL) right after that
 * step, as a power cut would. Prints what happened as one line of JSON otherwise.
 */
import { listBackups } from '../../../src/main/core'
import { restoreBackup } from '../../../src/main/core/db/restore'

const [dataDir = '', fileName = '', killAfter = '-'] = process.argv.slice(2)
const backup = listBackups(dataDir).find((b) => b.fileName === fileName)
if (!backup) throw new Error(`no backup ${fileName}`)
try {
  restoreBackup(dataDir, backup, {
    afterStep: (step) => {
      if (step === killAfter) process.kill(process.pid, 'SIGKILL')
    }
  })
  process.stdout.write(JSON.stringify({ ok: true }))
} catch (error) {
  const { code, message } = error as { code?: unknown; message?: unknown }
  process.stdout.write(JSON.stringify({ ok: false, code, message }))
}
