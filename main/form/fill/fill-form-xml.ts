import { findClaim, listClaims, type Catalog } from '../../../shared/catalog/index';
import { formatUkDate } from '../../../shared/domain/dates';
import type { AssessmentDetail, IsoDate } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import { claimFormContent, hasSomethingToRecord } from '../claim-record';
import { labelKey, type CoverKey } from '../read/cover-fields';
import type { DocBlock } from '../read/docx-model';
import { APPENDIX_HEADING } from '../read/form-tables';
import { W_NS } from '../read/parse-document-xml';
import { analyseFormXml } from '../read/read-form';
import type { FormRow } from '../read/types';
import { formatRecord } from '../result-block';
import { wordSafe } from '../write/cell-paragraphs';
import { scanElements, type XmlElement } from './xml-elements';

export interface FillOptions {
  /** The cover's "Date Completed"; null leaves the template's as it is. */
  readonly dateCompleted: IsoDate | null;
  /** The template's file name, for messages. */
  readonly fileName: string;
}

export interface FilledForm {
  readonly xml: string;
  /** Claims the template had no row for, added in a table at the end. */
  readonly appendedClaims: readonly string[];
  /** Cover fields the template has no place for, so they are not on the filled form. */
  readonly missingCoverFields: readonly string[];
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The lines of one cell: each becomes a paragraph; a `\n` inside a line is a line break. */
type CellLines = readonly string[];

const COVER_LABELS: Readonly<Record<CoverKey, string>> = {
  organisation: 'Organisation',
  assessorName: 'Name',
  assessorRole: 'Role',
  dateCompleted: 'Date Completed',
};

/**
 * Fills in the official form's main document (`word/document.xml`) from an assessment,
 * changing only the cover fields' values and each claim's Evidence and Arguments / Assumptions
 * cells: every other byte of the template (title page, logo, styles, wording, numbering) is
 * kept. Claims the template has no row for go in a table at the end under APPENDIX_HEADING.
 * The result is read back before it is returned: a form that would not import with the same
 * text is never written.
 */
export function fillFormXml(xml: string, detail: AssessmentDetail, catalog: Catalog, options: FillOptions): FilledForm {
  const analysis = analyseFormXml(xml, catalog, options.fileName);
  const elements = indexWordElements(xml);
  const edits: Edit[] = [];
  const appended: string[] = [];
  const expected = new Map<string, { evidence: string; arguments: string[] }>();

  for (const { claim } of listClaims(catalog)) {
    const content = claimFormContent(detail, claim.id);
    const evidence = linesOf(content.evidenceText);
    const argumentLines = [
      ...(content.arguments === '' ? [] : linesOf(content.arguments)),
      ...(hasSomethingToRecord(content.record) ? formatRecord(content.record).map(wordSafe) : []),
    ];
    expected.set(claim.id, { evidence: evidence.join('\n'), arguments: argumentLines.flatMap((l) => l.split('\n')) });
    const row = analysis.placedRows.get(claim.id);
    if (!row) {
      appended.push(claim.id);
      continue;
    }
    edits.push(...fillColumn(xml, elements, row.cells.evidence, evidence, options.fileName));
    edits.push(...fillColumn(xml, elements, row.cells.arguments, argumentLines, options.fileName));
  }

  const cover = coverValues(detail, options.dateCompleted);
  const slots = findCoverSlots(analysis.structure.coverBlocks);
  const missingCoverFields: string[] = [];
  for (const [key, value] of cover) {
    const slot = slots.get(key);
    if (!slot) {
      missingCoverFields.push(COVER_LABELS[key]);
      continue;
    }
    if (slot.kind === 'cell') edits.push(cellEdit(xml, element(elements.tc, slot.index, options.fileName), [value]));
    else edits.push(labelledParagraphEdit(xml, element(elements.p, slot.index, options.fileName), slot.label, value));
  }

  if (appended.length > 0)
    edits.push(appendixEdit(xml, elements, analysis.structure.formTables[0] ?? null, analysis.placedRows, appended, detail, catalog));

  const filled = applyEdits(xml, edits);
  checkReadsBack(filled, catalog, expected, options.fileName);
  return { xml: filled, appendedClaims: appended, missingCoverFields };
}

interface WordElements {
  readonly p: readonly XmlElement[];
  readonly tbl: readonly XmlElement[];
  readonly tr: readonly XmlElement[];
  readonly tc: readonly XmlElement[];
  readonly body: XmlElement | null;
}

/** The document's paragraphs, tables, rows and cells in document order: the reader's sourceIndex counts the same way. */
function indexWordElements(xml: string): WordElements {
  const all = scanElements(xml).filter((e) => e.namespace === W_NS);
  const of = (name: string): XmlElement[] => all.filter((e) => e.localName === name);
  return { p: of('p'), tbl: of('tbl'), tr: of('tr'), tc: of('tc'), body: of('body')[0] ?? null };
}

function element(list: readonly XmlElement[], index: number, fileName: string): XmlElement {
  const found = list[index];
  if (!found) throw SscpError.because({ code: 'form-fill-unstable', fileName });
  return found;
}

/** One column of a row: the first cell gets the lines, cells merged below it are emptied (their text would join it on import). */
function fillColumn(xml: string, elements: WordElements, cells: readonly number[], lines: CellLines, fileName: string): Edit[] {
  return cells.map((index, i) => cellEdit(xml, element(elements.tc, index, fileName), i === 0 ? lines : []));
}

/** Replaces a cell's paragraphs (and anything else in it) with `lines`, keeping its properties and its first paragraph's look. */
function cellEdit(xml: string, tc: XmlElement, lines: CellLines): Edit {
  const tcPr = tc.children.find((c) => c.localName === 'tcPr' && c.namespace === W_NS);
  const from = tcPr ? tcPr.end : tc.contentStart;
  return { start: from, end: tc.contentEnd, text: paragraphsXml(xml, tc, lines) };
}

function paragraphsXml(xml: string, container: XmlElement, lines: CellLines): string {
  const w = prefixOf(container);
  const look = paragraphLook(xml, container.children.find((c) => c.localName === 'p' && c.namespace === W_NS) ?? null);
  const all = lines.length === 0 ? [''] : lines;
  return all.map((line) => paragraphXml(w, look, line)).join('');
}

interface ParagraphLook {
  /** The template paragraph's `w:pPr`, as written ('' if none). */
  readonly pPr: string;
  /** Its first run's `w:rPr`, or its paragraph mark's, as written ('' if none). */
  readonly rPr: string;
}

function paragraphLook(xml: string, p: XmlElement | null): ParagraphLook {
  if (!p) return { pPr: '', rPr: '' };
  const pPr = p.children.find((c) => c.localName === 'pPr' && c.namespace === W_NS);
  const run = p.children.find((c) => c.localName === 'r' && c.namespace === W_NS);
  const runPr = run?.children.find((c) => c.localName === 'rPr' && c.namespace === W_NS);
  const markPr = pPr?.children.find((c) => c.localName === 'rPr' && c.namespace === W_NS);
  const rPrElement = runPr ?? markPr;
  // A paragraph mark's properties may record tracked changes, which a run's may not carry.
  const rPr = rPrElement
    ? xml.slice(rPrElement.start, rPrElement.end).replace(/<(\w+:)?(ins|del|moveFrom|moveTo)\b[^>]*?(\/>|>[\s\S]*?<\/\1?\2>)/g, '')
    : '';
  return { pPr: pPr ? xml.slice(pPr.start, pPr.end) : '', rPr };
}

function paragraphXml(w: string, look: ParagraphLook, line: string): string {
  if (line === '') return `<${w}p>${look.pPr}</${w}p>`;
  const pieces = line.split('\n').map((part, i) => `${i > 0 ? `<${w}br/>` : ''}${tabbedText(w, part)}`);
  return `<${w}p>${look.pPr}<${w}r>${look.rPr}${pieces.join('')}</${w}r></${w}p>`;
}

/** Text with tabs as Word tabs; spaces kept as typed. */
function tabbedText(w: string, text: string): string {
  return text
    .split('\t')
    .map((part, i) => `${i > 0 ? `<${w}tab/>` : ''}${part === '' ? '' : `<${w}t xml:space="preserve">${escapeXml(part)}</${w}t>`}`)
    .join('');
}

/** Text as XML character data: the three characters that could end it or start markup are escaped. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function prefixOf(e: XmlElement): string {
  return e.prefix === '' ? '' : `${e.prefix}:`;
}

/** Text as the cell's lines: line endings unified, characters Word cannot hold taken out. */
function linesOf(text: string): string[] {
  return text === '' ? [] : wordSafe(text).split('\n');
}

function coverValues(detail: AssessmentDetail, dateCompleted: IsoDate | null): Map<CoverKey, string> {
  const { assessment } = detail;
  const values = new Map<CoverKey, string>([
    ['organisation', assessment.organisation],
    ['assessorName', assessment.sroName],
    ['assessorRole', assessment.sroRole],
  ]);
  if (dateCompleted) values.set('dateCompleted', formatUkDate(dateCompleted));
  for (const [key, value] of values) values.set(key, wordSafe(value).replace(/\n+/g, ' '));
  return values;
}

type CoverSlot =
  { readonly kind: 'cell'; readonly index: number } | { readonly kind: 'paragraph'; readonly index: number; readonly label: string };

/**
 * Where the template wants each cover field: the cell after a label cell ("Organisation" |
 * blank), or a "Label:" paragraph. The first of each wins, as when reading.
 */
function findCoverSlots(blocks: readonly DocBlock[]): Map<CoverKey, CoverSlot> {
  const slots = new Map<CoverKey, CoverSlot>();
  const visit = (items: readonly DocBlock[]): void => {
    for (const block of items) {
      if (block.kind === 'paragraph') {
        const m = /^\s*([^:\n]{2,40}):/.exec(block.text);
        const key = m ? labelKey(m[1] ?? '') : null;
        if (key && !slots.has(key) && block.sourceIndex !== undefined && !block.text.includes('\n')) {
          slots.set(key, { kind: 'paragraph', index: block.sourceIndex, label: (m?.[1] ?? '').trim() });
        }
        continue;
      }
      for (const row of block.rows) {
        row.cells.forEach((cell, i) => {
          const key = labelKey(cell.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' '));
          const next = row.cells[i + 1];
          if (!key || slots.has(key) || !next || next.sourceIndex === undefined) return;
          const nextText = next.blocks.map((b) => (b.kind === 'paragraph' ? b.text : '')).join(' ');
          // The next cell must be a value, not another label ("Assessed by:" reads as no field, but is a heading).
          const isLabel = labelKey(nextText) !== null || /^\s*assessed by\b/i.test(nextText);
          if (!isLabel && next.blocks.every((b) => b.kind === 'paragraph')) slots.set(key, { kind: 'cell', index: next.sourceIndex });
        });
        for (const cell of row.cells) visit(cell.blocks.filter((b) => b.kind === 'table'));
      }
    }
  };
  visit(blocks);
  return slots;
}

/** "Organisation: <value>", keeping the paragraph's properties and its first run's look. */
function labelledParagraphEdit(xml: string, p: XmlElement, label: string, value: string): Edit {
  const w = prefixOf(p);
  const look = paragraphLook(xml, p);
  const pPr = p.children.find((c) => c.localName === 'pPr' && c.namespace === W_NS);
  const run = (text: string): string => `<${w}r>${look.rPr}${tabbedText(w, text)}</${w}r>`;
  return { start: pPr ? pPr.end : p.contentStart, end: p.contentEnd, text: `${run(`${label}: `)}${value === '' ? '' : run(value)}` };
}

/**
 * The table of claims the template lacks, at the end of the body (before its section
 * properties): the first form table's properties, grid and column header row, and rows
 * shaped like the template's first claim row.
 */
function appendixEdit(
  xml: string,
  elements: WordElements,
  firstTable: { readonly table: number | null; readonly headerRow: number | null } | null,
  placedRows: ReadonlyMap<string, FormRow>,
  claimIds: readonly string[],
  detail: AssessmentDetail,
  catalog: Catalog,
): Edit {
  const body = elements.body;
  if (!body) throw SscpError.because({ code: 'form-template-no-body' });
  const w = prefixOf(body);
  const last = body.children[body.children.length - 1];
  const at = last && last.localName === 'sectPr' && last.namespace === W_NS ? last.start : body.contentEnd;

  const titles = claimIds.map((id) => `${id} (${(findClaim(catalog, id)?.claim.title ?? id).toLowerCase()})`);
  const intro =
    `This copy of the form has no rows for claim${claimIds.length === 1 ? '' : 's'} ${titles.join(' and ')}. ` +
    `${claimIds.length === 1 ? 'It is' : 'They are'} listed here, numbered as in the NCSC's Assurance Principles and Claims (APC) v1.0, so that nothing is left out.`;
  const heading = `<${w}p><${w}pPr><${w}keepNext/></${w}pPr><${w}r><${w}rPr><${w}b/></${w}rPr>${tabbedText(w, APPENDIX_HEADING)}</${w}r></${w}p>`;
  const introXml = `<${w}p><${w}pPr><${w}keepNext/></${w}pPr><${w}r>${tabbedText(w, intro)}</${w}r></${w}p>`;

  const tbl = firstTable?.table != null ? elements.tbl[firstTable.table] : undefined;
  const tblPr = tbl?.children.find((c) => c.localName === 'tblPr' && c.namespace === W_NS);
  const tblGrid = tbl?.children.find((c) => c.localName === 'tblGrid' && c.namespace === W_NS);
  const headerTr = firstTable?.headerRow != null ? elements.tr[firstTable.headerRow] : undefined;
  const patternRowIndex = [...placedRows.values()].find((r) => r.cells.row !== null)?.cells.row ?? null;
  const patternTr = patternRowIndex !== null ? elements.tr[patternRowIndex] : undefined;
  const patternCells = patternTr?.children.filter((c) => c.localName === 'tc' && c.namespace === W_NS) ?? [];

  const rows = claimIds.map((id) => {
    const content = claimFormContent(detail, id);
    const cellLines: CellLines[] = [
      [`Claim ${id}`],
      linesOf(findClaim(catalog, id)?.claim.statement ?? ''),
      linesOf(content.evidenceText),
      [
        ...(content.arguments === '' ? [] : linesOf(content.arguments)),
        ...(hasSomethingToRecord(content.record) ? formatRecord(content.record).map(wordSafe) : []),
      ],
    ];
    if (patternTr && patternCells.length === 4) return rowLike(xml, patternTr, patternCells, cellLines);
    return `<${w}tr>${cellLines.map((lines) => `<${w}tc><${w}tcPr><${w}tcW ${w}w="0" ${w}type="auto"/></${w}tcPr>${paragraphsXml(xml, body, lines)}</${w}tc>`).join('')}</${w}tr>`;
  });
  const header = headerTr
    ? xml.slice(headerTr.start, headerTr.end)
    : `<${w}tr><${w}trPr><${w}tblHeader/></${w}trPr>${['Reference', 'Principles/Claims', 'Evidence', 'Arguments / Assumptions'].map((t) => `<${w}tc><${w}p><${w}r><${w}rPr><${w}b/></${w}rPr>${tabbedText(w, t)}</${w}r></${w}p></${w}tc>`).join('')}</${w}tr>`;
  const properties = tblPr
    ? xml.slice(tblPr.start, tblPr.end)
    : `<${w}tblPr><${w}tblW ${w}w="5000" ${w}type="pct"/><${w}tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<${w}${s} ${w}val="single" ${w}sz="4" ${w}space="0" ${w}color="auto"/>`).join('')}</${w}tblBorders></${w}tblPr>`;
  const grid = tblGrid
    ? xml.slice(tblGrid.start, tblGrid.end)
    : `<${w}tblGrid><${w}gridCol/><${w}gridCol/><${w}gridCol/><${w}gridCol/></${w}tblGrid>`;
  const table = `<${w}tbl>${properties}${grid}${header}${rows.join('')}</${w}tbl>`;
  // A spacer paragraph: Word needs a paragraph between a table and the section's end.
  return { start: at, end: at, text: `${heading}${introXml}${table}<${w}p/>` };
}

/** A copy of the template's claim row with each of its four cells' contents replaced (merges taken off). */
function rowLike(xml: string, tr: XmlElement, cells: readonly XmlElement[], cellLines: readonly CellLines[]): string {
  const edits = cells.map((tc, i) => {
    const edit = cellEdit(xml, tc, cellLines[i] ?? []);
    const tcPr = tc.children.find((c) => c.localName === 'tcPr' && c.namespace === W_NS);
    const props = tcPr ? xml.slice(tcPr.start, tcPr.end).replace(/<(\w+:)?vMerge\b[^>]*?(\/>|>[\s\S]*?<\/\1?vMerge>)/g, '') : '';
    return { start: tcPr ? tcPr.start : edit.start, end: edit.end, text: props + edit.text };
  });
  return applyEdits(xml.slice(0, tr.end), edits).slice(tr.start);
}

function applyEdits(xml: string, edits: readonly Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const edit of sorted) {
    if (edit.start < at) throw SscpError.because({ code: 'form-fill-overlap' });
    out += xml.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return out + xml.slice(at);
}

/** Reads the filled-in form back and compares every claim with the assessment: a lossy form is never written. */
function checkReadsBack(
  xml: string,
  catalog: Catalog,
  expected: ReadonlyMap<string, { evidence: string; arguments: string[] }>,
  fileName: string,
): void {
  const back = analyseFormXml(xml, catalog, fileName).result;
  const byClaim = new Map(back.rows.map((r) => [r.claimId, r]));
  for (const [claimId, want] of expected) {
    const row = byClaim.get(claimId);
    const got = row
      ? {
          evidence: row.evidenceText,
          arguments: [...row.arguments.split('\n'), ...(row.record ? formatRecord(row.record).flatMap((l) => l.split('\n')) : [])],
        }
      : null;
    const wantArguments = want.arguments.length === 0 ? [''] : want.arguments;
    const same =
      got !== null &&
      got.evidence === want.evidence &&
      normaliseLines(got.arguments).join('\n') === normaliseLines(wantArguments).join('\n');
    if (!same) {
      throw SscpError.because({ code: 'form-claim-not-round-trip', fileName, claimId, rowFound: Boolean(row) });
    }
  }
}

/** An Arguments cell with no text of its own reads back as one empty line before the record. */
function normaliseLines(lines: readonly string[]): string[] {
  const out = [...lines];
  while (out.length > 0 && out[0] === '') out.shift();
  return out;
}
