import type { Migration } from './types'

/**
 * The clinic profile and logo, and which handouts the front desk hides, join the clinic network
 * (docs/clinic-network.md): every saved version of the profile puts the profile in the outbox
 * (the sync module sends its clinic-wide part; a change of this computer's printer or start
 * screen only is found unchanged and not sent), and hiding or showing a handout puts that
 * handout's front-desk setting in it. A library that saved either before this version sends it
 * once. Never edit once shipped.
 */
export const sharedProfile: Migration = {
  version: 9,
  name: 'shared profile and front desk',
  up(db) {
    db.exec(`
      CREATE TRIGGER IF NOT EXISTS sync_clinic_profiles_after_insert AFTER INSERT ON clinic_profiles
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
      BEGIN
        INSERT INTO sync_outbox (kind, item_id) VALUES ('profile', 'clinic');
      END;

      CREATE TRIGGER IF NOT EXISTS sync_hidden_handouts_after_insert AFTER INSERT ON hidden_handouts
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
      BEGIN
        INSERT INTO sync_outbox (kind, item_id) VALUES ('front-desk', new.handout_id);
      END;

      CREATE TRIGGER IF NOT EXISTS sync_hidden_handouts_after_delete AFTER DELETE ON hidden_handouts
        WHEN NOT EXISTS (SELECT 1 FROM sync_applying)
      BEGIN
        INSERT INTO sync_outbox (kind, item_id) VALUES ('front-desk', old.handout_id);
      END;

      INSERT INTO sync_outbox (kind, item_id)
        SELECT 'profile', 'clinic' WHERE EXISTS (SELECT 1 FROM clinic_profiles)
        UNION ALL SELECT 'front-desk', handout_id FROM hidden_handouts;
    `)
  }
}
