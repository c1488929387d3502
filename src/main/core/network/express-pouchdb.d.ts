// express-pouchdb ships no types: only what hub-server.ts uses.
declare module 'express-pouchdb' {
  import type { IncomingMessage, ServerResponse } from 'node:http'

  interface ExpressPouchDbOptions {
    mode?: 'minimumForPouchDB' | 'fullCouchDB' | 'custom'
    overrideMode?: { include?: string[]; exclude?: string[] }
  }

  interface ExpressPouchDbApp {
    (req: IncomingMessage, res: ServerResponse): void
    setPouchDB(constructor: PouchDB.Static): Promise<void>
  }

  function expressPouchDb(options?: ExpressPouchDbOptions): ExpressPouchDbApp
  export = expressPouchDb
}
