import { readFileSync, realpathSync } from 'node:fs'
import { resolve, sep } from 'node:path'

/**
 * SQLite's WAL mode needs shared memory on a local disk; on a network file system locking is
 * unreliable and a library can be damaged by two computers writing at once
 * (sqlite.org/wal.html, "WAL does not work over a network filesystem"). A data folder there is
 * refused for writing. Sharing between the clinic's computers is the clinic-network feature's job.
 */
const NETWORK_FILE_SYSTEMS = new Set([
  'nfs',
  'nfs4',
  'cifs',
  'smb3',
  'smbfs',
  'afs',
  'ceph',
  'glusterfs',
  'davfs',
  'fuse.sshfs',
  'fuse.rclone',
  'fuse.glusterfs',
  '9p',
  'ncpfs',
  'coda'
])

/** Why this folder is on a network file system, or null when it is local (or cannot be told). */
export function networkFolderReason(dataDir: string): string | null {
  if (process.platform === 'win32') {
    return /^\\\\(?![?.]\\)/.test(dataDir) ? explain(dataDir, 'a network share') : null
  }
  if (process.platform !== 'linux') return null
  let mounts: string
  try {
    mounts = readFileSync('/proc/self/mountinfo', 'utf8')
  } catch {
    return null
  }
  const fsType = fileSystemOf(realFolder(dataDir), mounts)
  return fsType !== null && NETWORK_FILE_SYSTEMS.has(fsType)
    ? explain(dataDir, `a network file system (${fsType})`)
    : null
}

/**
 * The file-system type of the mount holding `path`, from the text of /proc/self/mountinfo: the
 * longest mount point that contains the path. Exported for tests.
 */
export function fileSystemOf(path: string, mountinfo: string): string | null {
  let best: { point: string; type: string } | null = null
  for (const line of mountinfo.split('\n')) {
    // "36 35 98:0 /mnt1 /mnt/parent rw,noatime master:1 - ext3 /dev/root rw,errors=continue"
    const [left, right] = line.split(' - ')
    if (!left || !right) continue
    const point = unescapeMount(left.split(' ')[4] ?? '')
    const type = right.split(' ')[0] ?? ''
    if (!contains(point, path)) continue
    if (best === null || point.length >= best.point.length) best = { point, type }
  }
  return best?.type ?? null
}

const contains = (point: string, path: string): boolean =>
  point === '/' || path === point || path.startsWith(point.endsWith(sep) ? point : point + sep)

/** mountinfo writes a space as \040 (and tab, newline, backslash likewise). */
const unescapeMount = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)))

function realFolder(dataDir: string): string {
  try {
    return realpathSync(dataDir)
  } catch {
    return resolve(dataDir)
  }
}

const explain = (dataDir: string, what: string): string =>
  `The data folder ${dataDir} is on ${what}. Pointbook keeps its library on a local disk only ` +
  '(SQLite cannot lock a library safely over a network, and two computers could damage it), so ' +
  'it opened read-only. Choose a folder on this computer; to share the library between the ' +
  "clinic's computers, use clinic sharing instead of a shared folder."
