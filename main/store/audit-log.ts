import { createHash } from 'node:crypto';
import type { AuditEntry } from '../../shared/domain/types';
import { canonicalJson } from './canonical-json';
import type { Db } from './database';
import { nowInstant } from './clock';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

export interface NewAuditEntry {
  readonly assessmentId: string | null;
  readonly action: string;
  readonly detail: Readonly<Record<string, unknown>>;
}

interface AuditRow {
  seq: number;
  at: string;
  assessment_id: string | null;
  action: string;
  detail_json: string;
  prev_hash: string;
  hash: string;
}

/** SHA-256 over the canonical form of everything an entry says, chained to the one before. */
export function auditEntryHash(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = canonicalJson([e.seq, e.at, e.assessmentId, e.action, e.detail, e.prevHash]);
  return createHash('sha256').update(canonical, 'utf8').digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that makes the change it records, so
 * the change and its record commit together or not at all.
 */
export function appendAudit(db: Db, entry: NewAuditEntry, at: string = nowInstant()): AuditEntry {
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1').get();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Round-trip through JSON so what is hashed is exactly what is stored and read back.
  const detail = JSON.parse(canonicalJson(entry.detail)) as Record<string, unknown>;
  const unsigned = { seq, at, assessmentId: entry.assessmentId, action: entry.action, detail, prevHash };
  const hash = auditEntryHash(unsigned);
  db.prepare(
    'INSERT INTO audit_log (seq, at, assessment_id, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, at, entry.assessmentId, entry.action, canonicalJson(detail), prevHash, hash);
  if (head) db.prepare('UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(seq, hash);
  else db.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)').run(seq, hash);
  return { ...unsigned, hash };
}

/** Entries oldest first; all of them, or those about one assessment. */
export function listAudit(db: Db, assessmentId?: string): AuditEntry[] {
  const rows =
    assessmentId === undefined
      ? db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').all()
      : db.prepare<[string], AuditRow>('SELECT * FROM audit_log WHERE assessment_id = ? ORDER BY seq').all(assessmentId);
  return rows.map(rowToEntry);
}

export interface AuditChainReport {
  readonly ok: boolean;
  readonly entries: number;
  readonly problems: readonly string[];
}

/**
 * Re-walks the chain: every entry's hash must match its content, link to the one before,
 * and the sequence must run 1, 2, 3 … up to the recorded head. An edited, removed or
 * re-ordered entry breaks at least one of those.
 */
export function verifyAuditChain(db: Db): AuditChainReport {
  const problems: string[] = [];
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let count = 0;
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    count += 1;
    let entry: AuditEntry;
    try {
      entry = rowToEntry(row);
    } catch {
      problems.push(`Audit entry ${row.seq} cannot be read (its detail is not valid JSON).`);
      expectedSeq = row.seq + 1;
      prevHash = row.hash;
      continue;
    }
    if (entry.seq !== expectedSeq) {
      problems.push(
        entry.seq > expectedSeq
          ? `Audit entries ${expectedSeq}–${entry.seq - 1} are missing.`
          : `Audit entry ${entry.seq} is out of order.`,
      );
    }
    if (entry.prevHash !== prevHash) problems.push(`Audit entry ${entry.seq} does not follow on from the entry before it.`);
    if (auditEntryHash(entry) !== entry.hash) problems.push(`Audit entry ${entry.seq} has been changed since it was written.`);
    expectedSeq = entry.seq + 1;
    prevHash = entry.hash;
  }
  const head = db.prepare<[], { seq: number; hash: string }>('SELECT seq, hash FROM audit_head WHERE id = 1').get();
  const lastSeq = expectedSeq - 1;
  if (head === undefined) {
    if (count > 0) problems.push('The record of the newest audit entry is missing.');
  } else if (head.seq !== lastSeq || head.hash !== prevHash) {
    problems.push(
      head.seq > lastSeq
        ? `Audit entries after ${lastSeq} are missing (the log ended at entry ${head.seq}).`
        : 'The newest audit entry does not match the recorded end of the log.',
    );
  }
  return { ok: problems.length === 0, entries: count, problems };
}

function rowToEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    assessmentId: row.assessment_id,
    action: row.action,
    detail: JSON.parse(row.detail_json) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
