import { foundation } from './001-foundation'
import { handouts } from './002-handouts'
import { atlas } from './003-atlas'
import { contentImports } from './004-content-imports'
import { searchIdentity } from './005-search-identity'
import { handoutVisibility } from './006-handout-visibility'
import { clinicSync } from './007-clinic-sync'
import { sharedNotes } from './008-shared-notes'
import { sharedProfile } from './009-shared-profile'
import type { Migration } from './types'

export type { Migration } from './types'

/**
 * Every schema version, oldest first; `PRAGMA user_version` holds the last one applied.
 * Never edit or reorder a migration that has shipped: append a new one.
 */
export const MIGRATIONS: readonly Migration[] = [
  foundation,
  handouts,
  atlas,
  contentImports,
  searchIdentity,
  handoutVisibility,
  clinicSync,
  sharedNotes,
  sharedProfile
]

export const LATEST_SCHEMA_VERSION: number = MIGRATIONS[MIGRATIONS.length - 1]?.version ?? 0
