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
  it('places a form v0.4 copy (43 claims) by its own numbering: its 4.3.1, incident notification, is claim 4.3.2', () => {
    const result = readFormXml(fortyThreeClaimForm(), CURRENT_CATALOG);
    expect(result.rows).toHaveLength(43);
    expect(result.unplaced).toEqual([]);
    expect(result.numbering).toBe('form-v0.4');
    const notification = result.rows.find((row) => row.reference === 'Claim 4.3.1');
    expect(notification).toMatchObject({ claimId: '4.3.2', method: 'number-and-text', renumberedFrom: '4.3.1', evidenceText: 'E 4.3.1' });
    expect(notification?.note).toBe(
      `Form v0.4 numbers this claim 4.3.1; it is claim 4.3.2 in APC v1.0 and in catalog ${CURRENT_CATALOG.version}.`,
    );
    expect(result.rows.every((row) => row.method === 'number-and-text')).toBe(true);
    expect(result.emptyClaims).toEqual(['2.1.6', '4.3.1']);
    expect(result.notes).toEqual([
      `This form is numbered like the self-assessment form v0.4 (43 claims): its claim 4.3.1 (customers are told of incidents promptly) is claim 4.3.2 in APC v1.0 and in catalog ${CURRENT_CATALOG.version}, and was placed there.`,
      'Form v0.4 has no rows for claims 2.1.6 (access is reviewed regularly) and 4.3.1 (an incident support plan is published): they start empty in the new draft.',
    ]);
    // Explained by the notes, so not a warning to act on.
    expect(result.warnings).toEqual([]);
  });

  it("maps form v0.4's 4.3.1 by number, not by wording: a row with no claim text, or other wording, still lands on 4.3.2", () => {
    const form = (text: string, version = ''): string =>
      documentXml(
        (version ? p(r(version)) : '') +
          tbl(headerRow(), principleRow('2.1', 'Access'), simpleClaimRow('Claim 2.1.5', 'Credentials are multi factor.', 'MFA')) +
          tbl(headerRow(), principleRow('4.3', 'Incidents'), simpleClaimRow('Claim 4.3.1', text, 'IR-7 runbook')),
      );
    for (const text of ['', 'Handled by the duty manager.']) {
      const result = readFormXml(form(text, 'Version 0.4'), CURRENT_CATALOG);
      expect(
        result.rows.find((row) => row.evidenceText === 'IR-7 runbook'),
        JSON.stringify(text),
      ).toMatchObject({ claimId: '4.3.2', renumberedFrom: '4.3.1' });
      expect(result.notes[0]).toMatch(/^This is the self-assessment form v0\.4 \(43 claims\): its claim 4\.3\.1/);
    }
  });

  it('lets the wording overrule the v0.4 mapping only when it is clearly the incident plan, and says so', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        principleRow('4.3', 'Incidents'),
        simpleClaimRow('Claim 4.3.1', 'An incident support plan is published.', 'Plan on our website'),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.rows).toEqual([expect.objectContaining({ claimId: '4.3.1', method: 'text', renumberedFrom: '4.3.1' })]);
    expect(result.warnings).toEqual([
      expect.stringMatching(/Numbered 4\.3\.1 \(claim 4\.3\.2 in form v0\.4's numbering\) on the form, but its text matches claim 4\.3\.1/),
    ]);
  });

  it('keeps 4.3.1 as 4.3.1 on a 45-claim form (one with a 4.3.2 or 2.1.6 row): no v0.4 mapping, no notes', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        principleRow('4.3', 'Incidents'),
        simpleClaimRow('Claim 4.3.1', 'An incident support plan is published.', 'Plan'),
        simpleClaimRow('Claim 4.3.2', 'Customers are told of incidents promptly.', 'IR-7'),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.numbering).toBe('apc');
    expect(result.notes).toEqual([]);
    expect(result.rows.map((row) => [row.reference, row.claimId, row.renumberedFrom])).toEqual([
      ['Claim 4.3.1', '4.3.1', null],
      ['Claim 4.3.2', '4.3.2', null],
    ]);
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
      expect.objectContaining({
        evidenceText: 'First',
        reason: 'Claim 3.2.1 is already filled by the row at table 1, row 3, which matches it better.',
      }),
    ]);
  });

  it('reports text written on a principle row instead of dropping it', () => {
    const xml = documentXml(tbl(headerRow(), simpleClaimRow('Principle 1.1', 'Follow a framework', 'Evidence typed on the principle row')));
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.unplaced).toEqual([
      expect.objectContaining({ reference: 'Principle 1.1', evidenceText: 'Evidence typed on the principle row' }),
    ]);
  });

  it('counts a placed claim with no evidence and no arguments as empty', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        simpleClaimRow('Claim 1.1.1', 'The framework in use is documented.', ''),
        simpleClaimRow('Claim 1.1.2', 'Developers are trained.', 'Records'),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.emptyClaims).toContain('1.1.1');
    expect(result.emptyClaims).not.toContain('1.1.2');
  });
});
