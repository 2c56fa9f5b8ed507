/**
 * The parts of a Word document the form reader needs, in document order: paragraphs with
 * their visible text, and tables laid out on Word's column grid.
 */
export type DocBlock = DocParagraph | DocTable;

export interface DocParagraph {
  readonly kind: 'paragraph';
  /** What a reader sees: runs joined, tabs as `\t`, line breaks as `\n`, deletions left out. */
  readonly text: string;
  /** A tracked deletion of the paragraph mark joins this paragraph to the next one. */
  readonly markDeleted: boolean;
  /** Which `w:p` of document.xml this is, counting every one in document order from 0 (for filling in). */
  readonly sourceIndex?: number;
}

export interface DocTable {
  readonly kind: 'table';
  readonly rows: readonly DocRow[];
  /** Which `w:tbl` of document.xml this is, in document order from 0. */
  readonly sourceIndex?: number;
}

export interface DocRow {
  /** Marked to repeat at the top of each page (`w:tblHeader`). */
  readonly repeatsAsHeader: boolean;
  readonly cells: readonly DocCell[];
  /** Which `w:tr` of document.xml this is, in document order from 0. */
  readonly sourceIndex?: number;
}

export interface DocCell {
  /** Index of the first grid column this cell covers. */
  readonly gridStart: number;
  /** How many grid columns it covers (`w:gridSpan`). */
  readonly gridSpan: number;
  /** `continue` cells are the lower parts of a vertically merged cell and hold no text of their own. */
  readonly verticalMerge: 'restart' | 'continue' | null;
  readonly blocks: readonly DocBlock[];
  /** Which `w:tc` of document.xml this is, in document order from 0. */
  readonly sourceIndex?: number;
}
