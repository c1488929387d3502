/**
 * The part of PouchDB the core uses, typed here instead of by @types/pouchdb-node: those types
 * pull the browser's DOM library into the main process's build (`/// <reference lib="dom" />` in
 * @types/pouchdb-core), which breaks Node's Buffer types across the whole core. tsconfig's
 * `paths` points 'pouchdb-node' here. Only what is used is declared; add to it as needed.
 */
declare global {
  namespace PouchDB {
    namespace Core {
      interface Document {
        readonly _id: string
        readonly [field: string]: unknown
      }
      type ExistingDocument<Content extends object = object> = Content & {
        _id: string
        _rev: string
        _conflicts?: string[]
        _revisions?: { start: number; ids: string[] }
      }
      interface Response {
        ok: true
        id: string
        rev: string
      }
      interface Error {
        error?: boolean
        status?: number
        name?: string
        message?: string
        reason?: string
        id?: string
      }
      interface DatabaseInfo {
        db_name: string
        doc_count: number
        update_seq: number | string
      }
      interface ChangesResultItem {
        id: string
        seq: number | string
        changes: { rev: string }[]
        deleted?: boolean
        doc?: ExistingDocument
      }
      interface ChangesResponse {
        results: ChangesResultItem[]
        last_seq: number | string
      }
      interface ChangesOptions {
        since?: number | string | 'now'
        live?: boolean
        limit?: number
        include_docs?: boolean
        conflicts?: boolean
        style?: 'main_only' | 'all_docs'
        doc_ids?: string[]
      }
      interface Changes<Content extends object = object> extends Promise<ChangesResponse> {
        on(event: 'change', listener: (change: ChangesResultItem) => void): this
        on(event: 'complete', listener: (info: ChangesResponse) => void): this
        on(event: 'error', listener: (error: unknown) => void): this
        cancel(): void
        /** Types only: the documents' content. */
        readonly __content?: Content
      }
      interface GetOptions {
        rev?: string
        conflicts?: boolean
        revs?: boolean
        open_revs?: 'all' | string[]
      }
      interface AllDocsOptions {
        startkey?: string
        endkey?: string
        keys?: string[]
        include_docs?: boolean
        limit?: number
      }
      interface AllDocsResponse {
        total_rows: number
        rows: {
          id: string
          key: string
          value: { rev: string; deleted?: boolean }
          doc?: ExistingDocument
        }[]
      }
      interface BulkGetResponse {
        results: { id: string; docs: ({ ok: ExistingDocument } | { error: Error })[] }[]
      }
    }

    namespace Configuration {
      interface DatabaseConfiguration {
        prefix?: string
        auto_compaction?: boolean
        revs_limit?: number
      }
      interface RemoteDatabaseConfiguration extends DatabaseConfiguration {
        fetch?: (url: string, init?: unknown) => Promise<unknown>
        skip_setup?: boolean
        skipSetup?: boolean
        auth?: { username: string; password: string }
      }
    }

    namespace Replication {
      interface ReplicateOptions {
        live?: boolean
        retry?: boolean
        since?: number | string
        batch_size?: number
        batches_limit?: number
        back_off_function?: (delay: number) => number
        /** Only these documents (tests replicate one document ahead of the rest). */
        doc_ids?: string[]
      }
      interface ReplicationResult {
        ok: boolean
        docs_read: number
        docs_written: number
        doc_write_failures: number
        last_seq?: number | string
      }
      interface Replication<Content extends object = object> extends Promise<ReplicationResult> {
        on(
          event: 'change',
          listener: (info: ReplicationResult & { pending?: number }) => void
        ): this
        on(event: 'paused', listener: (error: unknown) => void): this
        on(event: 'active', listener: () => void): this
        on(event: 'denied' | 'error', listener: (error: unknown) => void): this
        on(event: 'complete', listener: (info: ReplicationResult) => void): this
        once(
          event: 'change' | 'paused' | 'active' | 'denied' | 'error' | 'complete',
          listener: (value: unknown) => void
        ): this
        cancel(): void
        readonly __content?: Content
      }
    }

    interface Database<Content extends object = object> {
      readonly name: string
      info(): Promise<Core.DatabaseInfo>
      get<Found extends object = Content>(
        id: string,
        options?: Core.GetOptions
      ): Promise<Core.ExistingDocument<Found>>
      put(doc: Core.Document & { _rev?: string }): Promise<Core.Response>
      bulkDocs(
        docs: readonly object[],
        options?: { new_edits?: boolean }
      ): Promise<(Core.Response | Core.Error)[]>
      bulkGet(options: {
        docs: { id: string; rev?: string }[]
        revs?: boolean
        attachments?: boolean
      }): Promise<Core.BulkGetResponse>
      allDocs(options?: Core.AllDocsOptions): Promise<Core.AllDocsResponse>
      changes(options?: Core.ChangesOptions): Core.Changes<Content>
      close(): Promise<void>
      destroy(): Promise<void>
      replicate: {
        to(
          target: Database | string,
          options?: Replication.ReplicateOptions
        ): Replication.Replication<Content>
        from(
          source: Database | string,
          options?: Replication.ReplicateOptions
        ): Replication.Replication<Content>
      }
      sync(
        remote: Database | string,
        options?: Replication.ReplicateOptions
      ): Replication.Replication<Content>
    }

    interface Static {
      new <Content extends object = object>(
        name: string,
        options?: Configuration.RemoteDatabaseConfiguration
      ): Database<Content>
      defaults(options: Configuration.DatabaseConfiguration): Static
      replicate(
        source: Database | string,
        target: Database | string,
        options?: Replication.ReplicateOptions
      ): Replication.Replication
    }
  }
}

declare const PouchDB: PouchDB.Static
export default PouchDB
