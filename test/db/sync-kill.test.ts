import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { describe, expect, it, onTestFinished } from 'vitest'
import { call, tempDir } from './helpers'
import { converge, openRoom } from './sync-fixtures'
import { REPLICA_DB, replicaPouch } from '../../src/main/core/sync/sync-port'

const ROOT = resolve(__dirname, '../..')
const PROBE = join(__dirname, 'probes', 'sync-room-probe.ts')

/** Runs the room until it has acknowledged `acks` saves, then kills it with SIGKILL. */
function runRoomUntilKilled(dataDir: string, hubDir: string, acks: number) {
  const child = spawn(process.execPath, ['--import', 'tsx', PROBE, dataDir, hubDir], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe']
  })
  const acked = new Map<string, string>()
  const problems: string[] = []
  let pending = ''
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => problems.push(chunk))
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    pending += chunk
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n')) {
      const line = pending.slice(0, end)
      pending = pending.slice(end + 1)
      const ack = /^ack (\S+) (.*)$/.exec(line)
      if (ack !== null) {
        acked.set(ack[1] ?? '', ack[2] ?? '')
        if (acked.size >= acks) child.kill('SIGKILL')
      } else if (line !== 'open') problems.push(line)
    }
  })
  return new Promise<{ acked: Map<string, string>; problems: string[]; signal: string | null }>(
    (done) => child.on('close', (_code, signal) => done({ acked, problems, signal }))
  )
}

describe('a room killed mid-replication', () => {
  it('loses no acknowledged save: the outbox replays at the next open and the hub gets them all', async () => {
    const roomDir = tempDir('pointbook-room-')
    const hubDir = tempDir('pointbook-hub-')
    const run = await runRoomUntilKilled(roomDir, hubDir, 40)
    expect(run.signal).toBe('SIGKILL')
    expect(run.problems).toEqual([])
    expect(run.acked.size).toBeGreaterThanOrEqual(40)

    // The room opens again (its replica is started at every open once it shared), and the hub
    // comes back; a second room joins and gets every acknowledged save.
    const room = openRoom({ dataDir: roomDir })
    const Hub = replicaPouch(hubDir)
    const hub = new Hub(REPLICA_DB)
    onTestFinished(() => hub.close())
    const other = openRoom()
    await converge([room, other], hub)
    for (const [id, body] of run.acked) {
      expect((await call(room.library, 'articles:get', { id })).body).toBe(body)
      expect((await call(other.library, 'articles:get', { id })).body).toBe(body)
    }
    expect(await call(other.library, 'sync:conflicts', {})).toEqual([])
  })
})
