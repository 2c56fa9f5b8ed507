import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listPrinciples } from '../../../shared/catalog/index';
import { readFormXml } from '../../../main/form/read/read-form';
import { documentXml, escapeXml, headerRow, p, principleRow, r, simpleClaimRow, tbl } from './word-xml';

/** A whole form in the 43-claim numbering, each claim worded as the catalog's title, evidence "E <number>". */
function fortyThreeClaimForm(): string {
  const tables = listPrinciples(CURRENT_CATALOG).map(({ principle }) => {
    let claims = principle.claims.map((c) => ({ number: c.id, text: c.title }));
    if (principle.id === '2.1') claims = claims.filter((c) => c.number !== '2.1.6');
    if (principle.id === '4.3') claims = claims.filter((c) => c.number === '4.3.2').map((c) => ({ ...c, number: '4.3.1' }));
    return tbl(
      headerRow(),
      principleRow(principle.id, principle.title),
      ...claims.map((c) => simpleClaimRow(`Claim ${c.number}`, escapeXml(c.text), `E ${c.number}`)),
    );
  });
  return documentXml(p(r('Organisation: Acme')) + tables.join(p()));
}

describe('placing rows on claims', () => {
  it('places a 43-claim copy of the form: 4.3.1 there is incident notification, which is claim 4.3.2 here', () => {
    const result = readFormXml(fortyThreeClaimForm(), CURRENT_CATALOG);
    expect(result.rows).toHaveLength(43);
    expect(result.unplaced).toEqual([]);
    const notification = result.rows.find((row) => row.reference === 'Claim 4.3.1');
    expect(notification).toMatchObject({ claimId: '4.3.2', method: 'text', evidenceText: 'E 4.3.1' });
    expect(notification?.note).toMatch(/Numbered 4\.3\.1 on the form, but its text matches claim 4\.3\.2/);
    expect(result.rows.filter((row) => row.method !== 'number-and-text').map((row) => row.reference)).toEqual(['Claim 4.3.1']);
    expect(result.emptyClaims).toEqual(['2.1.6', '4.3.1']);
    expect(result.warnings.some((w) => w.includes('4.3.2') && w.includes('table 14'))).toBe(true);
  });

  it('keeps the number when the wording differs but points nowhere better', () => {
    const xml = documentXml(tbl(headerRow(), simpleClaimRow('Claim 1.3.3', 'Bugs get sorted.', 'Jira')));
    const [row] = readFormXml(xml, CURRENT_CATALOG).rows;
    expect(row).toMatchObject({ claimId: '1.3.3', method: 'number' });
    expect(row?.note).toMatch(/worded differently/);
  });

  it('places rows with no number, or a number the catalog lacks, by their text', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        simpleClaimRow('', 'Customers are told promptly about relevant incidents.', 'IR-7'),
        simpleClaimRow('Claim 2.1.9', 'Access to the build environment is reviewed regularly for continued need.', 'Quarterly review'),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.rows.map((row) => [row.claimId, row.method])).toEqual([
      ['4.3.2', 'text'],
      ['2.1.6', 'text'],
    ]);
  });

  it('reports rows it cannot place, with everything they said', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        principleRow('9.9', 'Unknown'),
        simpleClaimRow('Claim 9.9.9', 'Our coffee machine is descaled weekly.', 'Rota', 'Staff like coffee'),
        simpleClaimRow('Note', 'Lorem ipsum dolor sit amet.', 'Something'),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.rows).toEqual([]);
    expect(result.unplaced).toEqual([
      {
        reference: 'Claim 9.9.9',
        claimText: 'Our coffee machine is descaled weekly.',
        evidenceText: 'Rota',
        arguments: 'Staff like coffee',
        reason: `Claim 9.9.9 does not exist in catalog ${CURRENT_CATALOG.version}, and its text matches no claim closely enough.`,
        source: { table: 1, row: 3 },
      },
      expect.objectContaining({ reference: 'Note', reason: expect.stringContaining('has no claim number (Reference "Note")') }),
    ]);
    expect(result.emptyClaims).toHaveLength(45);
  });

  it('keeps the better of two rows that fill the same claim and reports the other', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        simpleClaimRow('Claim 3.2.1', 'Something else entirely.', 'First'),
        simpleClaimRow('Claim 3.2.1', 'A vulnerability disclosure policy and process are published.', 'Second'),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.rows.map((row) => [row.claimId, row.evidenceText])).toEqual([['3.2.1', 'Second']]);
    expect(result.unplaced).toEqual([
      expect.objectContaining({ evidenceText: 'First', reason: 'Claim 3.2.1 is already filled by the row at table 1, row 3, which matches it better.' }),
    ]);
  });

  it('reports text written on a principle row instead of dropping it', () => {
    const xml = documentXml(
      tbl(headerRow(), simpleClaimRow('Principle 1.1', 'Follow a framework', 'Evidence typed on the principle row')),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.unplaced).toEqual([expect.objectContaining({ reference: 'Principle 1.1', evidenceText: 'Evidence typed on the principle row' })]);
  });

  it('counts a placed claim with no evidence and no arguments as empty', () => {
    const xml = documentXml(tbl(headerRow(), simpleClaimRow('Claim 1.1.1', 'The framework in use is documented.', ''), simpleClaimRow('Claim 1.1.2', 'Developers are trained.', 'Records')));
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.emptyClaims).toContain('1.1.1');
    expect(result.emptyClaims).not.toContain('1.1.2');
  });
});
