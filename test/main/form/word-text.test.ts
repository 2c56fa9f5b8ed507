import { describe, expect, it } from 'vitest';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import { readFormXml } from '../../../main/form/read/read-form';
import { claimRow, documentXml, headerRow, p, principleRow, r, simpleClaimRow, tbl, tc, tr } from './word-xml';

/** Reads a one-table form whose claim 1.1.1 has the given evidence cell paragraphs. */
function evidenceOf(evidenceParagraphs: string[]): string {
  const xml = documentXml(
    tbl(
      headerRow(),
      principleRow('1.1', 'Follow a framework'),
      claimRow('Claim 1.1.1', 'The framework in use is documented.', evidenceParagraphs, [p()]),
    ),
  );
  const row = readFormXml(xml, CURRENT_CATALOG).rows.find((x) => x.claimId === '1.1.1');
  if (!row) throw new Error('claim 1.1.1 was not placed');
  return row.evidenceText;
}

describe('text as Word users wrote it', () => {
  it('joins runs split mid-word and keeps paragraphs, tabs and line breaks', () => {
    expect(
      evidenceOf([
        p(r('Sec'), '<w:r><w:rPr><w:b/></w:rPr><w:t>ure dev</w:t></w:r>', r('elopment policy')),
        p(r('Owner'), '<w:r><w:tab/></w:r>', r('Head of Engineering'), '<w:r><w:br/><w:t>next line</w:t><w:cr/><w:t>after cr</w:t></w:r>'),
        p(),
        p(r('  spaced  ')),
      ]),
    ).toBe('Secure development policy\nOwner\tHead of Engineering\nnext line\nafter cr\n\n  spaced  ');
  });

  it('takes tracked insertions and moves-to, drops deletions and moves-from', () => {
    expect(
      evidenceOf([
        p(
          r('Policy '),
          '<w:del w:id="1" w:author="A"><w:r><w:delText>v2 </w:delText></w:r></w:del>',
          '<w:ins w:id="2" w:author="A"><w:r><w:t>v3 </w:t></w:r></w:ins>',
          '<w:moveFrom w:id="3" w:author="A"><w:r><w:t>moved away </w:t></w:r></w:moveFrom>',
          '<w:moveTo w:id="4" w:author="A"><w:r><w:t>moved here</w:t></w:r></w:moveTo>',
        ),
      ]),
    ).toBe('Policy v3 moved here');
  });

  it('runs a paragraph whose mark was deleted on into the next one', () => {
    expect(
      evidenceOf([
        '<w:p><w:pPr><w:rPr><w:del w:id="5" w:author="A"/></w:rPr></w:pPr><w:r><w:t>first half, </w:t></w:r></w:p>',
        p(r('second half')),
        p(r('own paragraph')),
      ]),
    ).toBe('first half, second half\nown paragraph');
  });

  it('reads hyperlinks, smart tags, custom XML and inline content controls', () => {
    expect(
      evidenceOf([
        p(
          r('See '),
          '<w:hyperlink r:id="rId9"><w:r><w:t>the policy</w:t></w:r></w:hyperlink>',
          '<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t> in Leeds</w:t></w:r></w:smartTag>',
          '<w:customXml w:element="x"><w:r><w:t>, signed</w:t></w:r></w:customXml>',
          '<w:sdt><w:sdtPr><w:alias w:val="Date"/></w:sdtPr><w:sdtContent><w:r><w:t> 01/02/2026</w:t></w:r></w:sdtContent></w:sdt>',
        ),
      ]),
    ).toBe('See the policy in Leeds, signed 01/02/2026');
  });

  it('shows a field result, never its instructions, including nested fields and simple fields', () => {
    expect(
      evidenceOf([
        p(
          r('Page '),
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
          r(' of '),
          '<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>',
          r('; '),
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>IF </w:instrText></w:r>',
          '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>DATE</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>hidden</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
          '<w:r><w:instrText> = 1 "yes"</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>yes</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>',
        ),
      ]),
    ).toBe('Page 3 of 9; yes');
  });

  it('reads block-level content controls in a cell and flattens a nested table into lines', () => {
    expect(
      evidenceOf([
        '<w:sdt><w:sdtContent>' + p(r('Inside a control')) + '</w:sdtContent></w:sdt>',
        tbl(tr(tc(p(r('Doc'))), tc(p(r('Version')))), tr(tc(p(r('Policy'))), tc(p(r('3.2'))))),
        p(r('After the table')),
      ]),
    ).toBe('Inside a control\nDoc\tVersion\nPolicy\t3.2\nAfter the table');
  });
});

describe('the form tables', () => {
  it('finds rows inside row- and cell-level content controls and skips deleted rows', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        principleRow('1.1', 'Follow a framework'),
        '<w:sdt><w:sdtContent>' +
          simpleClaimRow('Claim 1.1.1', 'The framework in use is documented.', 'in a row control') +
          '</w:sdtContent></w:sdt>',
        tr(
          tc(p(r('Claim 1.1.2'))),
          '<w:sdt><w:sdtContent>' + tc(p(r('Developers are trained in the framework and tools.'))) + '</w:sdtContent></w:sdt>',
          '<w:customXml w:element="e">' + tc(p(r('in a cell control'))) + '</w:customXml>',
          tc(p()),
        ),
        '<w:tr><w:trPr><w:del w:id="7" w:author="A"/></w:trPr>' +
          tc(p(r('Claim 1.1.3'))) +
          tc(p(r('x'))) +
          tc(p(r('deleted row'))) +
          tc(p()) +
          '</w:tr>',
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.rows.map((row) => [row.claimId, row.evidenceText])).toEqual([
      ['1.1.1', 'in a row control'],
      ['1.1.2', 'in a cell control'],
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('maps merged header cells and merged data cells onto the four columns, and skips repeated header rows', () => {
    const spanned = (n: number, text: string): string => `<w:tc><w:tcPr><w:gridSpan w:val="${n}"/></w:tcPr>${p(r(text))}</w:tc>`;
    const xml = documentXml(
      tbl(
        tr(spanned(5, 'Principle 1.1: Follow an established secure development framework')),
        // The claims column spans two grid columns in the header; rows may split it.
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>' +
          tc(p(r('Reference'))) +
          spanned(2, 'Principles / Claims') +
          tc(p(r('Evidence'))) +
          tc(p(r('Arguments/Assumptions:'))) +
          '</w:tr>',
        tr(tc(p(r('Principle 1.1'))), spanned(4, 'Follow a framework')),
        tr(tc(p(r('Claim 1.1.1'))), tc(p(r('The framework in use'))), tc(p(r('is documented.'))), tc(p(r('E1'))), tc(p(r('A1')))),
        headerRow(),
        '<w:tr><w:trPr><w:tblHeader/></w:trPr>' + spanned(5, 'Secure development (continued)') + '</w:tr>',
        tr(tc(p(r('Claim 1.1.2'))), spanned(2, 'Developers are trained in the framework and tools.'), tc(p(r('E2'))), tc(p(r('A2')))),
        tr(
          '<w:tc><w:tcPr><w:vMerge w:val="restart"/></w:tcPr>' + p(r('Claim 1.1.3')) + '</w:tc>',
          spanned(2, 'Development tools are maintained and kept up to date.'),
          tc(p(r('E3'))),
          tc(p(r('A3'))),
        ),
        tr('<w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>', spanned(2, ''), tc(p(r('E3 continued'))), tc(p())),
      ),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.rows.map((row) => [row.claimId, row.claimText, row.evidenceText, row.arguments])).toEqual([
      ['1.1.1', 'The framework in use\nis documented.', 'E1', 'A1'],
      ['1.1.2', 'Developers are trained in the framework and tools.', 'E2', 'A2'],
      // The reference cell is merged down: the next row carries on claim 1.1.3.
      ['1.1.3', 'Development tools are maintained and kept up to date.', 'E3\nE3 continued', 'A3'],
    ]);
    expect(result.unplaced).toEqual([]);
  });

  it('finds form tables nested in a layout table, and reads cover fields from label and value cells', () => {
    const xml = documentXml(
      tbl(tr(tc(p(r('Organisation:'))), tc(p(r('Acme Ltd'))))) +
        tbl(tr(tc(p(r('Assessed by')))), tr(tc(p(r('Name'))), tc(p()), tc(p(r('Role'))), tc(p(r('CTO'))))) +
        p(r('Date Completed: 7/3/2026')) +
        tbl(tr(tc(tbl(headerRow(), simpleClaimRow('Claim 3.2.1', 'A vulnerability disclosure policy is published.', 'security.txt'))))),
    );
    const result = readFormXml(xml, CURRENT_CATALOG);
    expect(result.cover).toEqual({
      organisation: 'Acme Ltd',
      assessorName: null,
      assessorRole: 'CTO',
      dateCompleted: '2026-03-07',
      dateCompletedAsWritten: '7/3/2026',
    });
    expect(result.rows.map((row) => row.claimId)).toEqual(['3.2.1']);
  });

  it('reads "Assessed by" written as one line', () => {
    const xml = documentXml(p(r('Organisation: Acme Ltd')) + p(r('Assessed by: Jane Doe')) + tbl(headerRow()));
    expect(readFormXml(xml, CURRENT_CATALOG).cover.assessorName).toBe('Jane Doe');
  });

  it('reads a later table without its own header as part of the form', () => {
    const xml = documentXml(
      tbl(
        headerRow(),
        principleRow('3.1', 'Distribute securely'),
        simpleClaimRow('Claim 3.1.1', 'Customers can verify integrity.', 'Signed installers'),
      ) +
        p() +
        tbl(principleRow('3.2', 'Disclosure'), simpleClaimRow('Claim 3.2.1', 'A disclosure policy is published.', 'security.txt')),
    );
    expect(readFormXml(xml, CURRENT_CATALOG).rows.map((row) => [row.claimId, row.source.table])).toEqual([
      ['3.1.1', 1],
      ['3.2.1', 2],
    ]);
  });
});

describe('documents that are not the form', () => {
  it('says which columns are missing when no table has them', () => {
    const xml = documentXml(tbl(tr(tc(p(r('Reference'))), tc(p(r('Claim'))), tc(p(r('Evidence'))))) + p(r('Minutes of the meeting')));
    expect(() => readFormXml(xml, CURRENT_CATALOG)).toThrow(
      expect.objectContaining({
        kind: 'invalid-input',
        message:
          'This Word document is not the Software Security Code of Practice self-assessment form: no table has the columns Reference | Principles/Claims | Evidence | Arguments / Assumptions.',
      }),
    );
  });

  it('refuses damaged XML and DTDs as unreadable', () => {
    expect(() => readFormXml('<w:document', CURRENT_CATALOG, 'x.docx')).toThrow(expect.objectContaining({ kind: 'unreadable' }));
    const dtd = '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa">]>' + documentXml('').replace(/^<\?xml[^>]*>/, '');
    expect(() => readFormXml(dtd, CURRENT_CATALOG, 'x.docx')).toThrow(expect.objectContaining({ kind: 'unreadable' }));
    expect(() => readFormXml('<html xmlns="http://www.w3.org/1999/xhtml"/>', CURRENT_CATALOG, 'x.docx')).toThrow(
      expect.objectContaining({ kind: 'unreadable' }),
    );
  });
});
