import type { Db } from '../db/sqlite'
import type { OutputKind } from '../../../shared/api/handouts'
import type { PaperSize } from '../../../shared/handouts/paper'

/**
 * The print log. What it records: handouts (id, language, version), paper, copies, large print,
 * output kind, page count, time, the practitioner named on the sheet and the profile revision.
 * What it never records: the patient's name (there is no column for it).
 */
export interface PrintJobRecord {
  readonly printedAt: string
  readonly output: OutputKind
  readonly paper: PaperSize
  readonly copies: number
  readonly largePrint: boolean
  readonly pageCount: number
  readonly practitioner: string | null
  readonly profileRevision: number
  readonly items: ReadonlyArray<{
    readonly id: string
    readonly lang: string
    readonly version: number
  }>
}

export interface LoggedPrintJob extends PrintJobRecord {
  readonly id: number
  readonly items: ReadonlyArray<{ id: string; lang: string; version: number; title: string }>
}

interface RawJob {
  id: number
  printed_at: string
  output: OutputKind
  paper: PaperSize
  copies: number
  large_print: number
  page_count: number
  practitioner: string | null
  profile_revision: number
}

export class PrintLogRepo {
  constructor(private readonly db: Db) {}

  insert(job: PrintJobRecord): number {
    const result = this.db
      .prepare(
        `INSERT INTO print_log (printed_at, output, paper, copies, large_print, page_count,
           practitioner, profile_revision) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        job.printedAt,
        job.output,
        job.paper,
        job.copies,
        job.largePrint ? 1 : 0,
        job.pageCount,
        job.practitioner,
        job.profileRevision
      )
    const id = Number(result.lastInsertRowid)
    const item = this.db.prepare(
      'INSERT INTO print_log_items (log_id, position, handout_id, lang, version) VALUES (?, ?, ?, ?, ?)'
    )
    job.items.forEach((it, position) => item.run(id, position, it.id, it.lang, it.version))
    return id
  }

  list(limit: number): LoggedPrintJob[] {
    const jobs = this.db
      .prepare('SELECT * FROM print_log ORDER BY printed_at DESC, id DESC LIMIT ?')
      .all(limit) as RawJob[]
    return jobs.map((job) => this.withItems(job))
  }

  get(id: number): LoggedPrintJob | null {
    const job = this.db.prepare('SELECT * FROM print_log WHERE id = ?').get(id) as
      RawJob | undefined
    return job === undefined ? null : this.withItems(job)
  }

  private withItems(job: RawJob): LoggedPrintJob {
    const items = this.db
      .prepare(
        `SELECT i.handout_id AS id, i.lang AS lang, i.version AS version,
                COALESCE(v.title, i.handout_id) AS title
           FROM print_log_items i
           LEFT JOIN handout_versions v
             ON v.handout_id = i.handout_id AND v.lang = i.lang AND v.version = i.version
          WHERE i.log_id = ? ORDER BY i.position`
      )
      .all(job.id) as Array<{ id: string; lang: string; version: number; title: string }>
    return {
      id: job.id,
      printedAt: job.printed_at,
      output: job.output,
      paper: job.paper,
      copies: job.copies,
      largePrint: job.large_print === 1,
      pageCount: job.page_count,
      practitioner: job.practitioner,
      profileRevision: job.profile_revision,
      items
    }
  }
}
