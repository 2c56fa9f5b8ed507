import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ListJson } from '../../main/cli/commands/list';
import type { ShowJson } from '../../main/cli/commands/show';
import { openWorkspace } from '../../main/services/workspace';
import { CURRENT_CATALOG, listClaims } from '../../shared/catalog/index';
import { sscp, sscpBin, tempFolder } from './run-sscp';

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => ({ dir, db, cleanup } = tempFolder()));
afterEach(() => cleanup());

const UNICODE_ORG = 'Zoë & Søn Łódź 株式会社';

async function newAssessment(...extra: string[]): Promise<string> {
  const r = await sscp('new', '--db', db, '--org', 'Acme Ltd', '--role', 'developer-distributor', ...extra);
  expect(r.code, r.err).toBe(0);
  return r.out.trim();
}

describe('sscp new', () => {
  it('creates the database and prints only the new id', async () => {
    const r = await sscp(
      'new',
      '--db',
      db,
      '--org',
      'Acme',
      '--role',
      'reseller',
      '--product',
      'Widget',
      '--product',
      'Gadget',
      '--period-start',
      '2026-01-01',
      '--period-end',
      '2026-12-31',
      '--sro',
      'Sam Smith',
      '--sro-role',
      'CTO',
    );
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^[0-9a-f-]{36}\n$/);
    expect(existsSync(db)).toBe(true);
    const show = JSON.parse((await sscp('show', r.out.trim(), '--db', db, '--json')).out) as ShowJson;
    expect(show.assessment).toMatchObject({
      organisation: 'Acme',
      role: 'reseller',
      products: ['Widget', 'Gadget'],
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Sam Smith',
      sroRole: 'CTO',
      state: 'draft',
    });
  });

  it('keeps a Unicode organisation name exactly through new → show --json', async () => {
    const id = (await sscp('new', '--db', db, '--org', UNICODE_ORG, '--role', 'developer-only', '--theme3-in-scope')).out.trim();
    const show = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(show.assessment.organisation).toBe(UNICODE_ORG);
    expect(show.assessment.theme3InScope).toBe(true);
  });

  it('refuses a bad role or date with exit 2 and the valid values', async () => {
    const role = await sscp('new', '--db', db, '--org', 'Acme', '--role', 'vendor');
    expect(role.code).toBe(2);
    expect(role.err).toContain('"vendor" is not a valid role.');
    expect(role.err).toContain('Use one of: developer-distributor, reseller, developer-only.');
    const date = await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller', '--period-end', '31/12/2026');
    expect(date.code).toBe(2);
    expect(date.err).toContain('YYYY-MM-DD');
    const missing = await sscp('new', '--db', db, '--role', 'reseller');
    expect(missing.code).toBe(2);
  });
});

describe('sscp list', () => {
  it('says how to start when empty, and lists assessments with progress', async () => {
    const empty = join(dir, 'empty.sscp');
    openWorkspace(empty).close();
    const none = await sscp('list', '--db', empty);
    expect(none).toEqual({ code: 0, out: 'No assessments yet. Start one with: sscp new --db FILE --org NAME --role ROLE\n', err: '' });
    await newAssessment();
    const human = await sscp('list', '--db', db);
    expect(human.code).toBe(0);
    expect(human.out).toMatch(/draft +0\/45 assessed {2}Acme Ltd \(developer-distributor\)/);
  });

  it('prints the documented JSON shape', async () => {
    const id = await newAssessment('--product', 'Widget');
    await sscp('set', id, '1.1.1', '--db', db, '--result', 'met');
    const json = JSON.parse((await sscp('list', '--db', db, '--json')).out) as ListJson;
    expect(Object.keys(json)).toEqual(['assessments', 'archivedHidden']);
    expect(Object.keys(json.assessments[0]!)).toEqual([
      'id',
      'organisation',
      'products',
      'role',
      'theme3InScope',
      'periodStart',
      'periodEnd',
      'sroName',
      'sroRole',
      'catalogId',
      'catalogVersion',
      'state',
      'origin',
      'previousId',
      'createdAt',
      'updatedAt',
      'signedAt',
      'unverifiedSigner',
      'completeness',
    ]);
    expect(json.assessments[0]).toMatchObject({
      id,
      products: ['Widget'],
      catalogId: CURRENT_CATALOG.id,
      catalogVersion: CURRENT_CATALOG.version,
    });
    expect(json.assessments[0]!.completeness).toEqual({ claimsInScope: 45, assessed: 1, done: 0, withEvidence: 0, percentAssessed: 2 });
  });

  it('exits 2 with a hint when the database is not there, and does not create it', async () => {
    const missing = join(dir, 'typo.sscp');
    for (const argv of [['list'], ['show', 'x'], ['set', 'x', '1.1.1', '--status', 'done'], ['attach', 'x', '1.1.1', 'f'], ['check']]) {
      const r = await sscp(...argv, '--db', missing);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.err).toContain(`No database at ${missing}.`);
      expect(r.err).toContain('sscp new --db FILE');
    }
    expect(existsSync(missing)).toBe(false);
  });

  it('exits 2 for a file that is not a database', async () => {
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'not a database at all, just some words');
    const r = await sscp('list', '--db', notes);
    expect(r.code).toBe(2);
    expect(r.err).toContain('not an SQLite file');
  });
});

describe('sscp show', () => {
  it('prints a header, then each claim with result, status and evidence', async () => {
    const id = await newAssessment('--product', 'Widget');
    await sscp('set', id, '1.2.1', '--db', db, '--result', 'partially-met', '--status', 'in-progress');
    const file = join(dir, 'sbom.cdx.json');
    writeFileSync(file, '{"bomFormat":"CycloneDX"}');
    const attached = await sscp('attach', id, '1.2.1', file, '--db', db);
    const r = await sscp('show', id, '--db', db);
    expect(r.code).toBe(0);
    expect(r.out.split('\n')[0]).toBe('Acme Ltd');
    expect(r.out).toContain(`  Id:        ${id}`);
    expect(r.out).toContain('Progress:  1 of 45 claims in scope assessed, 0 done, 1 with evidence');
    expect(r.out).toMatch(/\n {4}1\.2\.1 {2}partially-met {2}in-progress {3}\S/);
    expect(r.out).toContain(`evidence: ${attached.out.trim()}`);
    expect(r.out.match(/^ {4}\d+\.\d+\.\d+ /gm)).toHaveLength(45);
  });

  it('prints the documented JSON, claim ids as written, in catalog order', async () => {
    const id = await newAssessment();
    const file = join(dir, 'policy.pdf');
    writeFileSync(file, '%PDF-1.7');
    await sscp(
      'attach',
      id,
      '2.1.1',
      file,
      '--db',
      db,
      '--confidential',
      '--effective',
      '2026-02-01',
      '--expires',
      '2027-02-01',
      '--description',
      'Access policy',
    );
    const json = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(Object.keys(json)).toEqual(['assessment', 'completeness', 'signedPack', 'claims', 'evidence', 'actions', 'contributedEvidence']);
    expect(json.signedPack).toBeNull();
    expect(json.claims.map((c) => c.id)).toEqual(listClaims(CURRENT_CATALOG).map((c) => c.claim.id));
    const claim = json.claims.find((c) => c.id === '2.1.1')!;
    expect(Object.keys(claim)).toEqual([
      'id',
      'themeId',
      'principleId',
      'title',
      'inScope',
      'status',
      'result',
      'evidenceText',
      'arguments',
      'updatedAt',
      'evidenceIds',
      'owner',
      'contributedBy',
      'pendingContributions',
    ]);
    expect(claim).toMatchObject({ themeId: '2', principleId: '2.1', inScope: true, evidenceIds: [json.evidence[0]!.id] });
    expect(json.evidence[0]).toEqual({
      id: expect.any(String),
      kind: 'file',
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
      fileName: 'policy.pdf',
      size: 8,
      mediaType: 'application/pdf',
      description: 'Access policy',
      effectiveDate: '2026-02-01',
      expiryDate: '2027-02-01',
      confidential: true,
      withholdDetails: false,
      owner: '',
      present: true,
      addedAt: expect.any(String),
    });
  });

  it('exits 2 for an unknown id with a hint to run sscp list', async () => {
    await newAssessment();
    const r = await sscp('show', 'no-such-id', '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('There is no assessment with id no-such-id.');
    expect(r.err).toContain('sscp list');
  });
});

describe('through bin/sscp.mjs', () => {
  it('new → set → show --json round-trips, with ID=$(sscp new …) usable', async () => {
    const created = await sscpBin(dir, 'new', '--db', db, '--org', UNICODE_ORG, '--role', 'developer-distributor');
    expect(created.code, created.err).toBe(0);
    const id = created.out.trim();
    expect(created.out).toBe(`${id}\n`);
    const set = await sscpBin(dir, 'set', id, '4.1.1', '--db', db, '--result', 'met', '--status', 'done');
    expect(set).toMatchObject({ code: 0, out: '4.1.1  met  done\n' });
    const show = await sscpBin(dir, 'show', id, '--db', db, '--json');
    const json = JSON.parse(show.out) as ShowJson;
    expect(json.assessment.organisation).toBe(UNICODE_ORG);
    expect(json.claims.find((c) => c.id === '4.1.1')).toMatchObject({ result: 'met', status: 'done' });
    const bad = await sscpBin(dir, 'set', id, '4.1.1', '--db', db, '--result', 'yes');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('Use one of: not-assessed, met, partially-met, not-met, not-applicable.');
  });
});
