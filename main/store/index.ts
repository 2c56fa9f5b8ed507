/** The SQLite store: open/migrate, repositories returning plain domain objects, the audit chain. */
export { openDatabase, type Db, type OpenDatabaseOptions } from './database';
export { LATEST_SCHEMA_VERSION, readUserVersion } from './migrate';
export {
  appendAudit,
  listAudit,
  verifyAuditChain,
  auditEntryHash,
  auditActor,
  setAuditActor,
  GENESIS_HASH,
  type ActorProvider,
  type AuditChainReport,
  type NewAuditEntry,
} from './audit-log';
export type { SignedPackInfo, AssessmentFields } from './assessments-repo';
export type { ImportRecord } from './imports-repo';
