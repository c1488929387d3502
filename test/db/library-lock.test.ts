import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, uptime } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../src/main/core/db/library-lock'
import { fileSystemOf, networkFolderReason } from '../../src/main/core/db/network-folder'
import { apiErrorOf, call, draft, openTestLibrary, tempDir } from './helpers'

/** A process id that certainly ran and has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'])
  return Number(child.stdout.toString())
}

const lockOf = (pid: number, bootedAt: number, host = hostname()) =>
  JSON.stringify({ pid, host, bootedAt, since: '2025-03-01T09:00:00.000Z', token: 'old' })

describe('one writer per library (the lock in the data folder)', () => {
  it('a second copy on the same folder opens read-only, naming the first; writes are refused', async () => {
    const first = openTestLibrary()
    const second = openTestLibrary({ dataDir: first.dataDir })
    expect(first.library.info().readOnly).toBe(false)
    const info = second.library.info()
    expect(info.readOnly).toBe(true)
    expect(info.readOnlyReason).toContain(`process ${process.pid} on this computer`)
    const error = await apiErrorOf(() => call(second.library, 'articles:create', draft('No')))
    expect(error.code).toBe('read_only')
    // The first copy still writes.
    await call(first.library, 'articles:create', draft('Yes'))
    second.library.close()
    expect(existsSync(join(first.dataDir, LOCK_FILE))).toBe(true)
  })

  it('is released on close: the next start writes', () => {
    const first = openTestLibrary()
    first.library.close()
    expect(existsSync(join(first.dataDir, LOCK_FILE))).toBe(false)
    const next = openTestLibrary({ dataDir: first.dataDir })
    expect(next.library.info().readOnly).toBe(false)
    // Closing twice does not take away a lock that is no longer this library's.
    first.library.close()
    expect(existsSync(join(first.dataDir, LOCK_FILE))).toBe(true)
  })

  it('a lock left by a crashed process (gone) is taken over', () => {
    const first = openTestLibrary()
    first.library.close()
    writeFileSync(join(first.dataDir, LOCK_FILE), lockOf(deadPid(), Date.now() - uptime() * 1000))
    const next = openTestLibrary({ dataDir: first.dataDir })
    expect(next.library.info().readOnly).toBe(false)
    expect(JSON.parse(readFileSync(join(first.dataDir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
  })

  it('a lock from before the computer restarted is stale even if its process id is in use again', () => {
    const first = openTestLibrary()
    first.library.close()
    const lastWeek = Date.now() - 7 * 24 * 3600 * 1000
    writeFileSync(join(first.dataDir, LOCK_FILE), lockOf(process.pid, lastWeek))
    expect(openTestLibrary({ dataDir: first.dataDir }).library.info().readOnly).toBe(false)
  })

  it('a lock held on another computer is respected (it cannot be checked from here)', () => {
    const first = openTestLibrary()
    first.library.close()
    writeFileSync(join(first.dataDir, LOCK_FILE), lockOf(1, 0, 'front-desk-pc'))
    const info = openTestLibrary({ dataDir: first.dataDir }).library.info()
    expect(info.readOnly).toBe(true)
    expect(info.readOnlyReason).toContain('on the computer "front-desk-pc"')
  })
})

describe('a data folder on a network file system', () => {
  const MOUNTINFO = [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '40 22 0:40 / /mnt/clinic rw,relatime shared:20 - cifs //server/share rw,vers=3.0',
    '41 22 0:41 / /mnt/clinic\\040docs rw,relatime - nfs4 server:/docs rw',
    '42 40 8:2 / /mnt/clinic/local rw - ext4 /dev/sdb1 rw'
  ].join('\n')

  it('is told from the mount table: the longest mount point that holds the folder', () => {
    expect(fileSystemOf('/home/clinic/Pointbook', MOUNTINFO)).toBe('ext4')
    expect(fileSystemOf('/mnt/clinic/Pointbook', MOUNTINFO)).toBe('cifs')
    expect(fileSystemOf('/mnt/clinic docs/Pointbook', MOUNTINFO)).toBe('nfs4')
    expect(fileSystemOf('/mnt/clinic/local/Pointbook', MOUNTINFO)).toBe('ext4')
    expect(fileSystemOf('/mnt/clinicx', MOUNTINFO)).toBe('ext4')
  })

  it('this machine’s temporary folder is local', () => {
    expect(networkFolderReason(tempDir())).toBeNull()
  })
})
