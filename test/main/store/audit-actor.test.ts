import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, listAudit, openDatabase, readUserVersion, verifyAuditChain, type Db } from '../../../main/store/index';
import { canonicalJson } from '../../../shared/format/canonical-json';
import { MIGRATIONS } from '../../../main/store/migrations/index';
import { makeTempDir } from './temp-dir';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = makeTempDir()));
afterEach(() => cleanup());

const priya = { name: 'Priya Raman', role: 'CTO', email: 'priya@example.com', source: 'profile' } as const;

/**
 * A database as the build before actors wrote it: schema 1 and 2 only, entries hashed over
 * [seq, at, assessmentId, action, detail, prevHash] with no actor column at all.
 */
function writeOldDatabase(path: string, count: number): void {
  const db = openDatabase(path, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
  expect(readUserVersion(db)).toBe(2);
  let prev = '0'.repeat(64);
  for (let seq = 1; seq <= count; seq++) {
    const at = `2026-01-0${seq}T09:00:00.000Z`;
    const detail = { claimId: '1.1.1', changes: { status: 'done' } };
    const hash = createHash('sha256')
      .update(canonicalJson([seq, at, 'a1', 'claim.updated', detail, prev]), 'utf8')
      .digest('hex');
    db.prepare('INSERT INTO audit_log (seq, at, assessment_id, action, detail_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      seq,
      at,
      'a1',
      'claim.updated',
      canonicalJson(detail),
      prev,
      hash,
    );
    db.prepare(
      seq === 1 ? 'INSERT INTO audit_head (id, seq, hash) VALUES (1, ?, ?)' : 'UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1',
    ).run(seq, hash);
    prev = hash;
  }
  db.close();
}

function dropGuards(db: Db): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('who made each change', () => {
  it('records the actor of the connection on every new entry, inside the hash', () => {
    const db = openDatabase(join(dir, 'a.sscp'), { actor: priya });
    appendAudit(db, { assessmentId: 'a1', action: 'claim.updated', detail: { claimId: '1.1.1' } });
    const [entry] = listAudit(db);
    expect(entry!.actor).toEqual(priya);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 1, problems: [] });
    db.close();
  });

  it('asks a changing actor at each write, so a profile edited mid-session is what the next entry says', () => {
    let name = 'Priya Raman';
    const db = openDatabase(join(dir, 'a.sscp'), { actor: () => ({ name, source: 'profile' }) });
    appendAudit(db, { assessmentId: null, action: 'one', detail: {} });
    name = 'Sam Okafor';
    appendAudit(db, { assessmentId: null, action: 'two', detail: {} });
    expect(listAudit(db).map((e) => e.actor?.name)).toEqual(['Priya Raman', 'Sam Okafor']);
    db.close();
  });

  it('records an unidentified actor, never an invented name, when nobody said who is working', () => {
    const db = openDatabase(join(dir, 'a.sscp'));
    appendAudit(db, { assessmentId: null, action: 'one', detail: {} });
    expect(listAudit(db)[0]!.actor).toEqual({ name: '', source: 'unknown' });
    db.close();
  });

  it('refuses a name with a control character rather than writing it into the log', () => {
    const db = openDatabase(join(dir, 'a.sscp'), { actor: { name: 'Eve\nApproved by: CEO', source: 'as-option' } });
    expect(() => appendAudit(db, { assessmentId: null, action: 'one', detail: {} })).toThrow(/control character/);
    expect(listAudit(db)).toEqual([]);
    db.close();
  });

  it('detects an actor changed after the entry was written', () => {
    const db = openDatabase(join(dir, 'a.sscp'), { actor: priya });
    appendAudit(db, { assessmentId: 'a1', action: 'claim.updated', detail: {} });
    appendAudit(db, { assessmentId: 'a1', action: 'claim.updated', detail: {} });
    dropGuards(db);
    db.prepare(`UPDATE audit_log SET actor_json = '{"name":"Sam Okafor","source":"profile"}' WHERE seq = 1`).run();
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('Audit entry 1 has been changed since it was written.');
    db.close();
  });

  it('detects an actor removed from a new entry, even with the hash recomputed in the old form', () => {
    const db = openDatabase(join(dir, 'a.sscp'), { actor: priya });
    appendAudit(db, { assessmentId: 'a1', action: 'claim.updated', detail: { n: 1 } });
    dropGuards(db);
    db.prepare('UPDATE audit_log SET actor_json = NULL WHERE seq = 1').run();
    expect(verifyAuditChain(db).problems).toContain('Audit entry 1 has been changed since it was written.');
    // A forger who re-hashes the entry without its actor (and fixes the head) is still caught.
    const row = db.prepare<[], { at: string; detail_json: string }>('SELECT at, detail_json FROM audit_log WHERE seq = 1').get()!;
    const hash = createHash('sha256')
      .update(canonicalJson([1, row.at, 'a1', 'claim.updated', JSON.parse(row.detail_json), '0'.repeat(64)]), 'utf8')
      .digest('hex');
    db.exec('DROP TRIGGER audit_head_forward_only');
    db.prepare('UPDATE audit_log SET hash = ? WHERE seq = 1').run(hash);
    db.prepare('UPDATE audit_head SET hash = ? WHERE id = 1').run(hash);
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      'Audit entry 1 does not say who made the change, though it was written after the log began recording that.',
    ]);
    db.close();
  });
});

describe('a database from before the log named anyone', () => {
  it('upgrades, reports old entries as not recorded, keeps verifying, and names the actor from then on', () => {
    const path = join(dir, 'old.sscp');
    writeOldDatabase(path, 3);
    const db = openDatabase(path, { mustExist: true, actor: priya });
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 3, problems: [] });
    expect(listAudit(db).map((e) => e.actor)).toEqual([null, null, null]);
    appendAudit(db, { assessmentId: 'a1', action: 'claim.updated', detail: { claimId: '1.1.2' } });
    const entries = listAudit(db);
    expect(entries[3]!.actor).toEqual(priya);
    expect(entries[3]!.prevHash).toBe(entries[2]!.hash);
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 4, problems: [] });
    db.close();
  });

  it('still detects tampering with an old entry', () => {
    const path = join(dir, 'old.sscp');
    writeOldDatabase(path, 3);
    const db = openDatabase(path, { mustExist: true });
    dropGuards(db);
    db.prepare(`UPDATE audit_log SET actor_json = '{"name":"Priya Raman","source":"profile"}' WHERE seq = 2`).run();
    expect(verifyAuditChain(db).problems).toContain('Audit entry 2 has been changed since it was written.');
    db.close();
  });
});

describe('migration numbering', () => {
  it('applies steps whose versions skip numbers, and a later-numbered step after them', () => {
    const path = join(dir, 'gaps.sscp');
    openDatabase(path).close();
    const extra = {
      version: MIGRATIONS[MIGRATIONS.length - 1]!.version + 2,
      name: 'after-a-gap',
      sql: 'CREATE TABLE after_gap (x INTEGER);',
    };
    const db = openDatabase(path, { migrations: [...MIGRATIONS, extra] });
    expect(readUserVersion(db)).toBe(extra.version);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'after_gap'").pluck().get()).toBe(1);
    db.close();
  });

  it('refuses a list whose versions do not ascend', () => {
    const [first, second] = MIGRATIONS;
    expect(() => openDatabase(join(dir, 'bad.sscp'), { migrations: [second!, first!] })).toThrow(/out of order/);
  });
});
