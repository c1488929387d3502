import type { AcupointFileEntry, MuscleFile } from '../../../shared/atlas/content-schema'
import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'

export interface MuscleRow {
  readonly id: string
  readonly content: MuscleFile
  readonly textHash: string
  readonly contentVersion: number
  readonly updatedAt: string
}

export interface AcupointRow {
  readonly code: string
  readonly content: AcupointFileEntry
  readonly textHash: string
  readonly contentVersion: number
}

interface RawMuscle {
  id: string
  content_json: string
  text_hash: string
  content_version: number
  updated_at: string
}

interface RawPoint {
  code: string
  content_json: string
  text_hash: string
  content_version: number
}

const toMuscle = (row: RawMuscle): MuscleRow => ({
  id: row.id,
  content: JSON.parse(row.content_json) as MuscleFile,
  textHash: row.text_hash,
  contentVersion: row.content_version,
  updatedAt: row.updated_at
})

const toPoint = (row: RawPoint): AcupointRow => ({
  code: row.code,
  content: JSON.parse(row.content_json) as AcupointFileEntry,
  textHash: row.text_hash,
  contentVersion: row.content_version
})

/** The only SQL of the atlas: muscles (with roots and trigger points) and acupoints. */
export class AtlasRepo {
  private readonly s: StatementCache

  constructor(db: Db) {
    this.s = new StatementCache(db)
  }

  muscleHash(id: string): string | null {
    const row = this.s.sql('SELECT text_hash FROM muscles WHERE id = ?').get(id) as
      { text_hash: string } | undefined
    return row?.text_hash ?? null
  }

  /** Writes a muscle with its roots and trigger points (replacing what was there). */
  putMuscle(content: MuscleFile, hash: string, now: string): string[] {
    const previous = this.triggerPointIds(content.id)
    this.s.sql('DELETE FROM muscle_roots WHERE muscle_id = ?').run(content.id)
    this.s.sql('DELETE FROM trigger_points WHERE muscle_id = ?').run(content.id)
    this.s
      .sql(
        `INSERT INTO muscles (id, name, region, content_json, text_hash, content_version, updated_at)
         VALUES (@id, @name, @region, @json, @hash, @version, @now)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, region = excluded.region,
           content_json = excluded.content_json, text_hash = excluded.text_hash,
           content_version = excluded.content_version, updated_at = excluded.updated_at`
      )
      .run({
        id: content.id,
        name: content.name,
        region: content.region,
        json: JSON.stringify(content),
        hash,
        version: content.contentVersion,
        now
      })
    const root = this.s.sql('INSERT OR IGNORE INTO muscle_roots (root, muscle_id) VALUES (?, ?)')
    for (const r of content.innervation.roots) root.run(r, content.id)
    const tp = this.s.sql(
      'INSERT INTO trigger_points (id, muscle_id, position, name) VALUES (?, ?, ?, ?)'
    )
    content.triggerPoints.forEach((t, i) => tp.run(t.id, content.id, i, t.name))
    // Trigger points that the new content no longer has (the caller drops them from the index).
    const kept = new Set(content.triggerPoints.map((t) => t.id))
    return previous.filter((id) => !kept.has(id))
  }

  triggerPointIds(muscleId: string): string[] {
    return (
      this.s
        .sql('SELECT id FROM trigger_points WHERE muscle_id = ? ORDER BY position')
        .all(muscleId) as { id: string }[]
    ).map((r) => r.id)
  }

  muscle(id: string): MuscleRow | null {
    const row = this.s
      .sql(
        'SELECT id, content_json, text_hash, content_version, updated_at FROM muscles WHERE id = ?'
      )
      .get(id) as RawMuscle | undefined
    return row ? toMuscle(row) : null
  }

  allMuscles(): MuscleRow[] {
    return (
      this.s
        .sql(
          'SELECT id, content_json, text_hash, content_version, updated_at FROM muscles ORDER BY name'
        )
        .all() as RawMuscle[]
    ).map(toMuscle)
  }

  /** Muscle ids supplied by any of the roots (uses the root index). */
  muscleIdsByRoots(roots: readonly string[]): string[] {
    return (
      this.s
        .sql(
          'SELECT DISTINCT muscle_id FROM muscle_roots WHERE root IN (SELECT value FROM json_each(?))'
        )
        .all(JSON.stringify(roots)) as { muscle_id: string }[]
    ).map((r) => r.muscle_id)
  }

  triggerPointOwner(id: string): { muscleId: string; name: string; muscleName: string } | null {
    const row = this.s
      .sql(
        `SELECT t.muscle_id AS muscleId, t.name AS name, m.name AS muscleName
         FROM trigger_points AS t JOIN muscles AS m ON m.id = t.muscle_id WHERE t.id = ?`
      )
      .get(id) as { muscleId: string; name: string; muscleName: string } | undefined
    return row ?? null
  }

  acupointHash(code: string): string | null {
    const row = this.s.sql('SELECT text_hash FROM acupoints WHERE code = ?').get(code) as
      { text_hash: string } | undefined
    return row?.text_hash ?? null
  }

  putAcupoint(content: AcupointFileEntry, hash: string, now: string): void {
    this.s
      .sql(
        `INSERT INTO acupoints (code, meridian, number, pinyin, english, region, flags_json,
           has_marker, content_json, text_hash, content_version, updated_at)
         VALUES (@code, @meridian, @number, @pinyin, @english, @region, @flags, @hasMarker, @json,
           @hash, @version, @now)
         ON CONFLICT (code) DO UPDATE SET meridian = excluded.meridian, number = excluded.number,
           pinyin = excluded.pinyin, english = excluded.english, region = excluded.region,
           flags_json = excluded.flags_json, has_marker = excluded.has_marker,
           content_json = excluded.content_json, text_hash = excluded.text_hash,
           content_version = excluded.content_version, updated_at = excluded.updated_at`
      )
      .run({
        code: content.code,
        meridian: content.meridian,
        number: content.number,
        pinyin: content.pinyin,
        english: content.english,
        region: content.region,
        flags: JSON.stringify(content.flags),
        hasMarker: content.marker ? 1 : 0,
        json: JSON.stringify(content),
        hash,
        version: content.contentVersion,
        now
      })
  }

  acupoint(code: string): AcupointRow | null {
    const row = this.s
      .sql('SELECT code, content_json, text_hash, content_version FROM acupoints WHERE code = ?')
      .get(code) as RawPoint | undefined
    return row ? toPoint(row) : null
  }

  /** Every point in the standard order (channel order is applied by the caller). */
  allAcupoints(): AcupointRow[] {
    return (
      this.s
        .sql('SELECT code, content_json, text_hash, content_version FROM acupoints')
        .all() as RawPoint[]
    ).map(toPoint)
  }
}
