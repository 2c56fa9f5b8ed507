import type { Migration } from './migration';
import { migration001Initial } from './001_initial';
import { migration002SigningIdentities } from './002_signing_identities';
import { migration003ExportLeases } from './003_export_leases';
import { migration005AuditActor } from './005_audit_actor';

export type { Migration } from './migration';

/**
 * Every migration this build knows, in ascending version order. Append; never edit or reorder
 * a shipped one. Versions may skip numbers (004 is reserved for work on another branch): the
 * runner applies, in order, every step above the file's version.
 */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002SigningIdentities, migration003ExportLeases, migration005AuditActor];

/** The schema version this build writes and the newest it can read. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
