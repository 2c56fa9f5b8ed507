import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, GENESIS_HASH, listAudit, openDatabase, verifyAuditChain, type Db } from '../../../main/store/index';
import { makeTempDir } from './temp-dir';

let dir: string;
let cleanup: () => void;
let db: Db;

beforeEach(() => {
  ({ dir, cleanup } = makeTempDir());
  db = openDatabase(join(dir, 'audit.sscp'));
  for (let i = 1; i <= 5; i++) appendAudit(db, { assessmentId: i % 2 ? 'a1' : null, action: `step-${i}`, detail: { i, note: 'Zoë' } });
});
afterEach(() => {
  db.close();
  cleanup();
});

function dropGuards(): void {
  db.exec(
    'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_head_forward_only; DROP TRIGGER audit_head_no_delete;',
  );
}

describe('audit log', () => {
  it('chains entries from the genesis hash and verifies clean', () => {
    const entries = listAudit(db);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < entries.length; i++) expect(entries[i]!.prevHash).toBe(entries[i - 1]!.hash);
    expect(entries[0]!.detail).toEqual({ i: 1, note: 'Zoë' });
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5, problems: [] });
    expect(listAudit(db, 'a1').map((e) => e.seq)).toEqual([1, 3, 5]);
  });

  it('refuses UPDATE and DELETE through triggers', () => {
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE seq = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 2').run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_head').run()).toThrow();
    expect(() => db.prepare('UPDATE audit_head SET seq = 2').run()).toThrow();
  });

  it('detects an edited entry', () => {
    dropGuards();
    db.prepare(`UPDATE audit_log SET detail_json = '{"i":99,"note":"Zoë"}' WHERE seq = 3`).run();
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('Audit entry 3 has been changed since it was written.');
  });

  it('detects an edited entry whose hash was recomputed without re-chaining', () => {
    dropGuards();
    db.prepare("UPDATE audit_log SET action = 'forged', hash = ? WHERE seq = 2").run('f'.repeat(64));
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('Audit entry 3 does not follow on from the entry before it.');
  });

  it('detects a removed entry in the middle', () => {
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq = 3').run();
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toContain('Audit entries 3–3 are missing.');
  });

  it('detects entries cut off the end', () => {
    dropGuards();
    db.prepare('DELETE FROM audit_log WHERE seq >= 4').run();
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems.join(' ')).toMatch(/after 3 are missing/);
  });

  it('detects re-ordered entries', () => {
    dropGuards();
    db.exec(
      'UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 4; UPDATE audit_log SET seq = 4 WHERE seq = -2;',
    );
    const report = verifyAuditChain(db);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        'Audit entry 2 has been changed since it was written.',
        'Audit entry 4 has been changed since it was written.',
      ]),
    );
  });

  it('keeps verifying across reopen', () => {
    db.close();
    db = openDatabase(join(dir, 'audit.sscp'));
    appendAudit(db, { assessmentId: null, action: 'after-reopen', detail: {} });
    expect(verifyAuditChain(db).ok).toBe(true);
    expect(verifyAuditChain(db).entries).toBe(6);
  });
});
