import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openWorkspace } from '../../main/services/workspace';
import type * as Ids from '../../main/store/ids';
import { sscp, sscpBin, sscpWith, tempFolder } from './run-sscp';

// Ids chosen by the test, so two can share a beginning (real ones are random UUIDs).
const nextIds: string[] = [];
vi.mock('../../main/store/ids', async (original) => {
  const real = await original<typeof Ids>();
  return { newId: () => nextIds.shift() ?? real.newId() };
});

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => ({ dir, db, cleanup } = tempFolder()));
afterEach(() => cleanup());

const A = 'abcd1111-0000-4000-8000-000000000001';
const B = 'abcd2222-0000-4000-8000-000000000002';
const C = 'abce3333-0000-4000-8000-000000000003';

async function make(id: string, org: string): Promise<void> {
  nextIds.push(id);
  const r = await sscp('new', '--db', db, '--org', org, '--role', 'developer-distributor');
  expect(r.code, r.err).toBe(0);
  expect(r.out.trim()).toBe(id);
  nextIds.length = 0;
}

describe('an assessment id may be shortened to a unique prefix', () => {
  it('works wherever an id is asked for: show, set, log, diff, archive', async () => {
    await make(A, 'Acme');
    await make(C, 'Other');
    const shown = await sscp('show', 'abcd', '--db', db, '--json');
    expect(shown.code, shown.err).toBe(0);
    expect(JSON.parse(shown.out).assessment.id).toBe(A);
    expect((await sscp('set', 'abcd1', '1.1.1', '--db', db, '--status', 'done')).code).toBe(0);
    expect((await sscp('log', 'abcd11', '--db', db)).out).toContain('1.1.1');
    const diff = await sscp('diff', 'abcd', 'abce', '--db', db);
    expect(diff.code, diff.err).toBe(0);
    expect((await sscp('archive', 'abce', '--db', db)).code).toBe(0);
    const ws = openWorkspace(db, { readOnly: true });
    try {
      expect(ws.getAssessment(A).responses.find((r) => r.claimId === '1.1.1')!.status).toBe('done');
      expect(ws.getAssessment(C).assessment.state).toBe('archived');
      expect(ws.resolveAssessmentId('abce3')).toBe(C);
    } finally {
      ws.close();
    }
  });

  it('refuses an ambiguous prefix, listing the candidates (with their names, quoted), and changes nothing', async () => {
    await make(A, 'Acme "Red"');
    await make(B, 'Beta Ltd');
    const r = await sscp('set', 'abcd', '1.1.1', '--db', db, '--status', 'done');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`The assessment id "abcd" is the start of 2 assessments' ids:`);
    expect(r.err).toContain(A);
    expect(r.err).toContain(B);
    expect(r.err).toContain('Give more characters of the id');
    expect(r.err).toContain('"Acme \\"Red\\""');
    expect(r.err.trim().split('\n')).toHaveLength(2); // the message and the hint, one line each
    const ws = openWorkspace(db, { readOnly: true });
    try {
      for (const id of [A, B]) expect(ws.getAssessment(id).responses.every((x) => x.status === 'not-started')).toBe(true);
    } finally {
      ws.close();
    }
  });

  it('refuses a prefix under 4 characters, one matching nothing, and an empty one', async () => {
    await make(A, 'Acme');
    const short = await sscp('show', 'abc', '--db', db);
    expect(short.code).toBe(2);
    expect(short.err).toContain('is too short to stand for one assessment');
    const none = await sscp('show', 'ffff', '--db', db);
    expect(none.code).toBe(2);
    expect(none.err).toContain('There is no assessment with id ffff.\nNo id starts with it either.');
    const empty = await sscp('show', '', '--db', db);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain('No assessment id was given');
  });

  it('takes a whole id as it is, even when it is the start of no other', async () => {
    await make(A, 'Acme');
    expect((await sscp('show', A, '--db', db)).code).toBe(0);
    const gone = await sscp('show', B, '--db', db);
    expect(gone.code).toBe(2);
    expect(gone.err).toContain(`There is no assessment with id ${B}`);
  });

  it('says so in the help of each command taking an id', async () => {
    for (const command of ['show', 'set', 'log', 'diff', 'export', 'archive', 'carry-forward']) {
      expect((await sscp(command, '--help')).out.replace(/\s+/g, ' '), command).toContain(
        'its first 4 or more characters do if no other id starts with them',
      );
    }
  });
});

describe('SSCP_DB supplies --db', () => {
  it('for every command working on a database, and --db still wins', async () => {
    const env = { SSCP_DB: db };
    const id = (await sscpWith({ env }, 'new', '--org', 'Acme', '--role', 'developer-distributor')).out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await sscpWith({ env }, 'list')).out).toContain('Acme');
    expect((await sscpWith({ env }, 'set', id.slice(0, 6), '1.1.1', '--status', 'in-progress')).code).toBe(0);
    expect((await sscpWith({ env }, 'check')).code).toBe(0);
    const other = tempFolder();
    try {
      const elsewhere = await sscpWith({ env }, 'list', '--db', other.db);
      expect(elsewhere.code).toBe(2);
      expect(elsewhere.err).toContain(other.db);
    } finally {
      other.cleanup();
    }
    expect((await sscp('list', '--db', db)).out).toContain('Acme');
  });

  it('from the real environment through bin/sscp.mjs, and help says so', async () => {
    expect((await sscp('new', '--db', db, '--org', 'Acme', '--role', 'developer-distributor')).code).toBe(0);
    process.env.SSCP_DB = db;
    try {
      const r = await sscpBin(dir, 'list');
      expect(r.code, r.err).toBe(0);
      expect(r.out).toContain('Acme');
    } finally {
      delete process.env.SSCP_DB;
    }
    const missing = await sscp('list');
    expect(missing.code).toBe(2);
    expect(missing.err).toContain("required option '--db <file>' not specified");
    expect((await sscp('list', '--help')).out).toContain('default $SSCP_DB');
    expect((await sscp('--help')).out).toContain('Every --db defaults to $SSCP_DB when that is set.');
  });

  it('is not used by the identity commands, whose --db is only for moving old identities', async () => {
    const r = await sscpWith({ env: { SSCP_DB: `${dir}/no-such.sscp` } }, 'identity', 'list');
    expect(r.code, r.err).toBe(0);
  });
});
