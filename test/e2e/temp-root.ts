import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/**
 * vitest globalSetup of the e2e project: every temporary folder of the run (libraries, saved
 * PDFs, second backup folders, Chromium's profiles) goes under one folder made here, removed when
 * the run ends. Without it each run left ~40 libraries of ~5 MB each in /tmp. The workers are
 * started after this runs and inherit TMPDIR, which os.tmpdir() reads on every call.
 */
export default function setup(): () => void {
  const root = mkdtempSync(join(tmpdir(), 'pointbook-e2e-run-'))
  // Every worker of the run inherits TMPDIR, not only e2e's: like /tmp, open to all with the
  // sticky bit, since a db test runs a probe as "nobody" that writes its tsx cache there.
  chmodSync(root, 0o1777)
  const previous = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (previous === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = previous
    rmSync(root, { recursive: true, force: true })
  }
}
