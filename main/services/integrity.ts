import { verifyEvidence } from '../evidence/index';
import { verifyAuditChain } from '../store/audit-log';
import { listAllEvidence } from '../store/evidence-repo';
import { exportsInProgress, recoverExports, type RecoveryOutcome } from './export-lease';
import type { StoreContext } from './store-context';
import type { IntegrityReport } from './workspace-types';

/** SQLite's own check, foreign keys, the audit chain, and a re-hash of every stored file. */
export async function checkIntegrity(
  ctx: StoreContext,
  onProgress?: (filesDone: number, filesTotal: number) => void,
  recoveredAtOpen: readonly RecoveryOutcome[] = [],
): Promise<IntegrityReport> {
  // An export that died since the database was opened is finished or undone first, like at open.
  const recovered = [...recoveredAtOpen, ...(ctx.readOnly ? [] : recoverExports(ctx))];
  const integrity = ctx.db.pragma('integrity_check') as { integrity_check: string }[];
  const sqliteMessages = integrity.map((r) => r.integrity_check).filter((m) => m !== 'ok');
  const fkProblems = ctx.db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  for (const fk of fkProblems) sqliteMessages.push(`A row in ${fk.table} points at a missing row in ${fk.parent}.`);
  const auditChain = verifyAuditChain(ctx.db);
  const evidence = await verifyEvidence(listAllEvidence(ctx.db), ctx.blobs, onProgress);

  const problems: string[] = [];
  for (const m of sqliteMessages) problems.push(`Database: ${m}`);
  for (const p of auditChain.problems) problems.push(p);
  for (const m of evidence.missing)
    problems.push(`Evidence file ${m.fileNames.join(', ')} (SHA-256 ${m.sha256}) is missing from the evidence folder.`);
  for (const m of evidence.mismatched)
    problems.push(`Evidence file ${m.fileNames.join(', ')} (SHA-256 ${m.sha256}) has been changed: its bytes no longer match its hash.`);
  return {
    ok: problems.length === 0,
    sqlite: { ok: sqliteMessages.length === 0, messages: sqliteMessages },
    auditChain,
    evidence,
    exports: {
      inProgress: exportsInProgress(ctx).map((l) => ({
        assessmentId: l.assessmentId,
        startedAt: l.startedAt,
        pid: l.pid,
        host: l.host,
        destination: l.destPath,
      })),
      recovered: recovered.map((r) => ({ assessmentId: r.lease.assessmentId, outcome: r.outcome, destination: r.lease.destPath })),
    },
    problems,
  };
}
