import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strToU8 } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CarryForwardJson } from '../../../main/cli/commands/carry-forward';
import type { DiffJson } from '../../../main/cli/commands/diff';
import type { ImportFormJson } from '../../../main/cli/commands/import-form';
import type { ShowJson } from '../../../main/cli/commands/show';
import { openWorkspace } from '../../../main/services/workspace';
import { sscp, tempFolder } from '../../cli/run-sscp';
import { docxBytes, headerRow, p, r, tbl } from './word-xml';

const fixtures = join(import.meta.dirname, '../../fixtures/form');

let dir: string;
let db: string;
let cleanup: () => void;
beforeEach(() => ({ dir, db, cleanup } = tempFolder()));
afterEach(() => cleanup());

async function ok(...argv: string[]): Promise<string> {
  const res = await sscp(...argv);
  expect(res.err, `sscp ${argv.join(' ')}`).toBe('');
  expect(res.code).toBe(0);
  return res.out;
}

async function show(id: string): Promise<ShowJson> {
  return JSON.parse(await ok('show', id, '--db', db, '--json')) as ShowJson;
}

const EVIDENCE = 'Secure Development Policy v3.2 — “SDP”\n\nAppendix B ✓\tsigned';
const ARGUMENTS = 'Covers threat modelling.\nWe assume 日本語 teams follow it too.';

describe('sscp export-form and import-form', () => {
  it('exports an assessment and imports it back as a new draft with the same text, results, actions and evidence links', async () => {
    const id = (
      await ok('new', '--db', db, '--org', 'Zoë & Søn Ltd', '--role', 'developer-distributor', '--sro', 'Sam Smith', '--sro-role', 'CTO')
    ).trim();
    await ok('set', id, '1.1.1', '--db', db, '--result', 'met', '--status', 'done', '--evidence-text', EVIDENCE, '--arguments', ARGUMENTS);
    await ok('set', id, '2.1.6', '--db', db, '--result', 'not-met', '--arguments', 'No reviews yet.');
    writeFileSync(join(dir, 'sbom.json'), '{"bomFormat":"CycloneDX"}');
    await ok('attach', id, '1.2.1', join(dir, 'sbom.json'), '--db', db);
    const ws = openWorkspace(db, { mustExist: true });
    ws.addAction(id, { claimId: '2.1.6', description: 'Start quarterly access reviews', owner: 'Bob', dueDate: '2026-06-30' });
    ws.close();

    const form = join(dir, 'form.docx');
    expect(await ok('export-form', id, '--db', db, '--out', form)).toBe(`${form}\n`);
    const imported = JSON.parse(await ok('import-form', form, '--db', db, '--json')) as ImportFormJson;
    expect(imported.placed).toHaveLength(45);
    expect(imported.unplaced).toEqual([]);
    expect(imported.warnings).toEqual([]);
    expect(imported.cover).toMatchObject({ organisation: 'Zoë & Søn Ltd', assessorName: 'Sam Smith', assessorRole: 'CTO' });
    expect(imported.linkedEvidence).toEqual([expect.objectContaining({ claimId: '1.2.1', fileName: 'sbom.json' })]);

    const copy = await show(imported.assessmentId);
    expect(copy.assessment).toMatchObject({
      origin: 'imported-form',
      organisation: 'Zoë & Søn Ltd',
      sroName: 'Sam Smith',
      sroRole: 'CTO',
      state: 'draft',
    });
    const claim = (cid: string) => copy.claims.find((c) => c.id === cid);
    expect(claim('1.1.1')).toMatchObject({ result: 'met', status: 'needs-review', evidenceText: EVIDENCE, arguments: ARGUMENTS });
    expect(claim('2.1.6')).toMatchObject({ result: 'not-met', status: 'needs-review', arguments: 'No reviews yet.' });
    expect(claim('1.2.1')?.evidenceIds).toHaveLength(1);
    expect(claim('3.1.1')).toMatchObject({ result: 'not-assessed', status: 'not-started', evidenceText: '' });
    expect(copy.actions).toEqual([
      expect.objectContaining({
        claimId: '2.1.6',
        description: 'Start quarterly access reviews',
        owner: 'Bob',
        dueDate: '2026-06-30',
        state: 'open',
      }),
    ]);

    // The same file again is noticed, not imported twice.
    const again = await sscp('import-form', form, '--db', db);
    expect(again.code).toBe(2);
    expect(again.err).toContain(`form.docx was already imported on`);
  });

  it('imports a 43-claim form made by LibreOffice into a new database and says where each row went', async () => {
    const out = await ok('import-form', join(fixtures, 'form-43.docx'), '--db', db);
    expect(out).toMatch(/^Imported form-43\.docx as assessment [0-9a-f-]{36} \(a draft, catalog 2025\.2\)\.\n/);
    expect(out).toContain('Rows placed:   43 (43 by number and text, 0 by number only, 0 by text only)');
    expect(out).toContain(
      '\nNote:\n- This is the self-assessment form v0.4 (43 claims): its claim 4.3.1 (customers are told of incidents promptly) is claim 4.3.2 in APC v1.0',
    );
    expect(out).toContain(
      '- Form v0.4 has no rows for claims 2.1.6 (access is reviewed regularly) and 4.3.1 (an incident support plan is published): they start empty in the new draft.',
    );
    expect(out).toContain('- The Date Completed "31/02/2026" is not a date in the form dd/mm/yyyy; it was left out.');
    expect(out).not.toContain('Numbered 4.3.1 on the form');

    const json = JSON.parse(
      await ok('import-form', join(fixtures, 'form-45.docx'), '--db', db, '--json', '--role', 'reseller'),
    ) as ImportFormJson;
    const copy = await show(json.assessmentId);
    expect(copy.assessment).toMatchObject({ organisation: 'Northwind Software Ltd', role: 'reseller', sroName: 'Priya Raman' });
    expect(copy.claims.find((c) => c.id === '1.1.1')?.evidenceText).toBe(
      'Secure Development Policy v3.2 (owner: Head of Engineering), reviewed 14/01/2026.\nMapping of our process to NIST SSDF, appendix B.',
    );
  });

  describe('refuses unusable files with exit 2 and creates no database', () => {
    const cases: [string, () => Uint8Array | string, RegExp][] = [
      [
        'a Word document that is not the form',
        () => docxBytes(p(r('Dear customer'))),
        /is not the Software Security Code of Practice self-assessment form/,
      ],
      ['an empty file', () => '', /is not a Word document \(\.docx\): it is empty/],
      [
        'a file of random bytes',
        () => new Uint8Array(2048).map((_, i) => (i * 31 + 7) % 256),
        /is not a Word document \(\.docx\): it is not a zip archive/,
      ],
      ['a zip with a traversal entry', () => docxBytes(tbl(headerRow()), { '../../evil.sh': strToU8('rm -rf') }), /unsafe path/],
      [
        'a zip bomb',
        () => docxBytes(tbl(headerRow()), { word: { 'document.xml': strToU8('x'), 'bomb.xml': new Uint8Array(64 * 1024 * 1024) } }),
        /zip bomb/,
      ],
    ];
    it.each(cases)('%s', async (_name, bytes, message) => {
      const file = join(dir, 'input.docx');
      writeFileSync(file, bytes());
      const res = await sscp('import-form', file, '--db', db);
      expect(res.code).toBe(2);
      expect(res.out).toBe('');
      expect(res.err).toMatch(message);
      expect(existsSync(db)).toBe(false);
    });

    it('a file that does not exist', async () => {
      const res = await sscp('import-form', join(dir, 'nope.docx'), '--db', db);
      expect(res.code).toBe(2);
      expect(res.err).toContain(`The Word form ${join(dir, 'nope.docx')} cannot be read: it does not exist.`);
      expect(existsSync(db)).toBe(false);
    });
  });

  it('export-form refuses an unknown assessment and a folder that does not exist, with exit 2', async () => {
    const id = (await ok('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).trim();
    expect((await sscp('export-form', 'no-such-id', '--db', db, '--out', join(dir, 'x.docx'))).code).toBe(2);
    const res = await sscp('export-form', id, '--db', db, '--out', join(dir, 'missing', 'x.docx'));
    expect(res.code).toBe(2);
    expect(res.err).toContain(`The folder ${join(dir, 'missing')} does not exist, so the Word form cannot be written there.`);
  });

  it('fills in the official form from --template, keeping the template, and the filled form imports back with nothing lost', async () => {
    const id = (
      await ok('new', '--db', db, '--org', 'Zoë & Søn <Ltd>', '--role', 'developer-distributor', '--sro', 'Sam Smith', '--sro-role', 'CTO')
    ).trim();
    await ok('set', id, '1.1.1', '--db', db, '--result', 'met', '--evidence-text', EVIDENCE, '--arguments', ARGUMENTS);
    await ok('set', id, '2.1.6', '--db', db, '--result', 'not-met', '--arguments', 'No reviews yet.');
    const template = join(dir, 'blank form.docx');
    writeFileSync(template, readFileSync(join(fixtures, 'form-43.docx')));
    const form = join(dir, 'filled.docx');
    const res = await sscp('export-form', id, '--db', db, '--template', template, '--out', form);
    expect(res.code).toBe(0);
    expect(res.out).toBe(`${form}\n`);
    expect(res.err).toBe('The template has no rows for claims 2.1.6, 4.3.1: they are in a table at the end of the form.\n');
    expect(readFileSync(template).equals(readFileSync(join(fixtures, 'form-43.docx')))).toBe(true);

    const imported = JSON.parse(await ok('import-form', form, '--db', db, '--json')) as ImportFormJson;
    expect(imported.placed).toHaveLength(45);
    expect(imported.unplaced).toEqual([]);
    expect(imported.cover).toMatchObject({ organisation: 'Zoë & Søn <Ltd>', assessorName: 'Sam Smith', assessorRole: 'CTO' });
    const copy = await show(imported.assessmentId);
    const claim = (cid: string) => copy.claims.find((c) => c.id === cid);
    expect(claim('1.1.1')).toMatchObject({ result: 'met', evidenceText: EVIDENCE, arguments: ARGUMENTS });
    expect(claim('2.1.6')).toMatchObject({ result: 'not-met', arguments: 'No reviews yet.' });
  });

  it('export-form --template refuses, with exit 2 and nothing written, a template that is not the form or is the output itself', async () => {
    const id = (await ok('new', '--db', db, '--org', 'Acme', '--role', 'developer-distributor')).trim();
    const notForm = join(dir, 'letter.docx');
    writeFileSync(notForm, docxBytes(p(r('Dear customer,'))));
    const out = join(dir, 'out.docx');
    const wrong = await sscp('export-form', id, '--db', db, '--template', notForm, '--out', out);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('This Word document is not the Software Security Code of Practice self-assessment form');
    expect(existsSync(out)).toBe(false);

    const template = join(dir, 'form.docx');
    writeFileSync(template, readFileSync(join(fixtures, 'form-43.docx')));
    const onto = await sscp('export-form', id, '--db', db, '--template', template, '--out', template, '--force');
    expect(onto.code).toBe(2);
    expect(onto.err).toContain('form.docx is the blank form being filled in; writing there would replace it.');
    expect(readFileSync(template).equals(readFileSync(join(fixtures, 'form-43.docx')))).toBe(true);
  });
});

describe('sscp carry-forward and sscp diff', () => {
  it('carries an assessment forward, then shows what changed', async () => {
    const first = (
      await ok(
        'new',
        '--db',
        db,
        '--org',
        'Acme',
        '--role',
        'developer-distributor',
        '--period-start',
        '2025-01-01',
        '--period-end',
        '2025-12-31',
      )
    ).trim();
    await ok('set', first, '1.1.1', '--db', db, '--result', 'partially-met', '--status', 'done', '--evidence-text', 'Policy v2');
    writeFileSync(join(dir, 'pentest.pdf'), '%PDF-1.4 pentest');
    await ok('attach', first, '1.3.1', join(dir, 'pentest.pdf'), '--db', db, '--expires', '2020-01-31');

    const res = await sscp('carry-forward', first, '--db', db);
    expect(res.code).toBe(0);
    const second = res.out.trim();
    expect(second).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.err).toBe('Note: evidence pentest.pdf has expired (2020-01-31); claims 1.3.1.\n');

    const carried = await show(second);
    expect(carried.assessment).toMatchObject({
      origin: 'carried-forward',
      previousId: first,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    expect(carried.claims.every((c) => c.status === 'needs-review')).toBe(true);
    expect(carried.claims.find((c) => c.id === '1.1.1')).toMatchObject({ result: 'partially-met', evidenceText: 'Policy v2' });
    expect(carried.claims.find((c) => c.id === '1.3.1')?.evidenceIds).toHaveLength(1);

    await ok('set', second, '1.1.1', '--db', db, '--result', 'met', '--evidence-text', 'Policy v3');
    const diff = JSON.parse(await ok('diff', first, second, '--db', db, '--json')) as DiffJson;
    expect(diff.claims.find((c) => c.claimId === '1.1.1')).toMatchObject({
      result: { from: 'partially-met', to: 'met' },
      status: { from: 'done', to: 'needs-review' },
    });
    expect(diff.totals.changedClaims).toBe(45);

    const text = await ok('diff', first, second, '--db', db);
    expect(text).toContain('  1.1.1  result partially-met → met');
    expect(text).toContain('         evidence text: Policy [-v2-]{+v3+}');
    expect(text).toContain('45 claims: 1 claim changed; 44 changed only their work status; 0 unchanged.');
    // Carrying forward moves every status: those claims share one line, so real changes stand out.
    expect(text).toMatch(/^ {2}status only, not-started → needs-review: 18 claims \(1\.1\.2, 1\.1\.3, .*\)$/m);
    expect(text).not.toMatch(/^ {2}1\.1\.2 /m);
    expect(text).toContain('         status done → needs-review');

    const json = JSON.parse(
      await ok('carry-forward', second, '--db', db, '--json', '--period-start', '2027-04-01', '--period-end', '2028-03-31'),
    ) as CarryForwardJson;
    expect(json).toMatchObject({
      previousId: second,
      periodStart: '2027-04-01',
      periodEnd: '2028-03-31',
      carriedResponses: 45,
      carriedLinks: 1,
      carriedActions: 0,
    });
    expect(json.expiryFlags).toEqual([expect.objectContaining({ fileName: 'pentest.pdf', reason: 'expired', claimIds: ['1.3.1'] })]);
  });

  it('refuses a bad period and an unknown id with exit 2', async () => {
    const first = (await ok('new', '--db', db, '--org', 'Acme', '--role', 'reseller')).trim();
    const bad = await sscp('carry-forward', first, '--db', db, '--period-start', '2026-05-01', '--period-end', '2026-04-01');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('would end (2026-04-01) before it starts (2026-05-01)');
    expect((await sscp('diff', first, 'nope', '--db', db)).code).toBe(2);
  });
});
