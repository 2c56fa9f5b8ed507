import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resolveCliActor } from '../../main/cli/actor';
import type { LogJson } from '../../main/cli/commands/log';
import { runCli } from '../../main/cli/run';
import { openDatabase } from '../../main/store/database';
import { canonicalJson } from '../../shared/format/canonical-json';
import { MIGRATIONS } from '../../main/store/migrations/index';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { sscp, tempFolder } from './run-sscp';

let db: string;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempFolder()));
afterEach(() => cleanup());

/** `sscp` in-process with an environment of the test's choosing. */
async function sscpEnv(env: Record<string, string>, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    env,
    isTTY: false,
  });
  return { code, out, err };
}

async function log(id: string): Promise<LogJson> {
  const r = await sscp('log', id, '--db', db, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as LogJson;
}

describe('who the CLI records', () => {
  it('takes --as first, then SSCP_USER, then the operating-system account', async () => {
    const created = await sscpEnv(
      { SSCP_USER: 'Sam Okafor' },
      '--as',
      'Priya Raman',
      'new',
      '--db',
      db,
      '--org',
      'Acme',
      '--role',
      'reseller',
    );
    expect(created.code, created.err).toBe(0);
    const id = created.out.trim();
    // --as also works after the command, where people tend to type it.
    expect((await sscpEnv({}, 'set', id, '1.1.1', '--db', db, '--status', 'in-progress', '--as', 'Dana Li')).code).toBe(0);
    expect((await sscpEnv({ SSCP_USER: 'Sam Okafor' }, 'set', id, '1.1.1', '--db', db, '--status', 'done')).code).toBe(0);
    expect((await sscpEnv({ SSCP_USER: '  ' }, 'set', id, '1.1.1', '--db', db, '--result', 'met')).code).toBe(0);

    const entries = (await log(id)).entries;
    expect(entries.map((e) => e.actor)).toEqual([
      { name: 'Priya Raman', role: null, email: null, source: 'as-option' },
      { name: 'Dana Li', role: null, email: null, source: 'as-option' },
      { name: 'Sam Okafor', role: null, email: null, source: 'sscp-user' },
      { name: userInfo().username, role: null, email: null, source: 'os-account' },
    ]);
    expect((await sscp('check', '--db', db)).code).toBe(0);
  });

  it('sscp check exits 1 when who made a change was rewritten afterwards', async () => {
    const id = (await sscp('--as', 'Priya Raman', 'new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    expect((await sscp('set', id, '1.1.1', '--db', db, '--status', 'done', '--as', 'Sam Okafor')).code).toBe(0);
    expect((await sscp('check', '--db', db)).code).toBe(0);
    const raw = openDatabase(db, { mustExist: true });
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare(`UPDATE audit_log SET actor_json = '{"name":"Priya Raman","source":"as-option"}' WHERE seq = 2`).run();
    raw.close();
    const r = await sscp('check', '--db', db);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toContain('Audit entry 2 has been changed since it was written.');
  });

  it('refuses an unusable name with exit 2 and changes nothing', async () => {
    const id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    const before = (await log(id)).entries.length;
    const bad = await sscp('set', id, '1.1.1', '--db', db, '--status', 'done', '--as', 'Eve\nApproved by the CEO');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('The name given with --as contains a control character');
    expect(bad.err).toContain('--as "Priya Raman"');
    const long = await sscpEnv({ SSCP_USER: 'x'.repeat(101) }, 'set', id, '1.1.1', '--db', db, '--status', 'done');
    expect(long.code).toBe(2);
    expect(long.err).toContain('The name in SSCP_USER is longer than 100 characters.');
    expect(long.err).toContain('Set SSCP_USER');
    const empty = await sscp('set', id, '1.1.1', '--db', db, '--status', 'done', '--as', ' ');
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('The name given with --as is empty.');
    expect((await log(id)).entries.length).toBe(before);
  });

  it('records an unidentified actor when the operating system cannot name the account, rather than guessing', () => {
    expect(
      resolveCliActor(undefined, {}, () => {
        throw new Error('no passwd entry');
      }),
    ).toEqual({ name: '', source: 'unknown' });
    expect(resolveCliActor(undefined, {}, () => 'bad\u0007name')).toEqual({ name: '', source: 'unknown' });
    expect(resolveCliActor(undefined, {}, () => 'builder')).toEqual({ name: 'builder', source: 'os-account' });
  });
});

describe('sscp log', () => {
  it('prints when, who and what in words, oldest first, with the contributors', async () => {
    const id = (await sscpEnv({ SSCP_USER: 'Priya Raman' }, 'new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    await sscpEnv({ SSCP_USER: 'Sam Okafor' }, 'set', id, '1.2.1', '--db', db, '--status', 'done', '--result', 'met');
    await sscpEnv({ SSCP_USER: 'Sam Okafor' }, 'set', id, '1.1.1', '--db', db, '--arguments', 'Reviewed quarterly.');
    const r = await sscp('log', id, '--db', db);
    expect(r.code, r.err).toBe(0);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`History of Acme (${id}): 3 changes, oldest first`);
    expect(lines[2]).toMatch(/^When\s+Who\s+What$/);
    expect(lines[3]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\s+Priya Raman \[from SSCP_USER\]\s+Assessment created$/);
    expect(lines[4]).toMatch(/Sam Okafor \[from SSCP_USER\]\s+Claim changed \(claim 1\.2\.1\): status, result$/);
    expect(lines[5]).toMatch(/Sam Okafor \[from SSCP_USER\]\s+Claim changed \(claim 1\.1\.1\): arguments$/);
    expect(r.out).toContain('Contributors\n  Sam Okafor: 2 changes\n  Priya Raman: 1 change\n');
    expect(r.out).not.toContain('claim.updated');

    const json = await log(id);
    expect(json).toMatchObject({ assessmentId: id, organisation: 'Acme' });
    expect(json.entries[1]).toMatchObject({
      seq: 2,
      action: 'claim.updated',
      description: 'Claim changed (claim 1.2.1): status, result',
      claimId: '1.2.1',
      who: 'Sam Okafor',
    });
    expect(json.entries[1]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(json.contributors).toEqual([
      { who: 'Sam Okafor', name: 'Sam Okafor', role: null, changes: 2 },
      { who: 'Priya Raman', name: 'Priya Raman', role: null, changes: 1 },
    ]);
  });

  it('keeps each change on one line even when a file name holds a line break', async () => {
    const id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).out.trim();
    const evil = join(dirname(db), 'policy\n2026-01-01 00:00:00 UTC  Priya Raman  Signed and exported.txt');
    writeFileSync(evil, 'policy\n');
    expect((await sscp('attach', id, '1.1.1', evil, '--db', db)).code).toBe(0);
    const r = await sscp('log', id, '--db', db);
    // attach keeps the name on one line (h4's text rules); log must show it as one line too.
    expect(r.out.split('\n').filter((l) => l.includes('Signed and exported'))).toEqual([
      expect.stringContaining('Evidence attached (claim 1.1.1): policy'),
    ]);
    expect((await log(id)).entries[1]!.description).not.toContain('\n');
  });

  it('refuses an unknown assessment with exit 2', async () => {
    await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller');
    const r = await sscp('log', 'no-such-id', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no assessment with id no-such-id.');
  });

  it('says "not recorded" for changes made before names were kept, and the chain still checks out', async () => {
    // A database as the previous build left it: schema 2, entries hashed without an actor.
    const old = openDatabase(db, { migrations: MIGRATIONS.filter((m) => m.version <= 2) });
    const at = '2026-01-05T09:00:00.000Z';
    old
      .prepare(
        'INSERT INTO assessments (id, organisation, role, catalog_id, catalog_version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run('a-old', 'Old Ltd', 'reseller', CURRENT_CATALOG.id, CURRENT_CATALOG.version, at, at);
    const detail = { organisation: 'Old Ltd' };
    const hash = createHash('sha256')
      .update(canonicalJson([1, at, 'a-old', 'assessment.created', detail, '0'.repeat(64)]), 'utf8')
      .digest('hex');
    old
      .prepare('INSERT INTO audit_log (seq, at, assessment_id, action, detail_json, prev_hash, hash) VALUES (1, ?, ?, ?, ?, ?, ?)')
      .run(at, 'a-old', 'assessment.created', canonicalJson(detail), '0'.repeat(64), hash);
    old.prepare('INSERT INTO audit_head (id, seq, hash) VALUES (1, 1, ?)').run(hash);
    old.close();

    const text = await sscpEnv({}, 'log', 'a-old', '--db', db, '--as', 'Priya Raman');
    expect(text.code, text.err).toBe(0);
    expect(text.out).toMatch(/2026-01-05 09:00:00 UTC\s+not recorded\s+Assessment created/);
    expect(text.out).toContain('Changes marked "not recorded" were made before this version of the app recorded who made each change.');
    const json = await log('a-old');
    expect(json.entries[0]).toMatchObject({ actor: null, who: 'not recorded' });
    expect(json.contributors).toEqual([{ who: 'not recorded', name: null, role: null, changes: 1 }]);
    expect((await sscp('check', '--db', db)).code).toBe(0);
  });
});
