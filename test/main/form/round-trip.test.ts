import { mkdtemp, mkdir, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { readForm } from '../../../main/form/read/read-form';
import type { FormReadResult } from '../../../main/form/read/types';
import { writeForm } from '../../../main/form/write/write-form';
import { makeDetail } from '../../fixtures/form/make-detail';
import { pdfText, sofficeConvert } from './soffice';

const SHA_A = 'a'.repeat(64);

const detail: AssessmentDetail = makeDetail(CURRENT_CATALOG, {
  assessment: {
    organisation: 'Société Générale Logiciels — UK Ltd',
    sroName: 'Zoë Ødegaard-Nakamura',
    sroRole: 'Directeur Sécurité (CISO)',
    signedAt: null,
  },
  responses: {
    '1.1.1': {
      result: 'met',
      evidenceText:
        'Secure Development Policy v3.2 — “SDP”\n\nAppendix B: SSDF mapping ✓\tsigned 14/01/2026\n  indented line with trailing spaces  ',
      arguments: 'Covers threat modelling.\nResult: Met\n\nWe assume 日本語 teams follow it too.',
    },
    '1.2.1': { result: 'partially-met', evidenceText: 'SBOM (CycloneDX 1.6)', arguments: '' },
    '2.1.6': { result: 'not-met', evidenceText: '', arguments: 'No access review yet.\n' },
    '3.2.2': { result: 'not-applicable', evidenceText: 'Emoji 🔐 and <xml> & "quotes"', arguments: 'N/A: reseller contract.' },
    '4.3.2': { result: 'not-assessed', evidenceText: 'Incident notification procedure IR-7', arguments: 'Tested 03/02/2026.' },
  },
  actions: [
    {
      claimId: '2.1.6',
      description: 'Start quarterly access reviews (build servers, CI)',
      owner: 'Bob Jones (IT)',
      dueDate: '2026-06-30',
      state: 'open',
    },
    { claimId: '2.1.6', description: 'Write the access policy\nsecond line', owner: '', dueDate: null, state: 'done' },
  ],
  evidence: [{ id: 'ev1', sha256: SHA_A, fileName: 'SBOM (release 4.2).json' }],
  links: [{ claimId: '1.2.1', evidenceId: 'ev1' }],
});

let dir: string;
let exported: string;
let result: FormReadResult;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sscp-form-roundtrip-'));
  exported = join(dir, 'Self-assessment.docx');
  await writeForm(detail, CURRENT_CATALOG, exported, { dateCompleted: '2026-03-05' });
  result = await readForm(exported, CURRENT_CATALOG);
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('export to the official form and import back', () => {
  it('writes only the target file, with no temp file left behind', async () => {
    expect(await readdir(dir)).toEqual(['Self-assessment.docx']);
  });

  it('round-trips the cover fields', () => {
    expect(result.cover).toEqual({
      organisation: 'Société Générale Logiciels — UK Ltd',
      assessorName: 'Zoë Ødegaard-Nakamura',
      assessorRole: 'Directeur Sécurité (CISO)',
      dateCompleted: '2026-03-05',
      dateCompletedAsWritten: '05/03/2026',
    });
  });

  it('places every claim by number and text, with nothing unplaced and no warnings', () => {
    expect(result.rows.map((row) => row.claimId)).toEqual(listClaims(CURRENT_CATALOG).map((c) => c.claim.id));
    expect(result.rows.every((row) => row.method === 'number-and-text' && row.similarity === 1)).toBe(true);
    expect(result.unplaced).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('round-trips evidence and arguments text exactly, multi-paragraph and Unicode included', () => {
    for (const response of detail.responses) {
      const row = result.rows.find((x) => x.claimId === response.claimId);
      expect({ claim: response.claimId, evidence: row?.evidenceText, args: row?.arguments }).toEqual({
        claim: response.claimId,
        evidence: response.evidenceText,
        args: response.arguments,
      });
    }
  });

  it('round-trips results, remedial actions and evidence files through the record block', () => {
    for (const response of detail.responses) {
      // A claim with nothing to record carries no block; it reads back as not assessed.
      expect(result.rows.find((x) => x.claimId === response.claimId)?.record?.result ?? 'not-assessed').toBe(response.result);
    }
    expect(result.rows.filter((x) => x.record !== null).map((x) => x.claimId)).toEqual(['1.1.1', '1.2.1', '2.1.6', '3.2.2']);
    expect(result.rows.find((x) => x.claimId === '2.1.6')?.record?.actions).toEqual([
      { description: 'Start quarterly access reviews (build servers, CI)', owner: 'Bob Jones (IT)', dueDate: '2026-06-30', state: 'open' },
      { description: 'Write the access policy\nsecond line', owner: '', dueDate: null, state: 'done' },
    ]);
    expect(result.rows.find((x) => x.claimId === '1.2.1')?.record?.evidenceFiles).toEqual([
      { fileName: 'SBOM (release 4.2).json', sha256: SHA_A },
    ]);
  });

  it('opens in LibreOffice, survives a re-save there, and prints the evidence text', async () => {
    const pdfDir = join(dir, 'pdf');
    await mkdir(pdfDir);
    const pdf = await sofficeConvert(exported, 'pdf', pdfDir, 'pdf');
    const text = await pdfText(pdf);
    // Table cells interleave in extracted text, so look for evidence short enough to sit on one line.
    expect(text).toContain('SBOM (CycloneDX 1.6)');
    expect(text).toContain('Software Security Code of Practice Self-Assessment');
    expect(text).toContain('Result: Not met');

    // LibreOffice re-saving our export as Word: the reader still recovers everything.
    const resavedDir = join(dir, 'resaved');
    await mkdir(resavedDir);
    const resaved = await sofficeConvert(exported, 'docx:MS Word 2007 XML', resavedDir, 'docx');
    const again = await readForm(resaved, CURRENT_CATALOG);
    expect(again.rows.map((row) => [row.claimId, row.evidenceText, row.arguments, row.record?.result])).toEqual(
      result.rows.map((row) => [row.claimId, row.evidenceText, row.arguments, row.record?.result]),
    );
    expect(again.cover).toEqual(result.cover);
  });
});
