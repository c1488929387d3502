import PouchDB from 'pouchdb-node'
import { afterEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../src/main/core'
import type { Library } from '../../src/main/core'
import { libraryInternals } from '../../src/main/core/library'
import { call, draft, tempDir } from './helpers'

/**
 * The clinic's hub can be an Apache CouchDB server. Runs when COUCHDB_URL names one (with
 * COUCHDB_USER and COUCHDB_PASSWORD, a user who may create a database there), e.g.
 * `docker run -e COUCHDB_USER=admin -e COUCHDB_PASSWORD=pw -p 5984:5984 couchdb:3` and
 * COUCHDB_URL=http://127.0.0.1:5984. Without it the test is skipped and says why.
 */
const url = process.env.COUCHDB_URL
const user = process.env.COUCHDB_USER ?? 'admin'
const password = process.env.COUCHDB_PASSWORD ?? ''
if (!url) console.info('network-couchdb: skipped, COUCHDB_URL is not set (no CouchDB server here).')

const open: Library[] = []
afterEach(async () => {
  for (const library of open.splice(0)) {
    const { services } = libraryInternals(library)
    await services.network.close()
    await services.sync.sync.close()
    library.close()
  }
})

describe.skipIf(!url)('a CouchDB server as the clinic hub', () => {
  it('two computers join the same database and an article written on one reaches the other', async () => {
    const database = `${url}/pointbook-test-${process.pid}-${Date.now()}`.replace(
      /([^:])\/\//g,
      '$1/'
    )
    const computers = [0, 1].map(() => {
      const library = openLibrary({
        dataDir: tempDir(),
        resourcesDir: tempDir(),
        warn: () => undefined
      })
      open.push(library)
      return library
    })
    const [first, second] = computers as [Library, Library]
    try {
      for (const library of computers) {
        const report = await call(library, 'network:joinCouchDb', { url: database, user, password })
        expect(report.received).toBe(0)
      }
      const status = await call(first, 'network:status', {})
      expect(status.mode).toBe('couchdb')
      expect(status.client?.address).not.toContain(password || '\u0000')
      await call(first, 'articles:create', draft('Written against CouchDB'))
      const { sync } = libraryInternals(second).services.sync
      const replica = sync.replica
      if (replica === null) throw new Error('no replica')
      const feed = replica.changes({ since: 'now', live: true })
      await new Promise<void>((resolve) => {
        const check = async () => {
          await sync.settled()
          const titles = (await call(second, 'articles:list', {})).map((a) => a.title)
          if (titles.includes('Written against CouchDB')) resolve()
        }
        feed.on('change', () => void check())
        void check()
      })
      feed.cancel()
    } finally {
      await new PouchDB(database, { auth: { username: user, password } })
        .destroy()
        .catch(() => undefined)
    }
  })
})
