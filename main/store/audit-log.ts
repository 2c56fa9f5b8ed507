import { createHash } from 'node:crypto';
import { actorNameProblem, ACTOR_SOURCES, UNKNOWN_ACTOR, type Actor } from '../../shared/domain/actor';
import type { AuditEntry } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { canonicalJson } from '../../shared/format/canonical-json';
import type { Db } from './database';
import { nowInstant } from './clock';
import { prepared } from './statements';

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
  actor_json: string | null;
  prev_hash: string;
  hash: string;
}

/** Says who is working, asked at each write (the app's profile can change while a database is open). */
export type ActorProvider = () => Actor;

// Who writes through each connection. Set once when the workspace (or the identities'
// connection) is opened, so no operation has to carry it.
const actors = new WeakMap<Db, ActorProvider>();

/** Names the person every entry appended through this connection records from now on. */
export function setAuditActor(db: Db, actor: Actor | ActorProvider): void {
  actors.set(db, typeof actor === 'function' ? actor : () => actor);
}

/** The actor entries written through this connection record; `unknown` if none was set. */
export function auditActor(db: Db): Actor {
  return normaliseActor(actors.get(db)?.() ?? UNKNOWN_ACTOR);
}

function normaliseActor(a: Actor): Actor {
  if (!ACTOR_SOURCES.includes(a.source)) throw new Error(`Unknown actor source ${String(a.source)}.`);
  if (a.source === 'unknown') return UNKNOWN_ACTOR;
  const problem = actorNameProblem(a.name);
  if (problem) throw SscpError.because({ code: 'actor-name-unusable', problem, source: a.source });
  const role = a.role?.trim();
  const email = a.email?.trim();
  return { name: a.name.trim(), ...(role ? { role } : {}), ...(email ? { email } : {}), source: a.source };
}

/**
 * SHA-256 over the canonical form of everything an entry says, chained to the one before.
 * The actor is hashed too, appended last; entries from before the log recorded one (actor
 * null) keep the form they were hashed in, so they still verify.
 */
export function auditEntryHash(e: Omit<AuditEntry, 'hash'>): string {
  const fields: unknown[] = [e.seq, e.at, e.assessmentId, e.action, e.detail, e.prevHash];
  if (e.actor !== null) fields.push(e.actor);
  return createHash('sha256').update(canonicalJson(fields), 'utf8').digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that makes the change it records, so
 * the change and its record commit together or not at all.
 */
export function appendAudit(db: Db, entry: NewAuditEntry, at: string = nowInstant()): AuditEntry {
  const head = prepared<[], { seq: number; hash: string }>(db, 'SELECT seq, hash FROM audit_head WHERE id = 1').get();
  const seq = (head?.seq ?? 0) + 1;
  const prevHash = head?.hash ?? GENESIS_HASH;
  // Round-trip through JSON so what is hashed is exactly what is stored and read back.
  const detail = JSON.parse(canonicalJson(entry.detail)) as Record<string, unknown>;
  const actor = JSON.parse(canonicalJson(auditActor(db))) as Actor;
  const unsigned = { seq, at, assessmentId: entry.assessmentId, action: entry.action, detail, actor, prevHash };
  const hash = auditEntryHash(unsigned);
  prepared(
    db,
    'INSERT INTO audit_log (seq, at, assessment_id, action, detail_json, actor_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, at, entry.assessmentId, entry.action, canonicalJson(detail), canonicalJson(actor), prevHash, hash);
  if (head) prepared(db, 'UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1').run(seq, hash);
  else prepared(db, 'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)').run(seq, hash);
  return { ...unsigned, hash };
}

/** Entries oldest first; all of them, or those about one assessment. */
export function listAudit(db: Db, assessmentId?: string): AuditEntry[] {
  const rows =
    assessmentId === undefined
      ? prepared<[], AuditRow>(db, 'SELECT * FROM audit_log ORDER BY seq').all()
      : prepared<[string], AuditRow>(db, 'SELECT * FROM audit_log WHERE assessment_id = ? ORDER BY seq').all(assessmentId);
  return rows.map(rowToEntry);
}

/**
 * The newest `limit` entries about one assessment (oldest first, as listAudit gives them) and
 * how many there are in all: what a summary of its history shows, without reading thousands
 * of entries to show a few.
 */
export function recentAudit(db: Db, assessmentId: string, limit: number): { total: number; entries: AuditEntry[] } {
  const total = prepared<[string], { n: number }>(db, 'SELECT count(*) AS n FROM audit_log WHERE assessment_id = ?').get(assessmentId)!.n;
  const rows = prepared<[string, number], AuditRow>(db, 'SELECT * FROM audit_log WHERE assessment_id = ? ORDER BY seq DESC LIMIT ?').all(
    assessmentId,
    limit,
  );
  return { total, entries: rows.reverse().map(rowToEntry) };
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
  const actorSince = db.prepare<[], number>('SELECT first_seq FROM audit_actor_since WHERE id = 1').pluck().get();
  if (actorSince === undefined) problems.push('The record of when the log began naming who made each change is missing.');
  for (const row of db.prepare<[], AuditRow>('SELECT * FROM audit_log ORDER BY seq').iterate()) {
    count += 1;
    let entry: AuditEntry;
    try {
      entry = rowToEntry(row);
    } catch {
      problems.push(`Audit entry ${row.seq} cannot be read (its detail or its actor is not valid JSON).`);
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
    else if (entry.actor === null && actorSince !== undefined && entry.seq >= actorSince) {
      problems.push(`Audit entry ${entry.seq} does not say who made the change, though it was written after the log began recording that.`);
    }
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
    actor: row.actor_json === null ? null : (JSON.parse(row.actor_json) as Actor),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
