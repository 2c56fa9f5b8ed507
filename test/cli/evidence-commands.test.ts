import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CheckJson } from '../../main/cli/commands/check';
import type { ShowJson } from '../../main/cli/commands/show';
import { openWorkspace } from '../../main/services/workspace';
import { sscp, tempFolder } from './run-sscp';

let dir: string;
let db: string;
let cleanup: () => void;
let id: string;
beforeEach(async () => {
  ({ dir, db, cleanup } = tempFolder());
  id = (await sscp('new', '--db', db, '--org', 'Acme', '--role', 'developer-distributor')).out.trim();
});
afterEach(() => cleanup());

function file(name: string, content: string): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}
const sha = (s: string) => createHash('sha256').update(s).digest('hex');

describe('sscp set', () => {
  it('records result, status and both text columns', async () => {
    const r = await sscp(
      'set',
      id,
      '1.3.1',
      '--db',
      db,
      '--status',
      'needs-review',
      '--result',
      'not-met',
      '--evidence-text',
      'Test plan v2',
      '--arguments',
      'Only covers web app',
    );
    expect(r).toEqual({ code: 0, out: '1.3.1  not-met  needs-review\n', err: '' });
    const json = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(json.claims.find((c) => c.id === '1.3.1')).toMatchObject({
      status: 'needs-review',
      result: 'not-met',
      evidenceText: 'Test plan v2',
      arguments: 'Only covers web app',
    });
  });

  it('exits 2 for an unknown claim, an invalid value, or nothing to change', async () => {
    const claim = await sscp('set', id, '9.9.9', '--db', db, '--status', 'done');
    expect(claim.code).toBe(2);
    expect(claim.err).toBe(
      'sscp: Claim 9.9.9 is not in the Code of Practice (catalog uk-sscp 2025.2).\nClaims are numbered like 1.2.1; run sscp catalog to see them all.\n',
    );
    const status = await sscp('set', id, '1.1.1', '--db', db, '--status', 'complete');
    expect(status.code).toBe(2);
    expect(status.err).toContain('Use one of: not-started, in-progress, needs-review, done.');
    const nothing = await sscp('set', id, '1.1.1', '--db', db);
    expect(nothing.code).toBe(2);
    expect(nothing.err).toContain('Nothing to change.');
  });

  it('exits 2 with the frozen message on a signed assessment', async () => {
    const ws = openWorkspace(db);
    ws.markSigned(id, {
      packSha256: 'c'.repeat(64),
      packId: 'p',
      signerFingerprint: 'f',
      signedAt: '2026-05-01T09:00:00.000Z',
      profile: 'customer',
    });
    ws.close();
    const r = await sscp('set', id, '1.1.1', '--db', db, '--result', 'met');
    expect(r.code).toBe(2);
    expect(r.err).toContain('This assessment was signed on 2026-05-01 and can no longer be changed.');
    expect(r.err).toContain('sscp carry-forward');
  });
});

describe('sscp attach', () => {
  it('attaches several files and prints "<sha256>  <name>" for each', async () => {
    const r = await sscp(
      'attach',
      id,
      '1.2.1',
      file('a.txt', 'alpha'),
      file('b.csv', 'beta'),
      '--db',
      db,
      '--description',
      'SBOM',
      '--effective',
      '2026-01-31',
    );
    expect(r).toEqual({ code: 0, out: `${sha('alpha')}  a.txt\n${sha('beta')}  b.csv\n`, err: '' });
    const json = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(json.claims.find((c) => c.id === '1.2.1')!.evidenceIds).toHaveLength(2);
    expect(json.evidence.map((e) => [e.fileName, e.mediaType, e.description, e.effectiveDate, e.confidential])).toEqual([
      ['a.txt', 'text/plain', 'SBOM', '2026-01-31', false],
      ['b.csv', 'text/csv', 'SBOM', '2026-01-31', false],
    ]);
  });

  it('exits 2 for bad dates, expiry before effective, or a missing file', async () => {
    const f = file('a.txt', 'alpha');
    const bad = await sscp('attach', id, '1.2.1', f, '--db', db, '--expires', '2026-13-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('The expiry date "2026-13-01" is not a real calendar day.');
    const order = await sscp('attach', id, '1.2.1', f, '--db', db, '--effective', '2026-06-01', '--expires', '2026-05-01');
    expect(order.code).toBe(2);
    expect(order.err).toContain('The expiry date 2026-05-01 is before the effective date 2026-06-01.');
    const missing = await sscp('attach', id, '1.2.1', join(dir, 'nope.pdf'), '--db', db);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`There is no file at ${join(dir, 'nope.pdf')}.`);
  });
});

describe('withholding the details of confidential evidence', () => {
  it('sscp attach --withhold-details, and sscp show --as-recipient lists the evidence as each recipient will see it', async () => {
    await sscp('attach', id, '1.2.1', file('sbom.json', 'sbom'), '--db', db, '--description', 'The SBOM');
    const r = await sscp(
      'attach',
      id,
      '1.2.1',
      file('Nightingale-pentest.pdf', 'secret'),
      '--db',
      db,
      '--description',
      'Kestrel findings',
      '--confidential',
      '--withhold-details',
    );
    expect(r).toEqual({ code: 0, out: `${sha('secret')}  Nightingale-pentest.pdf\n`, err: '' });

    const customer = await sscp('show', id, '--db', db, '--as-recipient', 'customer');
    expect(customer.code).toBe(0);
    expect(customer.out).not.toMatch(/Nightingale|Kestrel/);
    expect(customer.out).toContain('Withheld file 1 (confidential)');
    expect(customer.out).toContain(sha('secret'));
    expect(customer.out).toContain('withheld, name and description too');
    expect(customer.out).toContain('sbom.json');
    const json = JSON.parse((await sscp('show', id, '--db', db, '--as-recipient', 'customer', '--json')).out) as {
      recipient: string;
      evidence: { name: string; description: string; detailsWithheld: boolean; embedded: boolean; sha256: string }[];
    };
    expect(json.recipient).toBe('customer');
    expect(json.evidence.map((e) => [e.name, e.description, e.detailsWithheld, e.embedded])).toEqual([
      ['sbom.json', 'The SBOM', false, true],
      ['Withheld file 1 (confidential)', '', true, false],
    ]);
    const certification = await sscp('show', id, '--db', db, '--as-recipient', 'certification');
    expect(certification.out).toContain('Nightingale-pentest.pdf');
    expect(certification.out).toContain('Kestrel findings');
    const wrong = await sscp('show', id, '--db', db, '--as-recipient', 'public');
    expect(wrong.code).toBe(2);

    const show = await sscp('show', id, '--db', db);
    expect(show.out).toContain('Nightingale-pentest.pdf  (confidential, details withheld from customers)');
  });

  it('refuses --withhold-details on evidence that is not confidential, before copying anything', async () => {
    const r = await sscp('attach', id, '1.2.1', file('a.txt', 'alpha'), '--db', db, '--withhold-details');
    expect(r.code).toBe(2);
    expect(r.err).toContain('Only confidential evidence can have its name and description withheld');
    const json = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(json.evidence).toEqual([]);
  });

  it('sscp set-evidence changes the setting on evidence already attached, by id or by SHA-256', async () => {
    await sscp('attach', id, '1.2.1', file('report.pdf', 'report'), '--db', db, '--confidential');
    const item = (JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson).evidence[0]!;
    expect(item.withholdDetails).toBe(false);
    const on = await sscp('set-evidence', sha('report'), '--db', db, '--withhold-details');
    expect(on).toEqual({
      code: 0,
      out: `${item.id}  ${sha('report')}  report.pdf  (withheld from customer packs, name and description too)\n`,
      err: '',
    });
    expect((JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson).evidence[0]).toMatchObject({
      confidential: true,
      withholdDetails: true,
    });
    const off = await sscp('set-evidence', item.id, '--db', db, '--shareable');
    expect(off.out).toContain('(in customer packs)');
    expect((JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson).evidence[0]).toMatchObject({
      confidential: false,
      withholdDetails: false,
    });

    const refused = await sscp('set-evidence', item.id, '--db', db, '--withhold-details');
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('Only confidential evidence');
    const both = await sscp('set-evidence', item.id, '--db', db, '--confidential', '--shareable');
    expect(both.code).toBe(2);
    expect(both.err).toContain('--confidential and --shareable contradict each other.');
    const nothing = await sscp('set-evidence', item.id, '--db', db);
    expect(nothing.code).toBe(2);
    const unknown = await sscp('set-evidence', 'no-such-item', '--db', db, '--confidential');
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('There is no evidence with id or SHA-256 no-such-item.');
  });
});

describe('sscp attach --link: evidence that is not a file', () => {
  it('adds a reference that counts for sign-off, shown without a hash', async () => {
    await sscp('set', id, '1.1.1', '--db', db, '--result', 'met', '--status', 'done');
    const before = await sscp('check', '--db', db);
    expect(before.code).toBe(0);
    const r = await sscp(
      'attach',
      id,
      '1.1.1',
      '--db',
      db,
      '--link',
      'https://jira.example.com/browse/SEC-142',
      '--description',
      'Branch protection on all repos',
      '--date',
      '2026-03-02',
      '--owner',
      'Platform team',
    );
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/^\S+ {2}reference: https:\/\/jira\.example\.com\/browse\/SEC-142\n$/);
    const json = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson;
    expect(json.evidence[0]).toMatchObject({
      kind: 'reference',
      sha256: '',
      size: 0,
      present: false,
      owner: 'Platform team',
      effectiveDate: '2026-03-02',
      description: 'Branch protection on all repos',
    });
    const text = (await sscp('show', id, '--db', db)).out;
    expect(text).toContain('reference: https://jira.example.com/browse/SEC-142  (owner Platform team)  dated 2026-03-02');
    const recipient = (await sscp('show', id, '--db', db, '--as-recipient', 'customer')).out;
    expect(recipient).toContain('SHA-256  (none: a reference is not a file)');
    expect((await sscp('check', '--db', db)).code).toBe(0);
  });

  it('exits 2, adding nothing, for a javascript: or file: address, no description, files and --link together, or --owner on files', async () => {
    const bad = await sscp('attach', id, '1.1.1', '--db', db, '--link', 'javascript:alert(1)', '--description', 'x');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('"javascript:" addresses cannot be references');
    const fileUrl = await sscp('attach', id, '1.1.1', '--db', db, '--link', 'file:///etc/passwd', '--description', 'x');
    expect(fileUrl.code).toBe(2);
    const noDescription = await sscp('attach', id, '1.1.1', '--db', db, '--link', 'Jira SEC-142');
    expect(noDescription.code).toBe(2);
    expect(noDescription.err).toContain('A reference needs a description');
    const both = await sscp('attach', id, '1.1.1', file('a.txt', 'alpha'), '--db', db, '--link', 'Jira SEC-142', '--description', 'x');
    expect(both.code).toBe(2);
    const owner = await sscp('attach', id, '1.1.1', file('a.txt', 'alpha'), '--db', db, '--owner', 'Ann');
    expect(owner.code).toBe(2);
    expect(owner.err).toContain('--owner is for a reference (--link)');
    const nothing = await sscp('attach', id, '1.1.1', '--db', db);
    expect(nothing.code).toBe(2);
    const badDate = await sscp('attach', id, '1.1.1', '--db', db, '--link', 'Jira SEC-142', '--description', 'x', '--date', '02/03/2026');
    expect(badDate.code).toBe(2);
    expect((JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as ShowJson).evidence).toEqual([]);
  });
});

describe('sscp check', () => {
  it('reports ok and exits 0 on a sound database', async () => {
    await sscp('attach', id, '1.2.1', file('a.txt', 'alpha'), '--db', db);
    const human = await sscp('check', '--db', db);
    expect(human.code).toBe(0);
    expect(human.out).toContain('Everything checks out.');
    const json = JSON.parse((await sscp('check', '--db', db, '--json')).out) as CheckJson;
    expect(json).toEqual({
      ok: true,
      sqlite: { ok: true, messages: [] },
      auditChain: { ok: true, entries: 2, problems: [] },
      evidence: { ok: true, checked: 1, missing: [], mismatched: [], unreferenced: [], strays: [] },
      exports: { inProgress: [], recovered: [] },
      problems: [],
    });
  });

  it('exits 1 and names the file when evidence was changed, and when the audit log was edited', async () => {
    await sscp('attach', id, '1.2.1', file('a.txt', 'alpha'), '--db', db);
    const ws = openWorkspace(db);
    writeFileSync(ws.evidenceBlobPath(sha('alpha')), 'ALPHA');
    ws.close();
    const changed = await sscp('check', '--db', db);
    expect(changed.code).toBe(1);
    expect(changed.out).toContain(`Evidence file a.txt (SHA-256 ${sha('alpha')}) has been changed`);

    const raw = new Database(db);
    raw.exec('DROP TRIGGER audit_log_no_update');
    raw.prepare("UPDATE audit_log SET action = 'forged' WHERE seq = 1").run();
    raw.close();
    const json = JSON.parse((await sscp('check', '--db', db, '--json')).out) as CheckJson;
    expect(json.ok).toBe(false);
    expect(json.auditChain.problems).toContain('Audit entry 1 has been changed since it was written.');
    expect((await sscp('check', '--db', db, '--json')).code).toBe(1);
  });
});
