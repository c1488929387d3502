import { createHash } from 'node:crypto'
import { ApiError } from '../../../shared/api'
import { sanitizeSvg } from '../../../shared/markdown/sanitize-svg'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import type { WriteGuard } from '../write-guard'

/** The cache key: sha256 of the diagram source, line endings normalised. */
export const diagramKey = (source: string): string =>
  createHash('sha256').update(source.replace(/\r\n?/g, '\n').trim()).digest('hex')

/**
 * Rendered mermaid SVG by diagram source, so reopening an article and printing need no mermaid
 * run. The SVG comes from the page, so it is sanitized here before it is stored (S9): what the
 * cache hands back (to the page or into a print document) is always the sanitized form.
 */
export class DiagramCache {
  private readonly statements: StatementCache

  constructor(
    db: Db,
    private readonly clock: Clock,
    private readonly guard: WriteGuard
  ) {
    this.statements = new StatementCache(db)
  }

  get(source: string): string | null {
    const row = this.statements
      .sql('SELECT svg FROM diagrams WHERE source_hash = ?')
      .get(diagramKey(source)) as { svg: string } | undefined
    return row?.svg ?? null
  }

  put(source: string, svg: string): void {
    this.guard.assertWritable()
    const clean = sanitizeSvg(svg)
    if (clean === '') {
      throw new ApiError(
        'invalid_input',
        'The diagram could not be saved because the picture is not an SVG drawing.'
      )
    }
    this.statements
      .sql(
        `INSERT INTO diagrams (source_hash, svg, created_at) VALUES (?, ?, ?)
         ON CONFLICT (source_hash) DO UPDATE SET svg = excluded.svg, created_at = excluded.created_at`
      )
      .run(diagramKey(source), clean, isoNow(this.clock))
  }
}
