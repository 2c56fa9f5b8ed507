import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ShowJson } from '../../main/cli/commands/show';
import { sscp, sscpWith, tempFolder } from './run-sscp';

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => ({ dir, db, cleanup } = tempFolder()));
afterEach(() => cleanup());

const BIN = resolve(import.meta.dirname, '../../bin/sscp.mjs');

async function newAssessment(): Promise<string> {
  const r = await sscp('new', '--db', db, '--org', 'Acme Ltd', '--role', 'developer-distributor');
  expect(r.code, r.err).toBe(0);
  return r.out.trim();
}

async function show(id: string): Promise<ShowJson> {
  const r = await sscp('show', id, '--db', db, '--json');
  expect(r.code, r.err).toBe(0);
  return JSON.parse(r.out) as ShowJson;
}

async function history(id: string): Promise<{ action: string }[]> {
  return (JSON.parse((await sscp('log', id, '--db', db, '--json')).out) as { entries: { action: string }[] }).entries;
}

function claimsFile(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

describe('sscp set ID --from FILE', () => {
  it('round-trips show --json: the edited claims change, the others stay, one history entry each', async () => {
    const id = await newAssessment();
    const before = await show(id);
    const edited = before.claims.map((c) =>
      c.id === '1.1.1'
        ? { ...c, status: 'done', result: 'met', evidenceText: 'SDL handbook v3' }
        : c.id === '2.1.1'
          ? { ...c, arguments: 'Reviewed\nquarterly' }
          : c,
    );
    const r = await sscp('set', id, '--from', claimsFile('claims.json', edited), '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('1.1.1  met  done\n2.1.1  not-assessed  not-started\n');
    expect(r.err).toBe(`2 of ${before.claims.length} claims changed; ${before.claims.length - 2} already as given.\n`);
    const after = await show(id);
    expect(after.claims.find((c) => c.id === '1.1.1')).toMatchObject({ status: 'done', result: 'met', evidenceText: 'SDL handbook v3' });
    expect(after.claims.find((c) => c.id === '2.1.1')!.arguments).toBe('Reviewed\nquarterly');
    expect(after.claims.filter((c) => !['1.1.1', '2.1.1'].includes(c.id))).toEqual(
      before.claims.filter((c) => !['1.1.1', '2.1.1'].includes(c.id)),
    );
    expect((await history(id)).filter((e) => e.action === 'claim.updated')).toHaveLength(2);
  });

  it('writes nothing for a file that changes nothing: no history, no new update time', async () => {
    const id = await newAssessment();
    const before = await show(id);
    const historyBefore = await history(id);
    const r = await sscp('set', id, '--from', claimsFile('same.json', before), '--db', db);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe(`0 of ${before.claims.length} claims changed; ${before.claims.length} already as given.\n`);
    expect(await history(id)).toEqual(historyBefore);
    expect((await show(id)).assessment.updatedAt).toBe(before.assessment.updatedAt);
  });

  it('takes the whole show --json output and fields left out, and reads standard input with --from -', async () => {
    const id = await newAssessment();
    const r = await sscpWith({ stdin: JSON.stringify([{ id: '1.2.1', status: 'in-progress' }]) }, 'set', id, '--from', '-', '--db', db);
    expect(r.code, r.err).toBe(0);
    expect((await show(id)).claims.find((c) => c.id === '1.2.1')!.status).toBe('in-progress');
    const whole = await show(id);
    const r2 = await sscp(
      'set',
      id,
      '--from',
      claimsFile('whole.json', { ...whole, claims: whole.claims.map((c) => (c.id === '1.2.1' ? { ...c, result: 'partially-met' } : c)) }),
      '--db',
      db,
    );
    expect(r2.code, r2.err).toBe(0);
    expect((await show(id)).claims.find((c) => c.id === '1.2.1')).toMatchObject({ status: 'in-progress', result: 'partially-met' });
  });

  it('reads a real pipe through bin/sscp.mjs', async () => {
    const id = await newAssessment();
    const r = await new Promise<{ code: number | null; out: string; err: string }>((done) => {
      const child = execFile(
        process.execPath,
        [BIN, 'set', id.slice(0, 8), '--from', '-'],
        { env: { ...process.env, SSCP_DB: db, SSCP_DEBUG: '' } },
        (e, out, err) => done({ code: e ? ((e as { code?: number }).code ?? -1) : 0, out, err }),
      );
      child.stdin!.end(JSON.stringify([{ id: '3.1.1', result: 'not-applicable' }]));
    });
    expect(r.code, r.err).toBe(0);
    expect(r.out).toBe('3.1.1  not-applicable  not-started\n');
    expect((await show(id)).claims.find((c) => c.id === '3.1.1')!.result).toBe('not-applicable');
  });

  describe('refuses a bad entry, naming it, and changes nothing at all', () => {
    const cases: [string, (claims: Record<string, unknown>[]) => unknown, RegExp][] = [
      [
        'an unknown status',
        (c) => c.map((x, i) => (i === 5 ? { ...x, status: 'finished' } : i === 0 ? { ...x, status: 'done' } : x)),
        /^sscp: Entry \[5\] \(claim "1\.\d\.\d"\): .*finished.*Nothing was changed\./,
      ],
      [
        'a claim the catalog lacks',
        (c) => [
          { ...c[0], status: 'done' },
          { id: '9.9.9', status: 'done' },
        ],
        /^sscp: Entry \[1\] \(claim "9\.9\.9"\): /,
      ],
      [
        'the same claim twice',
        (c) => [
          { ...c[0], status: 'done' },
          { id: c[0]!.id, result: 'met' },
        ],
        /^sscp: Entry \[1\] \(claim "1\.1\.1"\): It changes the same claim as entry \[0\]\./,
      ],
      [
        'a field claims do not have',
        (c) => [
          { ...c[0], status: 'done' },
          { id: '1.1.2', Status: 'done' },
        ],
        /^sscp: Entry \[1\] \(claim "1\.1\.2"\) has a field "Status"/,
      ],
      [
        'a value that is not text',
        (c) => [
          { ...c[0], status: 'done' },
          { id: '1.1.2', evidenceText: 42 },
        ],
        /^sscp: Entry \[1\] \(claim "1\.1\.2"\): "evidenceText" is the number 42; it must be a string/,
      ],
      ['an entry without an id', (c) => [{ ...c[0], status: 'done' }, { status: 'done' }], /^sscp: Entry \[1\] has no claim "id"/],
      [
        'an entry that is not an object',
        (c) => [{ ...c[0], status: 'done' }, '1.1.2'],
        /^sscp: Entry \[1\] is a string, not a claim object\./,
      ],
      [
        'text over the length limit',
        (c) => [
          { ...c[0], status: 'done' },
          { id: '1.1.2', arguments: 'x'.repeat(100_001) },
        ],
        /^sscp: Entry \[1\] \(claim "1\.1\.2"\): /,
      ],
      ['no claims', () => [], /lists no claims: nothing to change/],
      ['no list', () => ({ assessment: {} }), /holds no list of claims/],
      ['not JSON', () => '[{"id": "1.1.1",', /is not JSON/],
    ];
    for (const [what, make, message] of cases) {
      it(what, async () => {
        const id = await newAssessment();
        const before = await show(id);
        const historyBefore = await history(id);
        const r = await sscp(
          'set',
          id,
          '--from',
          claimsFile('bad.json', make(before.claims as unknown as Record<string, unknown>[])),
          '--db',
          db,
        );
        expect(r.code).toBe(2);
        expect(r.err).toMatch(message);
        expect(r.out).toBe('');
        expect(await show(id)).toEqual(before);
        expect(await history(id)).toEqual(historyBefore);
      });
    }
  });

  it("keeps what to do about a refused entry: the refusal inside it says it, in the CLI's words", async () => {
    const id = await newAssessment();
    const r = await sscp('set', id, '--from', claimsFile('unknown.json', [{ id: '9.9.9', status: 'done' }]), '--db', db);
    expect(r.code).toBe(2);
    expect(r.err.split('\n')).toEqual([
      expect.stringMatching(
        /^sscp: Entry \[0\] \(claim "9\.9\.9"\): Claim 9\.9\.9 is not in the Code of Practice .* Nothing was changed\.$/,
      ),
      'Claims are numbered like 1.2.1; run sscp catalog to see them all.',
      '',
    ]);
  });

  it('refuses to undo a change made since the file was taken (its updatedAt), naming the claim', async () => {
    const id = await newAssessment();
    const taken = await show(id);
    expect((await sscp('set', id, '1.1.2', '--db', db, '--evidence-text', "a colleague's newer text")).code).toBe(0);
    const mine = taken.claims.map((c) =>
      c.id === '1.1.1' ? { ...c, status: 'done' } : c.id === '1.1.2' ? { ...c, evidenceText: 'my older text' } : c,
    );
    const r = await sscp('set', id, '--from', claimsFile('stale.json', mine), '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^sscp: Entry \[1\] \(claim "1\.1\.2"\): The claim was changed at .*, after the copy this change was made from/);
    const now = await show(id);
    expect(now.claims.find((c) => c.id === '1.1.2')!.evidenceText).toBe("a colleague's newer text");
    expect(now.claims.find((c) => c.id === '1.1.1')!.status).toBe('not-started');
    // An entry that matches the claim as it is now is no conflict, however old its updatedAt.
    const caughtUp = mine.map((c) => (c.id === '1.1.2' ? { ...c, evidenceText: "a colleague's newer text" } : c));
    const r1 = await sscp('set', id, '--from', claimsFile('caught-up.json', caughtUp), '--db', db);
    expect(r1.code, r1.err).toBe(0);
    expect(r1.out).toBe('1.1.1  not-assessed  done\n');
    // The file as taken still holds 1.1.2's old text; without updatedAt it overwrites on purpose.
    const untouched = taken.claims.map((c) => (c.id === '1.1.1' ? { ...c, status: 'done' } : c));
    expect((await sscp('set', id, '--from', claimsFile('fine.json', untouched), '--db', db)).code).toBe(2);
    const withoutTimes = untouched.map(({ updatedAt: _drop, ...c }) => c);
    const r2 = await sscp('set', id, '--from', claimsFile('fine.json', withoutTimes), '--db', db);
    expect(r2.code, r2.err).toBe(0);
    expect((await show(id)).claims.find((c) => c.id === '1.1.2')!.evidenceText).toBe(''); // overwritten on purpose
  });

  it('is refused with a claim number or single-claim options, with a folder, and on a signed or archived assessment', async () => {
    const id = await newAssessment();
    const file = claimsFile('c.json', [{ id: '1.1.1', status: 'done' }]);
    const withClaim = await sscp('set', id, '1.1.1', '--from', file, '--db', db);
    expect(withClaim.code).toBe(2);
    expect(withClaim.err).toContain('--from takes every change from the file');
    expect((await sscp('set', id, '--from', file, '--status', 'done', '--db', db)).code).toBe(2);
    mkdirSync(join(dir, 'folder'));
    const folder = await sscp('set', id, '--from', join(dir, 'folder'), '--db', db);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain('is a folder, not a file');
    const noClaim = await sscp('set', id, '--db', db, '--status', 'done');
    expect(noClaim.code).toBe(2);
    expect(noClaim.err).toContain('No claim number was given');
    expect((await sscp('archive', id, '--db', db)).code).toBe(0);
    const archived = await sscp('set', id, '--from', file, '--db', db);
    expect(archived.code).toBe(2);
    expect((await show(id)).claims.find((c) => c.id === '1.1.1')!.status).toBe('not-started');
  });
});
