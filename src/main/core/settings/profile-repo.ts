import type { Db } from '../db/sqlite'
import { StatementCache } from '../db/statements'

export interface StoredLogo {
  readonly hash: string
  readonly mime: 'image/png' | 'image/jpeg' | 'image/svg+xml'
  readonly data: Buffer
  readonly width: number | null
  readonly height: number | null
}

export interface StoredProfile {
  readonly revision: number
  readonly profileJson: string
  readonly logoHash: string | null
  readonly savedAt: string
}

/** The clinic profile's revisions and the logos they point at. The only SQL for settings. */
export class ProfileRepo {
  /** Prepared once: search asks for the latest profile's handout language while ranking hits. */
  private readonly statements: StatementCache

  constructor(private readonly db: Db) {
    this.statements = new StatementCache(db)
  }

  latest(): StoredProfile | null {
    return this.map(
      this.statements.sql('SELECT * FROM clinic_profiles ORDER BY revision DESC LIMIT 1').get()
    )
  }

  byRevision(revision: number): StoredProfile | null {
    return this.map(
      this.db.prepare('SELECT * FROM clinic_profiles WHERE revision = ?').get(revision)
    )
  }

  insert(profileJson: string, logoHash: string | null, savedAt: string): number {
    const result = this.db
      .prepare('INSERT INTO clinic_profiles (profile_json, logo_hash, saved_at) VALUES (?, ?, ?)')
      .run(profileJson, logoHash, savedAt)
    return Number(result.lastInsertRowid)
  }

  logo(hash: string): StoredLogo | null {
    const row = this.db.prepare('SELECT * FROM clinic_logos WHERE hash = ?').get(hash) as
      | {
          hash: string
          mime: StoredLogo['mime']
          data: Buffer
          width: number | null
          height: number | null
        }
      | undefined
    return row === undefined ? null : { ...row }
  }

  putLogo(logo: StoredLogo): void {
    this.db
      .prepare(
        `INSERT INTO clinic_logos (hash, mime, data, width, height) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (hash) DO NOTHING`
      )
      .run(logo.hash, logo.mime, logo.data, logo.width, logo.height)
  }

  private map(row: unknown): StoredProfile | null {
    if (row === undefined) return null
    const r = row as {
      revision: number
      profile_json: string
      logo_hash: string | null
      saved_at: string
    }
    return {
      revision: r.revision,
      profileJson: r.profile_json,
      logoHash: r.logo_hash,
      savedAt: r.saved_at
    }
  }
}
