import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import { readForm } from '../../../main/form/read/read-form';

// Made by LibreOffice from the HTML beside them (test/fixtures/form/build-libreoffice-fixtures.mjs):
// a Word-format producer other than our own writer, with merged title cells, repeating header
// rows and multi-paragraph cells.
const fixtures = join(import.meta.dirname, '../../fixtures/form');

describe('forms saved by LibreOffice', () => {
  it('reads the 45-claim form: cover table, every claim, multi-paragraph cells', async () => {
    const result = await readForm(join(fixtures, 'form-45.docx'), CURRENT_CATALOG);
    expect(result.cover).toEqual({
      organisation: 'Northwind Software Ltd',
      assessorName: 'Priya Raman',
      assessorRole: 'Chief Information Security Officer',
      dateCompleted: '2026-02-28',
      dateCompletedAsWritten: '28/02/2026',
    });
    expect(result.rows.map((row) => row.claimId)).toEqual(
      CURRENT_CATALOG.themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((c) => c.id))),
    );
    expect(result.rows.every((row) => row.method === 'number-and-text')).toBe(true);
    expect(result.unplaced).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.numbering).toBe('apc');
    expect(result.notes).toEqual([]);
    expect(result.rows.find((row) => row.claimId === '1.1.1')).toMatchObject({
      reference: 'Claim 1.1.1',
      claimText: 'The secure development framework in use is documented.',
      evidenceText:
        'Secure Development Policy v3.2 (owner: Head of Engineering), reviewed 14/01/2026.\nMapping of our process to NIST SSDF, appendix B.',
      arguments:
        'The policy covers threat modelling, secure coding and testing.\nWe assume the SSDF mapping stays current between reviews.',
      record: null,
    });
    expect(result.emptyClaims).toHaveLength(41);
    expect(result.emptyClaims).not.toContain('4.3.2');
  });

  it('reads the 43-claim form v0.4: cover as paragraphs, a bad date reported, its 4.3.1 mapped to 4.3.2 and said so', async () => {
    const result = await readForm(join(fixtures, 'form-43.docx'), CURRENT_CATALOG);
    expect(result.cover).toMatchObject({
      organisation: 'Contoso Apps plc',
      assessorName: 'Tom Okafor',
      assessorRole: 'Head of Product Security',
      dateCompleted: null,
      dateCompletedAsWritten: '31/02/2026',
    });
    expect(result.warnings[0]).toBe('The Date Completed "31/02/2026" is not a date in the form dd/mm/yyyy; it was left out.');
    expect(result.rows).toHaveLength(43);
    expect(result.unplaced).toEqual([]);
    expect(result.warnings).toHaveLength(1);
    expect(result.numbering).toBe('form-v0.4');
    expect(result.notes[0]).toMatch(
      /^This is the self-assessment form v0\.4 \(43 claims\): its claim 4\.3\.1 .* is claim 4\.3\.2 in APC v1\.0/,
    );
    expect(result.rows.find((row) => row.reference === 'Claim 4.3.1')).toMatchObject({
      claimId: '4.3.2',
      method: 'number-and-text',
      renumberedFrom: '4.3.1',
      evidenceText: 'Incident notification procedure IR-7, section 3: customers told within 24 hours.',
    });
    expect(result.emptyClaims).toContain('2.1.6');
    expect(result.emptyClaims).toContain('4.3.1');
  });
});
