import { createHash } from 'node:crypto'
import { ApiError, cutInput } from '../../../shared/api/errors'
import { sanitizeSvg } from '../../../shared/markdown/sanitize-svg'
import { fromBuild } from '../content/build-derived'
import { isoNow } from '../clock'
import type { Clock } from '../clock'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'
import type { WriteGuard } from '../write-guard'

/** The cache key: sha256 of the diagram source, line endings normalised. */
export const diagramKey = (source: string): string =>
  createHash('sha256').update(source.replace(/\r\n?/g, '\n').trim()).digest('hex')

/** What diagramKey() returns: 64 lowercase hex digits. */
export const DIAGRAM_KEY = /^[0-9a-f]{64}$/

/**
 * Rendered mermaid SVG by diagram source, so reopening an article and printing need no mermaid
 * run. The SVG comes from the page (or, for built-in articles, from resources/content/diagrams/),
 * so it is sanitized here before it is stored (S9): what the cache hands back (to the page or
 * into a print document) is always the sanitized form.
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
    this.statements
      .sql(
        `INSERT INTO diagrams (source_hash, svg, created_at) VALUES (?, ?, ?)
         ON CONFLICT (source_hash) DO UPDATE SET svg = excluded.svg, created_at = excluded.created_at`
      )
      .run(diagramKey(source), cleanSvg(svg), isoNow(this.clock))
  }

  /** Whether the cache has an SVG for this key (a diagramKey() value). */
  hasKey(key: string): boolean {
    return (
      this.statements.sql('SELECT 1 FROM diagrams WHERE source_hash = ?').get(key) !== undefined
    )
  }

  /**
   * Stores an SVG under a key computed elsewhere (a shipped diagram, named by its key), sanitized
   * exactly like put(). An SVG the cache already has for this key is never replaced: returns
   * false and changes nothing.
   */
  putIfAbsent(key: string, svg: string): boolean {
    this.guard.assertWritable()
    if (!DIAGRAM_KEY.test(key)) {
      throw new ApiError(
        'invalid_input',
        `"${cutInput(key)}" is not a diagram key (a sha256 in hex).`
      )
    }
    const result = this.statements
      .sql(
        `INSERT INTO diagrams (source_hash, svg, created_at) VALUES (?, ?, ?)
         ON CONFLICT (source_hash) DO NOTHING`
      )
      .run(key, cleanSvg(svg), isoNow(this.clock))
    return result.changes > 0
  }
}

function cleanSvg(svg: string): string {
  // A shipped diagram during its import is sanitized by the build (content/build-derived.ts).
  const clean = fromBuild('clean-svg', svg, sanitizeSvg)
  if (clean === '') {
    throw new ApiError(
      'invalid_input',
      'The diagram could not be saved because the picture is not an SVG drawing.'
    )
  }
  return clean
}
