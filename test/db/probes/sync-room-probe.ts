/**
 * Run by sync-kill.test.ts, and killed with SIGKILL:
 *   sync-room-probe.ts <dataDir> <hubDir>
 * A treatment room: opens the library, starts its replica, replicates live into a hub replica
 * (in <hubDir>, in this same process, so the kill also cuts the replication), then saves
 * articles through the real handlers until it is killed, printing `ack <id> <body>` once each
 * save has returned (a pipe write of under PIPE_BUF bytes is whole and synchronous). `open`
 * when it starts saving; `error <text>` for anything unexpected.
 */
import { openLibrary } from '../../../src/main/core'
import { dispatch } from '../../../src/main/core/api/dispatch'
import { libraryInternals } from '../../../src/main/core/library'
import { REPLICA_DB, replicaPouch } from '../../../src/main/core/sync/sync-port'

const say = (line: string): void => {
  process.stdout.write(`${line}\n`)
}

async function main(): Promise<void> {
  const [dataDir, hubDir] = process.argv.slice(2) as [string, string]
  const library = openLibrary({ dataDir, resourcesDir: `${dataDir}-resources`, warn: say })
  const { sync } = libraryInternals(library).services.sync
  const Hub = replicaPouch(hubDir)
  sync.connect(new Hub(REPLICA_DB))
  say('open')
  for (let n = 1; ; n += 1) {
    const body = `Saved in the room, number ${n}.`
    const created = await dispatch(library.handlers, 'articles:create', {
      title: `Room note ${n}`,
      body,
      category: 'ims',
      tags: [],
      summary: ''
    })
    if (!created.ok) throw new Error(created.error.message)
    say(`ack ${(created.value as { id: string }).id} ${body}`)
    // Lets the drain and the live replication run between saves.
    await new Promise((resolve) => setImmediate(resolve))
  }
}

main().catch((error: unknown) => say(`error ${String(error)}`))
