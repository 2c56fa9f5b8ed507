import { Document, HeadingLevel, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { Catalog, CatalogPrinciple } from '../../../shared/catalog/index';
import { formatUkDate } from '../../../shared/domain/dates';
import type { AssessmentDetail, IsoDate } from '../../../shared/domain/types';
import { FORM_V04, formV04Number } from '../form-versions';
import { FORM_COLUMNS } from '../read/form-tables';
import { claimFormContent, hasSomethingToRecord } from '../claim-record';
import { formatRecord } from '../result-block';
import { brokenParagraph, textParagraphs, wordSafe } from './cell-paragraphs';

export const FORM_TITLE = 'Software Security Code of Practice Self-Assessment';

/** Twentieths of a point across an A4 page with 2.54 cm margins, shared out over the four columns. */
const COLUMN_WIDTHS = [1300, 2300, 2713, 2713] as const;
const RECORD_STYLE = { italics: true, color: '444444' } as const;

export interface FormDocumentOptions {
  /** The cover's "Date Completed". */
  readonly dateCompleted: IsoDate | null;
}

/**
 * The official form's layout filled from an assessment: cover fields, then per theme a
 * heading and description and one four-column table per principle. Each claim's result,
 * remedial actions and evidence files go in a marked block at the end of its Arguments cell.
 */
export function buildFormDocument(detail: AssessmentDetail, catalog: Catalog, options: FormDocumentOptions): Document {
  const { assessment } = detail;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ text: FORM_TITLE, heading: HeadingLevel.TITLE }),
    coverTable([
      ['Organisation', assessment.organisation],
      ['Assessed by', null],
      ['Name', assessment.sroName],
      ['Role', assessment.sroRole],
      ['Date Completed', options.dateCompleted ? formatUkDate(options.dateCompleted) : ''],
    ]),
    ...textParagraphs(numberingNote(catalog)),
  ];
  for (const theme of catalog.themes) {
    children.push(new Paragraph({ text: wordSafe(`Theme ${theme.id}: ${theme.title}`), heading: HeadingLevel.HEADING_1 }));
    children.push(...textParagraphs(theme.description));
    for (const principle of theme.principles) {
      children.push(new Paragraph({ text: '' }));
      children.push(principleTable(principle, detail));
    }
  }
  return new Document({
    creator: 'SSCP Evidence Pack',
    title: FORM_TITLE,
    description: `Assessment ${assessment.id} against ${catalog.title} (catalog ${catalog.id} ${catalog.version})`,
    sections: [{ children }],
  });
}

function coverTable(fields: readonly (readonly [string, string | null])[]): Table {
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [2600, 6426],
    rows: fields.map(
      ([label, value]) =>
        new TableRow({
          children:
            value === null
              ? [new TableCell({ columnSpan: 2, children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] })]
              : [
                  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: label, bold: true })] })] }),
                  new TableCell({ children: textParagraphs(value) }),
                ],
        }),
    ),
  });
}

function principleTable(principle: CatalogPrinciple, detail: AssessmentDetail): Table {
  const header = new TableRow({
    tableHeader: true,
    children: FORM_COLUMNS.map(
      (title) => new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: title, bold: true })] })] }),
    ),
  });
  const principleRow = new TableRow({
    children: [
      new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: `Principle ${principle.id}`, bold: true })] })] }),
      new TableCell({ columnSpan: 3, children: textParagraphs(principle.title, { bold: true }) }),
    ],
  });
  const claimRows = principle.claims.map((claim) => {
    const { evidenceText, arguments: argumentsText, record } = claimFormContent(detail, claim.id);
    return new TableRow({
      children: [
        new TableCell({ children: referenceParagraphs(claim.id) }),
        new TableCell({ children: textParagraphs(claim.statement) }),
        new TableCell({ children: textParagraphs(evidenceText) }),
        new TableCell({
          children: [
            ...(argumentsText === '' ? [] : textParagraphs(argumentsText)),
            ...(hasSomethingToRecord(record) ? formatRecord(record).map((line) => brokenParagraph(line, RECORD_STYLE)) : []),
          ],
        }),
      ],
    });
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    columnWidths: [...COLUMN_WIDTHS],
    rows: [header, principleRow, ...claimRows],
  });
}

/**
 * The form's own explanation of its numbering: it follows the APC, as the catalog does, and
 * says where that differs from the form v0.4 most people have, so nobody misreads 4.3.1.
 */
export function numberingNote(catalog: Catalog): string {
  const renumbered = [...FORM_V04.renumbered]
    .map(([form, claim]) => `numbers incident notification ${form}, which is claim ${claim} here`)
    .join('; ');
  return (
    `Claims are numbered as in NCSC's Assurance Principles and Claims (APC) v1.0, which catalog ${catalog.id} ${catalog.version} follows: ` +
    `${catalog.themes.flatMap((t) => t.principles.flatMap((p) => p.claims)).length} claims. ` +
    `The self-assessment form v${FORM_V04.version} has 43: it has no claims ${FORM_V04.absent.join(' and ')}, and ${renumbered}. ` +
    `Each Reference cell says where its claim sits on form v${FORM_V04.version}.`
  );
}

/**
 * "Claim 4.3.2", then, where form v0.4 differs, a second line saying how: the reader takes
 * the first claim number in the cell, so the note never changes where the row goes.
 */
function referenceParagraphs(claimId: string): Paragraph[] {
  const onForm = formV04Number(claimId);
  const note =
    onForm === null ? `(not on form v${FORM_V04.version})` : onForm !== claimId ? `(${onForm} on form v${FORM_V04.version})` : null;
  return [
    new Paragraph({ text: `Claim ${claimId}` }),
    ...(note ? [new Paragraph({ children: [new TextRun({ text: note, italics: true })] })] : []),
  ];
}
