import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarryForwardJson } from '../../main/cli/commands/carry-forward';
import type { DiffJson } from '../../main/cli/commands/diff';
import type { ShowJson } from '../../main/cli/commands/show';
import { openWorkspace } from '../../main/services/workspace';
import { sscp, tempFolder } from './run-sscp';

let db: string;
let cleanup: () => void;
beforeEach(() => ({ db, cleanup } = tempFolder()));
afterEach(() => cleanup());

/** A signed assessment made on catalog 2025.1, as last year's database would hold it. */
function signedOn2025v1(): string {
  const ws = openWorkspace(db);
  try {
    const a = ws.createAssessment({
      organisation: 'Acme',
      role: 'developer-distributor',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      catalog: { id: 'uk-sscp', version: '2025.1' },
      seed: { responses: [{ claimId: '1.4.3', result: 'met', status: 'done', evidenceText: 'Installer forces a new admin password.' }] },
    });
    ws.markSigned(a.id, {
      packSha256: 'c'.repeat(64),
      packId: 'pack-2025',
      signerFingerprint: 'AB:CD',
      signedAt: '2026-01-20T09:00:00.000Z',
      profile: 'customer',
    });
    return a.id;
  } finally {
    ws.close();
  }
}

describe('carrying a 2025.1 assessment forward to catalog 2025.2', () => {
  it('moves to 2025.2 and lists, on stderr, each reworded claim with the reason', async () => {
    const old = signedOn2025v1();
    const r = await sscp('carry-forward', old, '--db', db);
    expect(r.code, r.err).toBe(0);
    const id = r.out.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(r.err).toContain('Note: the new draft uses catalog 2025.2 (the assessment used 2025.1); 18 claims now read differently;');
    const lines = r.err.split('\n').filter((l) => /^ {2}\d\.\d\.\d/.test(l));
    expect(lines.map((l) => l.trim().split(/\s+/)[0])).toEqual([
      '1.1.2',
      '1.1.3',
      '1.1.4',
      '1.1.5',
      '1.1.6',
      '1.2.3',
      '1.2.5',
      '1.3.2',
      '1.3.3',
      '1.4.3',
      '1.4.5',
      '2.1.3',
      '2.1.4',
      '3.1.2',
      '3.2.1',
      '3.4.2',
      '4.3.1',
      '4.3.2',
    ]);
    expect(lines.find((l) => l.includes('1.4.3'))).toMatch(/vendor's own tools/);

    const show = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(show.assessment.catalogVersion).toBe('2025.2');
    expect(show.claims.find((c) => c.id === '1.4.3')).toMatchObject({ status: 'needs-review', result: 'met' });
  });

  it('--json gives both versions and, per reworded claim, the old and new statement and why', async () => {
    const old = signedOn2025v1();
    const r = await sscp('carry-forward', old, '--db', db, '--json');
    expect(r.code, r.err).toBe(0);
    const json = JSON.parse(r.out) as CarryForwardJson;
    expect(json).toMatchObject({ previousCatalogVersion: '2025.1', catalogVersion: '2025.2' });
    expect(json.statementChanges).toHaveLength(18);
    expect(json.statementChanges.find((c) => c.claimId === '3.2.1')).toEqual({
      claimId: '3.2.1',
      title: 'A disclosure policy and process are published',
      fromVersion: '2025.1',
      toVersion: '2025.2',
      from: 'The organisation publishes a vulnerability disclosure policy and has a process behind it for handling reports.',
      to: 'Both the vulnerability disclosure policy and the process for handling reports are published.',
      note: expect.stringMatching(/policy and the process to be published/),
    });
  });

  it('says nothing about the catalog when the assessment already uses the current one', async () => {
    const made = await sscp('new', '--db', db, '--org', 'Acme', '--role', 'developer-distributor');
    const r = await sscp('carry-forward', made.out.trim(), '--db', db, '--json');
    const json = JSON.parse(r.out) as CarryForwardJson;
    expect(json).toMatchObject({ previousCatalogVersion: '2025.2', catalogVersion: '2025.2', statementChanges: [] });
    const text = await sscp('carry-forward', made.out.trim(), '--db', db);
    expect(text.err).not.toContain('catalog');
  });

  it('sscp diff between the 2025.1 assessment and its successor shows the statement change', async () => {
    const old = signedOn2025v1();
    const id = (await sscp('carry-forward', old, '--db', db)).out.trim();
    const text = await sscp('diff', old, id, '--db', db);
    expect(text.code, text.err).toBe(0);
    expect(text.out).toContain('statement reworded in catalog 2025.2: The APC claim covers default and persistent passwords anywhere');
    expect(text.out).toContain(
      'was (2025.1): The software ships without default passwords and without fixed passwords that cannot be changed.',
    );
    expect(text.out).toContain(
      'now (2025.2): Default and persistent passwords are not used, neither in the software the organisation supplies nor in the tools it uses itself.',
    );
    expect(text.out).toContain('18 claim statements reworded between catalog 2025.1 and 2025.2.');

    const json = JSON.parse((await sscp('diff', old, id, '--db', db, '--json')).out) as DiffJson;
    expect(json.totals.statementChanges).toBe(18);
    expect(json.claims.find((c) => c.claimId === '4.3.1')?.statement).toMatchObject({
      fromVersion: '2025.1',
      toVersion: '2025.2',
      to: expect.stringMatching(/is published\.$/),
    });
    expect(json.claims.find((c) => c.claimId === '1.1.1')?.statement ?? null).toBeNull();
  });
});
