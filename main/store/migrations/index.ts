import type { Migration } from './migration';
import { migration001Initial } from './001_initial';
import { migration002SigningIdentities } from './002_signing_identities';
import { migration003ExportLeases } from './003_export_leases';

export type { Migration } from './migration';

/** Every migration this build knows, in order. Append; never edit or reorder a shipped one. */
export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002SigningIdentities, migration003ExportLeases];

/** The schema version this build writes and the newest it can read. */
export const LATEST_SCHEMA_VERSION = MIGRATIONS.length === 0 ? 0 : MIGRATIONS[MIGRATIONS.length - 1]!.version;
