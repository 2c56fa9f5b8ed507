import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, findCatalog } from '../../../shared/catalog/index';
import { formV04Number, usesFormV04Numbering } from '../../../main/form/form-versions';
import { blockParagraphs } from '../../../main/form/read/block-text';
import { readDocumentXml } from '../../../main/form/read/open-docx';
import { parseDocumentXml } from '../../../main/form/read/parse-document-xml';
import { readForm } from '../../../main/form/read/read-form';
import { writeForm } from '../../../main/form/write/write-form';
import { makeDetail } from '../../fixtures/form/make-detail';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sscp-form-v04-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The exported document's text as a reader sees it: paragraphs, table rows as tab-separated lines. */
async function documentText(path: string): Promise<string[]> {
  return blockParagraphs(parseDocumentXml(await readDocumentXml(path)));
}

describe('the form v0.4 numbering, both ways', () => {
  it('maps catalog claims to form v0.4 numbers: 4.3.2 is its 4.3.1; 2.1.6 and 4.3.1 are not on it', () => {
    expect(formV04Number('4.3.2')).toBe('4.3.1');
    expect(formV04Number('4.3.1')).toBeNull();
    expect(formV04Number('2.1.6')).toBeNull();
    expect(formV04Number('1.1.1')).toBe('1.1.1');
    expect(usesFormV04Numbering(new Set(['4.3.1', '2.1.5']))).toBe(true);
    expect(usesFormV04Numbering(new Set(['4.3.1', '4.3.2']))).toBe(false);
    expect(usesFormV04Numbering(new Set(['4.3.1', '2.1.6']))).toBe(false);
  });

  it('the exported form says, in its own words, how its numbering differs from form v0.4, claim by claim', async () => {
    const path = join(dir, 'export.docx');
    await writeForm(makeDetail(CURRENT_CATALOG, { responses: { '4.3.2': { evidenceText: 'IR-7' } } }), CURRENT_CATALOG, path, {
      dateCompleted: '2026-03-05',
    });
    const text = await documentText(path);
    expect(text).toContain(
      "Claims are numbered as in NCSC's Assurance Principles and Claims (APC) v1.0, which catalog uk-sscp 2025.2 follows: 45 claims. " +
        'The self-assessment form v0.4 has 43: it has no claims 2.1.6 and 4.3.1, and numbers incident notification 4.3.1, which is claim 4.3.2 here. ' +
        'Each Reference cell says where its claim sits on form v0.4.',
    );
    const refs = text.filter((line) => line.startsWith('Claim '));
    expect(refs.find((l) => l.startsWith('Claim 4.3.2'))).toMatch(/^Claim 4\.3\.2\t?/);
    expect(text.join('\n')).toContain('(4.3.1 on form v0.4)');
    expect(text.filter((line) => line.includes('(not on form v0.4)'))).toHaveLength(2);

    // Read back, every row goes where it came from: the v0.4 notes never move a row.
    const back = await readForm(path, CURRENT_CATALOG);
    expect(back.numbering).toBe('apc');
    expect(back.notes).toEqual([]);
    expect(back.warnings).toEqual([]);
    expect(back.rows).toHaveLength(45);
    expect(back.rows.find((row) => row.claimId === '4.3.2')).toMatchObject({
      reference: 'Claim 4.3.2 (4.3.1 on form v0.4)',
      evidenceText: 'IR-7',
      method: 'number-and-text',
    });
    expect(back.rows.find((row) => row.claimId === '2.1.6')?.reference).toBe('Claim 2.1.6 (not on form v0.4)');
  });

  it('a 2025.1 assessment exports with its own catalog version named, and the same mapping', async () => {
    const old = findCatalog('uk-sscp', '2025.1')!;
    const path = join(dir, 'old.docx');
    await writeForm(makeDetail(old), old, path, { dateCompleted: null });
    const text = (await documentText(path)).join('\n');
    expect(text).toContain('which catalog uk-sscp 2025.1 follows: 45 claims.');
    expect(text).toContain('The software ships without default passwords');
    expect(text).toContain('(4.3.1 on form v0.4)');
  });
});
