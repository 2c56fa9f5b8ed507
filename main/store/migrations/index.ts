import type { Migration } from './migration';
import { migration001Initial } from './001_initial';
import { migration002SigningIdentities } from './002_signing_identities';
import { migration003ExportLeases } from './003_export_leases';
import { migration004ImportSignerTrust } from './004_import_signer_trust';
import { migration005AuditActor } from './005_audit_actor';
import { migration007EvidenceWithholdDetails } from './007_evidence_withhold_details';
import { migration008Contributions } from './008_contributions';
import { migration009ReadPathIndexes } from './009_read_path_indexes';
import { migration010EvidenceRemovals } from './010_evidence_removals';
import { migration011InsertionOrder } from './011_insertion_order';

export type { Migration } from './migration';

/**
 * Every migration this build knows, in order of version. Append; never edit or reorder a
 * shipped one. A gap (003 landing after 004) is allowed: migrate() applies what a file lacks.
 */
export const MIGRATIONS: readonly Migration[] = [
  migration001Initial,
  migration002SigningIdentities,
  migration003ExportLeases,
  migration004ImportSignerTrust,
  migration005AuditActor,
  migration007EvidenceWithholdDetails,
  migration008Contributions,
  migration009ReadPathIndexes,
  migration010EvidenceRemovals,
  migration011InsertionOrder,
];

/** The schema version this build writes and the newest it can read. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
