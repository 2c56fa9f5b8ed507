import { blockParagraphs } from './block-text';
import type { DocBlock, DocCell, DocRow, DocTable } from './docx-model';
import type { FormRow, FormRowCells } from './types';

/**
 * The heading above the table a filled-in template gets for claims it has no row for (form
 * v0.4 lacks 2.1.6 and 4.3.1). Rows after it are numbered as the APC: the reader does not
 * apply the form's own numbering to them.
 */
export const APPENDIX_HEADING = 'Claims not on this form (added by SSCP Evidence Pack)';

/** The four columns of the official form, in order. */
export const FORM_COLUMNS = ['Reference', 'Principles/Claims', 'Evidence', 'Arguments / Assumptions'] as const;

/** A column of the form: the grid columns its header cell covers. */
interface ColumnRange {
  readonly start: number;
  readonly end: number;
}

export interface FormStructure {
  readonly rows: readonly FormRow[];
  /** Rows that are neither claims nor headings but hold text (kept for the report). */
  readonly strayRows: readonly FormRow[];
  /** Everything outside the form's tables, in order: where the cover fields live. */
  readonly coverBlocks: readonly DocBlock[];
  readonly formTableCount: number;
  /** Each form table's `w:tbl` index and the `w:tr` index of its column header row. */
  readonly formTables: readonly { readonly table: number | null; readonly headerRow: number | null }[];
}

const PRINCIPLE_REF = /^principle\s*(\d+\.\d+)\b/i;
const CLAIM_REF = /\bclaim\s*(\d+\.\d+\.\d+)\b/i;
const BARE_CLAIM = /^(\d+\.\d+\.\d+)\.?$/;
const BARE_PRINCIPLE = /^(\d+\.\d+)\.?$/;
const THEME_REF = /^theme\s*\d+\b/i;

/**
 * Finds the form's tables (any table, at any depth, with a header row reading
 * Reference | Principles/Claims | Evidence | Arguments / Assumptions) and reads their rows.
 * A table without its own header that follows a form table and starts with a principle or
 * claim reference is read with the same columns: people split tables when editing.
 */
export function readFormStructure(blocks: readonly DocBlock[]): FormStructure {
  const rows: FormRow[] = [];
  const strayRows: FormRow[] = [];
  const coverBlocks: DocBlock[] = [];
  let tableCount = 0;
  let lastColumns: readonly ColumnRange[] | null = null;
  let principleId: string | null = null;
  let inAppendix = false;
  const formTables: { table: number | null; headerRow: number | null }[] = [];

  const visit = (items: readonly DocBlock[]): void => {
    for (const block of items) {
      if (block.kind === 'paragraph') {
        if (block.text.trim() === APPENDIX_HEADING) inAppendix = true;
        coverBlocks.push(block);
        continue;
      }
      const headerAt = block.rows.findIndex((row) => headerColumns(row) !== null);
      const columns =
        headerAt >= 0 ? headerColumns(block.rows[headerAt] as DocRow) : lastColumns && looksLikeFormBody(block) ? lastColumns : null;
      if (!columns) {
        coverBlocks.push(block);
        // A layout table may hold the form's tables inside its cells.
        for (const row of block.rows) for (const cell of row.cells) visit(cell.blocks.filter((b) => b.kind === 'table'));
        continue;
      }
      lastColumns = columns;
      tableCount++;
      formTables.push({ table: block.sourceIndex ?? null, headerRow: headerAt >= 0 ? (block.rows[headerAt]?.sourceIndex ?? null) : null });
      block.rows.forEach((row, index) => {
        if (index <= headerAt || headerColumns(row) !== null) return;
        const source = { table: tableCount, row: index + 1 };
        const cells = columnTexts(row, columns);
        const sources = columnSources(row, columns);
        if (cells.every((paragraphs) => paragraphs.join('').trim() === '')) return;
        const previous = rows[rows.length - 1];
        if (continuesReferenceAbove(row, columns) && previous && previous.source.table === tableCount) {
          // The reference cell is merged down from the row above: this row carries on that claim.
          rows[rows.length - 1] = continueRow(previous, cells, sources);
          return;
        }
        const [refParagraphs, textParagraphs, evidenceParagraphs, argumentParagraphs] = cells;
        const reference = (refParagraphs ?? []).join(' ').replace(/\s+/g, ' ').trim();
        const principleMatch = PRINCIPLE_REF.exec(reference) ?? BARE_PRINCIPLE.exec(reference);
        const claimMatch = CLAIM_REF.exec(reference) ?? BARE_CLAIM.exec(reference);
        const formRow: FormRow = {
          reference,
          number: claimMatch?.[1] ?? null,
          principleId: principleMatch?.[1] ?? principleId,
          claimText: (textParagraphs ?? []).join('\n'),
          evidenceText: (evidenceParagraphs ?? []).join('\n'),
          argumentParagraphs: argumentParagraphs ?? [],
          source,
          inAppendix,
          cells: { ...sources, row: row.sourceIndex ?? null },
        };
        const hasClaimContent = formRow.evidenceText.trim() !== '' || formRow.argumentParagraphs.join('').trim() !== '';
        // Principle, theme and repeating title rows are headings: they set context, hold no claim.
        if (!claimMatch && (principleMatch || THEME_REF.test(reference) || row.repeatsAsHeader)) {
          if (principleMatch) principleId = principleMatch[1] ?? null;
          if (hasClaimContent) strayRows.push(formRow);
          return;
        }
        rows.push(formRow);
      });
    }
  };
  visit(blocks);
  return { rows, strayRows, coverBlocks, formTableCount: tableCount, formTables };
}

function continuesReferenceAbove(row: DocRow, columns: readonly ColumnRange[]): boolean {
  const reference = columns[0];
  const cell = row.cells.find((c) => reference !== undefined && c.gridStart >= reference.start && c.gridStart <= reference.end);
  return cell?.verticalMerge === 'continue';
}

function continueRow(row: FormRow, cells: readonly string[][], sources: Omit<FormRowCells, 'row'>): FormRow {
  const filled = (paragraphs: readonly string[] | undefined): readonly string[] =>
    paragraphs && paragraphs.join('').trim() !== '' ? paragraphs : [];
  const more = (text: string, paragraphs: readonly string[] | undefined): string => [text, ...filled(paragraphs)].join('\n');
  return {
    ...row,
    claimText: more(row.claimText, cells[1]),
    evidenceText: more(row.evidenceText, cells[2]),
    argumentParagraphs: [...row.argumentParagraphs, ...filled(cells[3])],
    cells: {
      row: row.cells.row,
      reference: [...row.cells.reference, ...sources.reference],
      claimText: [...row.cells.claimText, ...sources.claimText],
      evidence: [...row.cells.evidence, ...sources.evidence],
      arguments: [...row.cells.arguments, ...sources.arguments],
    },
  };
}

/** The grid ranges of the four columns if this row is the form's header row. */
function headerColumns(row: DocRow): readonly ColumnRange[] | null {
  const matchers = [isReferenceHeading, isClaimsHeading, isEvidenceHeading, isArgumentsHeading];
  const found: ColumnRange[] = [];
  let from = 0;
  for (const matches of matchers) {
    const at = row.cells.findIndex((cell, i) => i >= from && matches(headingText(cell)));
    if (at < 0) return null;
    const cell = row.cells[at] as DocCell;
    found.push({ start: cell.gridStart, end: cell.gridStart + cell.gridSpan - 1 });
    from = at + 1;
  }
  return found;
}

function headingText(cell: DocCell): string {
  return blockParagraphs(cell.blocks)
    .join(' ')
    .toLowerCase()
    .replace(/\s*\/\s*/g, '/')
    .replace(/[\s:*]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const isReferenceHeading = (t: string): boolean => t === 'reference' || t === 'ref' || t === 'ref.' || t === 'reference number';
const isClaimsHeading = (t: string): boolean => /^principles?\b/.test(t) && t.includes('claim');
const isEvidenceHeading = (t: string): boolean => t === 'evidence';
const isArgumentsHeading = (t: string): boolean => t.startsWith('argument');

function looksLikeFormBody(table: DocTable): boolean {
  const first = table.rows[0]?.cells[0];
  if (!first) return false;
  const text = blockParagraphs(first.blocks).join(' ').trim();
  return PRINCIPLE_REF.test(text) || CLAIM_REF.test(text);
}

/** Which column a cell's text goes to (see columnTexts). */
function columnOf(cell: DocCell, columns: readonly ColumnRange[]): number {
  const column = columns.findIndex((c) => cell.gridStart >= c.start && cell.gridStart <= c.end);
  if (column >= 0) return column;
  return cell.gridStart > (columns[columns.length - 1]?.end ?? 0) ? columns.length - 1 : 0;
}

/** The `w:tc` indices of one row's cells, per column, in the order their text is read. */
function columnSources(row: DocRow, columns: readonly ColumnRange[]): Omit<FormRowCells, 'row'> {
  const out: number[][] = columns.map(() => []);
  for (const cell of row.cells) {
    if (cell.verticalMerge === 'continue' || cell.sourceIndex === undefined) continue;
    (out[columnOf(cell, columns)] as number[]).push(cell.sourceIndex);
  }
  return { reference: out[0] ?? [], claimText: out[1] ?? [], evidence: out[2] ?? [], arguments: out[3] ?? [] };
}

/**
 * Each column's paragraphs for one row. A cell goes to the column its first grid column falls
 * in; a cell spanning several columns (a merged principle row) gives its text to the first.
 */
function columnTexts(row: DocRow, columns: readonly ColumnRange[]): string[][] {
  const out: string[][] = columns.map(() => []);
  for (const cell of row.cells) {
    if (cell.verticalMerge === 'continue') continue;
    const target = out[columnOf(cell, columns)] as string[];
    target.push(...blockParagraphs(cell.blocks));
  }
  return out;
}
