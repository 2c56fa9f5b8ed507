import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { frozenReason } from '../../shared/domain/frozen';
import type { Assessment, AssessmentDetail } from '../../shared/domain/types';
import { isSscpError, SscpError } from '../../shared/errors';
import type { ExportHolder } from '../../shared/error-reasons/services';
import { fsyncDirectory } from '../fs/durable-fs';
import { publishFileSync } from '../fs/destination';
import { currentBootId, isProcessAlive } from '../fs/process-alive';
import { asWriteFailure } from '../fs/write-errors';
import { markAssessmentSigned } from '../store/assessments-repo';
import { appendAudit } from '../store/audit-log';
import { canonicalJson } from '../../shared/format/canonical-json';
import { nowInstant } from '../store/clock';
import {
  deleteLease,
  findLease,
  findLeaseForAssessment,
  insertLease,
  listLeases,
  recordBuilt,
  type BuiltPackRecord,
  type ExportLease,
} from '../store/export-leases-repo';
import { getAssessmentDetail } from './assessment-ops';
import { requireAssessment, type StoreContext } from './store-context';
import { assertEditable } from './validate';

/*
 * Signing an assessment is one state change that edits cannot slip into, journalled so that a
 * crash at any moment leaves either a draft and no pack at the destination, or a signed
 * assessment and its pack.
 *
 * The journal is the `export_leases` row (migration 003). An export:
 *   1. begin: in one IMMEDIATE transaction, checks the assessment is a draft with no lease,
 *      reads it (the snapshot the pack is built from), and inserts the lease: holder (pid,
 *      host, boot), destination, the hidden temp file `.<name>.<lease id>.partial` beside it,
 *      and the SHA-256 of the snapshot. From here every edit of the assessment is refused:
 *      the services check the lease, and triggers refuse any write that slips past them.
 *   2. build: the pack is written to the temp file and fsynced (main/pack/build-pack.ts).
 *   3. record: the pack's SHA-256, size, id, signer, signing time and profile go into the lease.
 *   4. commit: in one IMMEDIATE transaction: the lease is still ours, the assessment still
 *      hashes to the snapshot, the temp file is renamed onto the destination (and the folder
 *      fsynced), the lease is deleted and the assessment marked signed with its audit entry.
 *
 * Kill points, and what recovery (on the next open of the database by any command or the
 * app, or the next refused edit) does once the holder is dead:
 *   - before 1 commits: no lease, no temp file. Nothing to do.
 *   - after 1, during 2 (before or mid-embed, mid-sign): lease without a built pack; a partial
 *     temp file may exist. Roll back: delete the temp file, then the lease. Draft, no pack.
 *   - after 2, before 3 commits: the same (the temp file is complete but nothing trusts it).
 *   - after 3, before the rename: the destination does not hold the recorded pack (absent, or
 *     the file that was there before). Roll back as above; the earlier file is left alone.
 *   - after the rename, before 4 commits (SQLite rolls the transaction back): the destination
 *     holds a file whose size and SHA-256 are the recorded pack's. Roll forward: mark the
 *     assessment signed from the lease (audit entry says it was recovered), delete the lease.
 *   - after 4: signed, pack in place, no lease. Nothing to do.
 * Recovery deletes the temp file before the lease, so a crash during recovery leaves the
 * lease to be recovered again, never a temp file nothing knows about. It never touches a
 * lease whose holder is alive, nor one held on another host (it cannot tell): those wait.
 */

/** Lease ids this process holds right now: a lease with our pid that is not here is from a dead namesake. */
const heldHere = new Set<string>();

export interface SigningSession {
  readonly leaseId: string;
  readonly assessmentId: string;
  readonly destPath: string;
  readonly tempPath: string;
  /** Whether the person agreed to replace an existing file at the destination (--force, the save dialog). */
  readonly replace: boolean;
  /** What to do when the destination exists and may not be replaced, in the caller's words. */
  readonly existsHint?: string;
  /** The assessment exactly as the pack must show it. */
  readonly detail: AssessmentDetail;
}

export type RecoveryOutcome = { readonly lease: ExportLease; readonly outcome: 'rolled-forward' | 'rolled-back' };

/** The temp file a lease builds its pack in: hidden, beside the destination, named by the lease. */
export function leaseTempPath(destPath: string, leaseId: string): string {
  // Cut a long name short: the lease id and the suffix must still fit the folder's name limit.
  return join(dirname(destPath), `.${[...basename(destPath)].slice(0, 120).join('')}.${leaseId}.partial`);
}

/** The hash of everything the pack shows: any change to the assessment changes it. */
function snapshotDigest(detail: AssessmentDetail): string {
  return createHash('sha256').update(canonicalJson(detail), 'utf8').digest('hex');
}

/** Alive, dead, or on another machine (which we cannot check, so it is treated as alive). */
export function holderIsDead(lease: ExportLease): boolean {
  if (lease.host !== hostname()) return false;
  const boot = currentBootId();
  if (lease.bootId !== '' && boot !== '' && lease.bootId !== boot) return true;
  if (lease.pid === process.pid) return !heldHere.has(lease.leaseId);
  return !isProcessAlive(lease.pid);
}

/** Who holds an export, as the facts its refusal gives: the computer only when it is another. */
function holderOf(lease: ExportLease): ExportHolder {
  return { startedAt: lease.startedAt, pid: lease.pid, host: lease.host === hostname() ? null : lease.host };
}

/** The refusal an edit or a second export meets while an assessment is being signed. */
export function exportInProgressError(lease: ExportLease, attempt: 'change' | 'export' | 'related'): SscpError {
  const code = attempt === 'export' ? 'export-already-running' : attempt === 'related' ? 'export-running-related' : 'export-running';
  return SscpError.because({ code, holder: holderOf(lease) });
}

/**
 * Thrown inside a write transaction that met a lease whose holder died: recovery must commit
 * on its own (a roll forward inside the edit's transaction would be undone with it when the
 * edit is then refused), so inWriteTransaction recovers outside and runs the edit again.
 */
class DeadHolderLease extends Error {
  constructor() {
    super('An export lease whose process died must be recovered first.');
  }
}

/** Refuses when an export of the assessment is in progress; clears the lease first if its holder died. */
export function assertNoExportInProgress(ctx: StoreContext, assessmentId: string): void {
  const lease = findLeaseForAssessment(ctx.db, assessmentId);
  if (!lease) return;
  if (!holderIsDead(lease)) throw exportInProgressError(lease, 'change');
  if (ctx.db.inTransaction) throw new DeadHolderLease();
  recoverExports(ctx, assessmentId);
  const still = findLeaseForAssessment(ctx.db, assessmentId);
  if (still) throw exportInProgressError(still, 'change');
  // A dead export whose pack was in place has just been recorded: the assessment is signed now.
  assertEditable(requireAssessment(ctx, assessmentId));
}

/** True for the refusals inWriteTransaction turns into recovery or words: the triggers', and a dead holder met. */
export function isExportLeaseAbort(e: unknown): boolean {
  if (e instanceof DeadHolderLease) return true;
  return (
    e instanceof Error &&
    (e as { code?: string }).code?.startsWith('SQLITE_CONSTRAINT') === true &&
    e.message.includes('sscp: export in progress')
  );
}

/**
 * What a write refused by isExportLeaseAbort becomes: outside any transaction, leases whose
 * holder died are cleared and (once) the write may run again; otherwise the refusal in words.
 */
export function onExportLeaseAbort(ctx: StoreContext, mayRetry: boolean): { retry: true } | { error: SscpError } {
  if (!ctx.db.inTransaction) {
    recoverExports(ctx);
    if (mayRetry) return { retry: true };
  }
  const lease = listLeases(ctx.db)[0];
  if (lease) return { error: exportInProgressError(lease, 'related') };
  return {
    error: SscpError.because({ code: 'export-started-during-change' }),
  };
}

/** Step 1: takes the assessment for signing and snapshots it, or refuses. */
export interface PublishConsent {
  readonly replace: boolean;
  readonly existsHint?: string;
}

export function beginSigning(
  ctx: StoreContext,
  assessmentId: string,
  destination: string,
  consent: PublishConsent = { replace: true },
): SigningSession {
  const destPath = resolve(destination);
  const stale = findLeaseForAssessment(ctx.db, assessmentId);
  if (stale && holderIsDead(stale)) recoverExports(ctx, assessmentId);
  const leaseId = randomUUID();
  const tempPath = leaseTempPath(destPath, leaseId);
  const detail = ctx.db
    .transaction(() => {
      const a = requireAssessment(ctx, assessmentId);
      const frozen = frozenReason(a, 'sign');
      if (frozen) throw SscpError.because(frozen);
      const existing = findLeaseForAssessment(ctx.db, assessmentId);
      if (existing) throw exportInProgressError(existing, 'export');
      const sameFile = listLeases(ctx.db).find((l) => l.destPath === destPath && !holderIsDead(l));
      if (sameFile) {
        throw SscpError.because({ code: 'export-same-destination', path: destPath, holder: holderOf(sameFile) });
      }
      const snapshot = getAssessmentDetail(ctx, assessmentId);
      insertLease(ctx.db, {
        assessmentId,
        leaseId,
        pid: process.pid,
        host: hostname(),
        bootId: currentBootId(),
        startedAt: nowInstant(),
        destPath,
        tempPath,
        snapshotSha256: snapshotDigest(snapshot),
      });
      return snapshot;
    })
    .immediate();
  heldHere.add(leaseId);
  return {
    leaseId,
    assessmentId,
    destPath,
    tempPath,
    replace: consent.replace,
    ...(consent.existsHint !== undefined ? { existsHint: consent.existsHint } : {}),
    detail,
  };
}

function lostLease(): SscpError {
  return SscpError.because({ code: 'export-lost-hold' });
}

/** Step 3: the pack in the temp file is complete and fsynced; the journal learns what it is. */
export function recordSigningBuilt(ctx: StoreContext, session: SigningSession, built: BuiltPackRecord): void {
  const ok = ctx.db.transaction(() => recordBuilt(ctx.db, session.leaseId, built)).immediate();
  if (!ok) throw lostLease();
}

export interface CommitHooks {
  /** Called inside the commit, right after the rename: the kill tests stop the process here. */
  readonly afterRename?: () => void;
}

/** Step 4: renames the pack into place and records the signing, as one step. */
export function commitSigning(ctx: StoreContext, session: SigningSession, hooks: CommitHooks = {}): Assessment {
  let renamed = false;
  try {
    const signed = ctx.db
      .transaction(() => {
        const lease = findLease(ctx.db, session.leaseId);
        if (!lease || lease.assessmentId !== session.assessmentId) throw lostLease();
        if (!lease.built) throw new Error('commitSigning before recordSigningBuilt');
        if (snapshotDigest(getAssessmentDetail(ctx, session.assessmentId)) !== lease.snapshotSha256) {
          throw SscpError.because({ code: 'assessment-changed-while-signing' });
        }
        // Without consent to replace, a hard link that fails if a file appeared at the
        // destination since it was checked (main/fs/destination.ts).
        publishFileSync(session.tempPath, session.destPath, {
          replace: session.replace,
          what: 'pack',
          ...(session.existsHint !== undefined ? { existsHint: session.existsHint } : {}),
        });
        renamed = true;
        fsyncDirectory(dirname(session.destPath));
        hooks.afterRename?.();
        return recordSigned(ctx, lease, lease.built, false);
      })
      .immediate();
    heldHere.delete(session.leaseId);
    return signed;
  } catch (e) {
    // The database did not record the signing, so the pack must not stand at the destination.
    if (renamed) rmSync(session.destPath, { force: true });
    abandonSigning(ctx, session);
    throw isSscpError(e) ? e : asWriteFailure(e, { path: session.destPath, what: 'pack', temp: session.tempPath });
  }
}

/**
 * Cancel, error, or refusal before commit: deletes the temp file, then releases the lease.
 * Never throws, so the caller reports what actually went wrong: if the disk or database
 * refuses even this (a full disk), the lease stays, and since this process no longer holds
 * it, the next edit or open clears it as a dead holder's.
 */
export function abandonSigning(ctx: StoreContext, session: SigningSession): void {
  heldHere.delete(session.leaseId);
  try {
    rmSync(session.tempPath, { force: true });
    ctx.db.transaction(() => deleteLease(ctx.db, session.leaseId)).immediate();
  } catch {
    // Left for recovery, as above.
  }
}

function recordSigned(ctx: StoreContext, lease: ExportLease, built: BuiltPackRecord, recovered: boolean): Assessment {
  // The lease goes first: while it exists, the triggers refuse the update below.
  deleteLease(ctx.db, lease.leaseId);
  const pack = {
    packSha256: built.packSha256,
    packId: built.packId,
    signerFingerprint: built.signerFingerprint,
    signedAt: built.signedAt,
    profile: built.profile,
  };
  const now = nowInstant();
  markAssessmentSigned(ctx.db, lease.assessmentId, pack, now);
  appendAudit(
    ctx.db,
    {
      assessmentId: lease.assessmentId,
      action: 'assessment.signed',
      detail: recovered ? { ...pack, recoveredAfterCrash: true } : { ...pack },
    },
    now,
  );
  return requireAssessment(ctx, lease.assessmentId);
}

/** The destination holds exactly the pack the lease recorded (size first, then a streamed SHA-256). */
function destinationHoldsPack(lease: ExportLease, built: BuiltPackRecord): boolean {
  try {
    const st = statSync(lease.destPath);
    if (!st.isFile() || st.size !== built.packSize) return false;
    return sha256OfFile(lease.destPath) === built.packSha256;
  } catch {
    return false;
  }
}

function sha256OfFile(path: string): string {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(1024 * 1024);
  const fd = openSync(path, 'r');
  try {
    for (;;) {
      const n = readSync(fd, buffer, 0, buffer.length, null);
      if (n === 0) break;
      hash.update(buffer.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * Finishes or undoes every export whose holder has died (see the kill points above): rolls
 * forward when the destination holds the recorded pack, otherwise rolls back and deletes the
 * temp file. Leases of live holders are left alone.
 */
export function recoverExports(ctx: StoreContext, onlyAssessmentId?: string): RecoveryOutcome[] {
  const outcomes: RecoveryOutcome[] = [];
  for (const lease of listLeases(ctx.db)) {
    if (onlyAssessmentId !== undefined && lease.assessmentId !== onlyAssessmentId) continue;
    if (!holderIsDead(lease)) continue;
    const built = lease.built;
    if (built && destinationHoldsPack(lease, built)) {
      const done = ctx.db
        .transaction(() => {
          const still = findLease(ctx.db, lease.leaseId);
          if (!still) return false;
          const a = requireAssessment(ctx, lease.assessmentId);
          deleteLease(ctx.db, lease.leaseId);
          if (a.state !== 'draft' || snapshotDigest(getAssessmentDetail(ctx, lease.assessmentId)) !== lease.snapshotSha256) return null;
          recordSigned(ctx, still, built, true);
          return true;
        })
        .immediate();
      if (done === null) {
        // Cannot happen while the triggers stand: the pack no longer matches the record, so it goes.
        rmSync(lease.destPath, { force: true });
        outcomes.push({ lease, outcome: 'rolled-back' });
      } else if (done) {
        outcomes.push({ lease, outcome: 'rolled-forward' });
      }
      rmSync(lease.tempPath, { force: true });
      continue;
    }
    try {
      rmSync(lease.tempPath, { force: true });
    } catch {
      // A temp file we may not delete stays; the lease must still go, or the assessment stays locked.
    }
    const removed = ctx.db
      .transaction(() => {
        if (!deleteLease(ctx.db, lease.leaseId)) return false;
        appendAudit(ctx.db, {
          assessmentId: lease.assessmentId,
          action: 'assessment.export-abandoned',
          detail: { leaseId: lease.leaseId, pid: lease.pid, host: lease.host, startedAt: lease.startedAt, destPath: lease.destPath },
        });
        return true;
      })
      .immediate();
    if (removed) outcomes.push({ lease, outcome: 'rolled-back' });
  }
  return outcomes;
}

/** Exports in progress now, for `sscp check` and the damage check. */
export function exportsInProgress(ctx: StoreContext): ExportLease[] {
  return listLeases(ctx.db);
}
