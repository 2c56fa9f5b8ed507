import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import { fillForm, fillFormBytes } from '../../../main/form/fill/fill-form';
import { fillFormXml } from '../../../main/form/fill/fill-form-xml';
import { scanElements } from '../../../main/form/fill/xml-elements';
import { APPENDIX_HEADING } from '../../../main/form/read/form-tables';
import { W_NS } from '../../../main/form/read/parse-document-xml';
import { analyseFormXml, readForm } from '../../../main/form/read/read-form';
import { writeForm } from '../../../main/form/write/write-form';
import type { FormReadResult } from '../../../main/form/read/types';
import { makeDetail } from '../../fixtures/form/make-detail';
import { docxBytes, documentXml, headerRow, p, principleRow, r, tbl, tc, tr } from './word-xml';

const TEMPLATE = join(import.meta.dirname, '../../fixtures/form/form-43.docx');
const SHA_A = 'a'.repeat(64);
const LONG = `${'Long evidence text, '.repeat(1500)}end.`;

const detail: AssessmentDetail = makeDetail(CURRENT_CATALOG, {
  assessment: { organisation: 'Zoë & Søn <Holdings> Ltd', sroName: 'Dana “DJ” O’Neil', sroRole: 'CTO & SRO', signedAt: null },
  responses: {
    '1.1.1': {
      result: 'met',
      evidenceText: 'Policy v3 & annex <B>\n\n  indented\ttabbed  ',
      arguments: 'نحن نفترض أن الفرق تتبعها (RTL)\nWe assume 日本語 teams follow it too.',
    },
    '1.2.1': { result: 'partially-met', evidenceText: LONG, arguments: '' },
    '2.1.6': { result: 'not-met', evidenceText: 'No review records yet', arguments: 'Reviews start in Q2.' },
    '3.2.2': { result: 'not-applicable', evidenceText: 'Control \u0007chars\u001b removed', arguments: ']]> and &amp; stay text' },
    '4.3.1': { evidenceText: 'Incident support plan IR-1', arguments: '' },
    '4.3.2': { result: 'met', evidenceText: 'Incident notification procedure IR-7', arguments: 'Tested 03/02/2026.' },
  },
  actions: [
    {
      claimId: '2.1.6',
      description: 'Start quarterly access reviews\nfor CI too',
      owner: 'Bob Jones (IT)',
      dueDate: '2026-06-30',
      state: 'open',
    },
    { claimId: '1.2.1', description: 'Complete the SBOM', owner: '', dueDate: null, state: 'done' },
  ],
  evidence: [{ id: 'ev1', sha256: SHA_A, fileName: 'SBOM & <release>.json' }],
  links: [{ claimId: '1.2.1', evidenceId: 'ev1' }],
});

let dir: string;
let filledPath: string;
let template: Record<string, Uint8Array>;
let filled: Record<string, Uint8Array>;
let read: FormReadResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sscp-fill-'));
  filledPath = join(dir, 'filled.docx');
  await fillForm(TEMPLATE, detail, CURRENT_CATALOG, filledPath, { dateCompleted: '2026-03-05', replace: false });
  template = unzipSync(new Uint8Array(readFileSync(TEMPLATE)));
  filled = unzipSync(new Uint8Array(readFileSync(filledPath)));
  read = await readForm(filledPath, CURRENT_CATALOG);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * The document with the parts a fill may change blanked out: each placed claim's Evidence and
 * Arguments cell contents, the cover paragraphs, and the appendix table. What is left must be
 * the same in the template and in the filled form.
 */
function untouchedParts(xml: string): string {
  const analysis = analyseFormXml(xml, CURRENT_CATALOG);
  const elements = scanElements(xml).filter((e) => e.namespace === W_NS);
  const tcs = elements.filter((e) => e.localName === 'tc');
  const ps = elements.filter((e) => e.localName === 'p');
  const regions: [number, number, string][] = [];
  for (const row of analysis.placedRows.values()) {
    if (row.inAppendix) continue;
    for (const index of [...row.cells.evidence, ...row.cells.arguments]) {
      const cell = tcs[index];
      if (!cell) throw new Error('cell not found');
      const tcPr = cell.children.find((c) => c.localName === 'tcPr');
      regions.push([tcPr ? tcPr.end : cell.contentStart, cell.contentEnd, '[changeable]']);
    }
  }
  for (const para of ps) {
    const text = xml.slice(para.start, para.end);
    if (/<w:t[^>]*>(Organisation|Name|Role|Date Completed):/.test(text)) {
      const pPr = para.children.find((c) => c.localName === 'pPr');
      regions.push([pPr ? pPr.end : para.contentStart, para.contentEnd, '[changeable]']);
    }
  }
  const appendix = xml.indexOf(APPENDIX_HEADING);
  if (appendix >= 0) {
    const start = xml.lastIndexOf('<w:p>', appendix);
    regions.push([start, xml.lastIndexOf('<w:sectPr'), '']);
  }
  regions.sort((a, b) => a[0] - b[0]);
  let out = '';
  let at = 0;
  for (const [start, end, mark] of regions) {
    out += `${xml.slice(at, start)}${mark}`;
    at = end;
  }
  return out + xml.slice(at);
}

describe('filling in the official form from a template', () => {
  it('keeps every part other than document.xml byte for byte, in the same order', () => {
    expect(Object.keys(filled)).toEqual(Object.keys(template));
    for (const name of Object.keys(template)) {
      if (name === 'word/document.xml') continue;
      expect(Buffer.from(filled[name] as Uint8Array).equals(Buffer.from(template[name] as Uint8Array)), name).toBe(true);
    }
  });

  it('changes document.xml only in the cover fields, the claims’ Evidence and Arguments cells and the added table', () => {
    const before = strFromU8(template['word/document.xml'] as Uint8Array);
    const after = strFromU8(filled['word/document.xml'] as Uint8Array);
    expect(after).not.toBe(before);
    expect(untouchedParts(after)).toBe(untouchedParts(before));
    // The template's title page and claim wording are still there.
    expect(after).toContain('Software Security Code of Practice Self-Assessment Template');
    expect(after).toContain('Version 0.4');
  });

  it('reads back with nothing lost: cover, every claim’s text, results, actions and evidence files', () => {
    expect(read.cover).toEqual({
      organisation: 'Zoë & Søn <Holdings> Ltd',
      assessorName: 'Dana “DJ” O’Neil',
      assessorRole: 'CTO & SRO',
      dateCompleted: '2026-03-05',
      dateCompletedAsWritten: '05/03/2026',
    });
    expect(read.unplaced).toEqual([]);
    expect(read.numbering).toBe('form-v0.4');
    expect(read.rows.map((row) => row.claimId).sort()).toEqual(
      listClaims(CURRENT_CATALOG)
        .map((c) => c.claim.id)
        .sort(),
    );
    const row = (id: string) => read.rows.find((x) => x.claimId === id);
    expect(row('1.1.1')).toMatchObject({
      evidenceText: 'Policy v3 & annex <B>\n\n  indented\ttabbed  ',
      arguments: 'نحن نفترض أن الفرق تتبعها (RTL)\nWe assume 日本語 teams follow it too.',
    });
    expect(row('1.1.1')?.record?.result).toBe('met');
    expect(row('1.2.1')).toMatchObject({ evidenceText: LONG, arguments: '' });
    expect(row('1.2.1')?.record).toEqual({
      result: 'partially-met',
      actions: [{ description: 'Complete the SBOM', owner: '', dueDate: null, state: 'done' }],
      evidenceFiles: [{ fileName: 'SBOM & <release>.json', sha256: SHA_A }],
    });
    // Control characters cannot be in a Word document: they are left out, the rest kept.
    expect(row('3.2.2')).toMatchObject({ evidenceText: 'Control chars removed', arguments: ']]> and &amp; stay text' });
    // Form v0.4's "4.3.1" row holds claim 4.3.2; the claims the form lacks come from the added table.
    expect(row('4.3.2')).toMatchObject({
      reference: 'Claim 4.3.1',
      evidenceText: 'Incident notification procedure IR-7',
      renumberedFrom: '4.3.1',
    });
    expect(row('4.3.1')).toMatchObject({ reference: 'Claim 4.3.1', evidenceText: 'Incident support plan IR-1', renumberedFrom: null });
    expect(row('2.1.6')).toMatchObject({ evidenceText: 'No review records yet', arguments: 'Reviews start in Q2.' });
    expect(row('2.1.6')?.record?.actions).toEqual([
      { description: 'Start quarterly access reviews\nfor CI too', owner: 'Bob Jones (IT)', dueDate: '2026-06-30', state: 'open' },
    ]);
    // The import notes say where 2.1.6 and 4.3.1 came from, not that they start empty.
    expect(read.notes[1]).toBe(
      'Form v0.4 has no rows for claims 2.1.6 (access is reviewed regularly) and 4.3.1 (an incident support plan is published): this copy carries 2.1.6 and 4.3.1 in the table of claims not on the form at its end, and they were read from there.',
    );
    // Claims with nothing to say are emptied of the template's old text.
    expect(row('3.1.1')).toMatchObject({ evidenceText: '', arguments: '' });
  });

  it('puts the claims the template lacks under a clear heading, and writes nothing else beside the form', async () => {
    const xml = strFromU8(filled['word/document.xml'] as Uint8Array);
    expect(xml).toContain(APPENDIX_HEADING);
    expect(xml).toContain(
      'This copy of the form has no rows for claims 2.1.6 (access is reviewed regularly) and 4.3.1 (an incident support plan is published).',
    );
    expect(await readdir(dir)).toEqual(['filled.docx']);
  });

  it('fills a filled-in form again to the same content (the appendix is not added twice)', async () => {
    const again = await fillFormBytes(filledPath, detail, CURRENT_CATALOG, '2026-03-05');
    expect(again.report.appendedClaims).toEqual([]);
    expect(strFromU8(unzipSync(again.file)['word/document.xml'] as Uint8Array)).toBe(strFromU8(filled['word/document.xml'] as Uint8Array));
  });

  it('fills in a form this app generated (45 claims, APC numbering) with nothing appended', async () => {
    const generated = join(dir, 'generated.docx');
    await writeForm(makeDetail(CURRENT_CATALOG), CURRENT_CATALOG, generated, { dateCompleted: null });
    const again = await fillFormBytes(generated, detail, CURRENT_CATALOG, '2026-03-05');
    expect(again.report).toEqual({ appendedClaims: [], missingCoverFields: [] });
    const back = analyseFormXml(strFromU8(unzipSync(again.file)['word/document.xml'] as Uint8Array), CURRENT_CATALOG).result;
    expect(back.numbering).toBe('apc');
    expect(back.rows.find((x) => x.claimId === '2.1.6')).toMatchObject({ evidenceText: 'No review records yet' });
    expect(back.cover.organisation).toBe('Zoë & Søn <Holdings> Ltd');
  });

  it('fills cover fields laid out as a table, and says which fields a template has no place for', () => {
    const claims = listClaims(CURRENT_CATALOG);
    const body =
      tbl(
        tr(tc(p(r('Organisation'))), tc()),
        tr(tc(p(r('Role'))), tc(p(r('  ')))),
        tr(tc(p(r('Date Completed'))), tc(p(r('Assessed by:')))),
      ) + tbl(headerRow(), ...claims.map(({ claim }) => tr(tc(p(r(`Claim ${claim.id}`))), tc(p(r(claim.statement))), tc(), tc())));
    const result = fillFormXml(documentXml(body), detail, CURRENT_CATALOG, { dateCompleted: '2026-03-05', fileName: 'cover.docx' });
    expect(result.missingCoverFields).toEqual(['Name', 'Date Completed']);
    expect(result.appendedClaims).toEqual([]);
    const back = analyseFormXml(result.xml, CURRENT_CATALOG).result;
    expect(back.cover).toMatchObject({ organisation: 'Zoë & Søn <Holdings> Ltd', assessorRole: 'CTO & SRO', assessorName: null });
    expect(back.rows).toHaveLength(45);
    // A label cell after a label is never taken for a value.
    expect(result.xml).toContain('Assessed by:');
  });
});

describe('templates that are refused, with nothing written', () => {
  const attempt = async (name: string, bytes: Uint8Array | string): Promise<SscpError> => {
    const templatePath = join(dir, name);
    writeFileSync(templatePath, bytes);
    const out = join(dir, `out-${name}.docx`);
    const error = await fillForm(templatePath, detail, CURRENT_CATALOG, out, { dateCompleted: null, replace: false }).catch(
      (e: unknown) => e,
    );
    expect(existsSync(out)).toBe(false);
    expect(error).toBeInstanceOf(SscpError);
    return error as SscpError;
  };

  it('a file that is not a Word document', async () => {
    const e = await attempt('notes.docx', 'just some text');
    expect(e.message).toBe('notes.docx is not a Word document (.docx): it is not a zip archive.');
  });

  it('a Word document that is not the form (no claim table)', async () => {
    const e = await attempt('letter.docx', docxBytes(p(r('Dear customer,')) + tbl(tr(tc(p(r('a'))), tc(p(r('b')))))));
    expect(e.kind).toBe('invalid-input');
    expect(e.message).toMatch(
      /^This Word document is not the Software Security Code of Practice self-assessment form: no table has the columns/,
    );
  });

  it('a password-protected (encrypted) form', async () => {
    const compound = new Uint8Array(4096);
    compound.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = await attempt('locked.docx', compound);
    expect(e.kind).toBe('unreadable');
    expect(e.message).toBe('locked.docx cannot be read: it is password-protected (encrypted), or an old Word 97-2003 .doc file.');
  });

  it('a form whose XML is nested deeper than Word ever writes', async () => {
    const deep = `${'<w:sdt><w:sdtContent>'.repeat(400)}${p(r('x'))}${'</w:sdtContent></w:sdt>'.repeat(400)}`;
    const e = await attempt('deep.docx', docxBytes(deep + tbl(headerRow(), principleRow('1.1', 'x'))));
    expect(e.message).toMatch(/nested more than 256 levels deep/);
  });

  it('a zip whose parts claim to unpack to more than is safe', async () => {
    const big = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), word: { 'document.xml': new Uint8Array(8 * 1024 * 1024) } },
      { level: 9 },
    );
    const e = await attempt('bomb.docx', big);
    expect(e.message).toMatch(/compressed implausibly tightly \(a "zip bomb"\)/);
  });
});
