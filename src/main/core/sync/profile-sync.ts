import { ApiError } from '../../../shared/api/errors'
import * as syncApi from '../../../shared/api/sync'
import { clinicWidePart } from '../settings/clinic-wide'
import type { ClinicWideProfile } from '../settings/clinic-wide'
import { validateLogo } from '../settings/logo'
import type { SettingsService } from '../settings/settings-service'
import { schemaRefusal } from './replica-check'
import { sameContent } from './replica-docs'
import type { ReplicaDoc, SharedDoc } from './replica-docs'
import type { ReplicaItem, SharedKind } from './shared-kind'
import type { SyncStore } from './sync-store'

const KIND = 'profile'
/** The one item of this kind: the clinic. */
const ITEM = 'clinic'
const MAIN = 'clinic-profile'

/** A document's own fields (without the replica's `_id`, `_rev`, `_conflicts`). */
const fieldsOf = (doc: ReplicaDoc): Record<string, unknown> =>
  Object.fromEntries(Object.entries(doc).filter(([key]) => !key.startsWith('_')))

/**
 * The clinic profile on the clinic network: one document, `clinic-profile`, with the clinic's
 * name, contact lines, practitioners, footer lines, default paper and handout language, and its
 * logo (its bytes, checked again on arrival). This computer's printer and start screen are not in
 * it (settings/clinic-wide.ts). Each computer keeps the profile's versions as it always did (the
 * print log points at one); a version saved elsewhere at the same time is kept as one of them,
 * and flagged (`sync:conflicts`, kind 'profile', item 'clinic') until someone looks.
 */
export class ProfileSync implements SharedKind {
  readonly kind = KIND

  constructor(
    private readonly store: SyncStore,
    private readonly settings: SettingsService
  ) {}

  mainId = (): string => MAIN
  // No revision documents: nothing is listed under this prefix.
  revisionPrefix = (): string => `${MAIN}-revision:`
  itemOf = (docId: string): string | null => (docId === MAIN ? ITEM : null)

  /** The Settings form's rules, and the logo checked as a chosen file is (SVG sanitized). */
  refusal(_itemId: string, doc: ReplicaDoc): string | null {
    const fields = fieldsOf(doc)
    const wrong = schemaRefusal(syncApi.replicaProfileSchema, fields)
    const logo = fields['logo'] as { dataBase64: string } | null
    if (wrong !== null || logo === null) return wrong
    try {
      validateLogo('logo', logo.dataBase64)
      return null
    } catch (error) {
      if (error instanceof ApiError) return `logo: ${error.message}`
      throw error
    }
  }

  localDocs(): SharedDoc[] {
    const profile = this.settings.getProfile()
    if (!profile.isSet) return []
    const { logo, revision: _revision, isSet: _isSet, ...draft } = profile
    return [
      {
        _id: MAIN,
        type: 'clinic-profile',
        ...clinicWidePart(draft),
        logo: logo === null ? null : { mime: logo.mime, dataBase64: logo.dataBase64 }
      }
    ]
  }

  apply(_itemId: string, replica: ReplicaItem, now: string): void {
    const { winner } = replica
    if (winner === null) return
    // A version saved elsewhere at the same time is kept (once) as a profile version and flagged
    // until someone looks (Settings shows the notice). On the computer whose save lost, the other
    // version is its own last write, which is its newest profile version already.
    const own = this.store.knownRev(MAIN)
    for (const leaf of replica.losers) {
      if (this.store.localRevision(KIND, ITEM, leaf._rev) === null) {
        if (leaf._rev === own) this.mapOwn(leaf)
        else this.receive(leaf)
      }
      this.store.addConflict(KIND, ITEM, leaf._rev, now)
    }
    // A version flagged as the other one that the engine shows now is no longer "the other".
    this.store.dropConflict(KIND, ITEM, winner._rev)
    // The engine's winner is written last: it is the profile in use, the same on every computer.
    const current = this.localDocs()[0]
    if (current === undefined || !sameContent(current, winner)) this.receive(winner)
  }

  /** This computer's own last write: the profile version it shows now holds its fields. */
  private mapOwn(leaf: ReplicaDoc): void {
    const current = this.localDocs()[0]
    if (current === undefined || !sameContent(current, leaf)) this.receive(leaf)
    else this.store.mapRevision(KIND, ITEM, this.settings.getProfile().revision, leaf._rev)
  }

  private receive(doc: ReplicaDoc): void {
    const { type: _type, logo, ...clinicWide } = fieldsOf(doc)
    const logoBase64 = (logo as { dataBase64: string } | null)?.dataBase64 ?? null
    const revision = this.settings.receiveClinicWide(clinicWide as ClinicWideProfile, logoBase64)
    this.store.mapRevision(KIND, ITEM, revision, doc._rev)
  }
}
