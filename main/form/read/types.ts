import type { IsoDate } from '../../../shared/domain/types';
import type { AssessmentRecord } from '../result-block';

/** How a row of the form was matched to a catalog claim. */
export type PlacementMethod = 'number' | 'text' | 'number-and-text';

/** Where a row sits in the document, counted from 1 as a person would. */
export interface RowSource {
  /** The n-th table of the document that has the form's four columns. */
  readonly table: number;
  /** The n-th row of that table, header rows included. */
  readonly row: number;
}

/** The cover fields; each is null when the form leaves it blank or lacks it. */
export interface FormCover {
  readonly organisation: string | null;
  readonly assessorName: string | null;
  readonly assessorRole: string | null;
  readonly dateCompleted: IsoDate | null;
  /** As typed, kept so an unreadable date can be shown back to the person. */
  readonly dateCompletedAsWritten: string | null;
}

/** One claim row of the form as written, before it is placed. */
export interface FormRow {
  /** The Reference cell as written, e.g. "Claim 1.1.1". */
  readonly reference: string;
  /** The claim number read from the reference, e.g. "1.1.1", if any. */
  readonly number: string | null;
  /** The principle of the table (or principle row) the row sits under, if known. */
  readonly principleId: string | null;
  readonly claimText: string;
  readonly evidenceText: string;
  /** The Arguments / Assumptions cell as paragraphs, before the assessment record is taken off. */
  readonly argumentParagraphs: readonly string[];
  readonly source: RowSource;
  /**
   * In the table of claims a filled-in template did not have (after APPENDIX_HEADING): those
   * rows are numbered as the APC, whatever numbering the rest of the form uses.
   */
  readonly inAppendix: boolean;
  /** Where the row's cells are in document.xml (`w:tc` indices), for filling the form in. */
  readonly cells: FormRowCells;
}

/** The `w:tc` indices of a row's cells per column (a merged-down claim may have several). */
export interface FormRowCells {
  readonly reference: readonly number[];
  readonly claimText: readonly number[];
  readonly evidence: readonly number[];
  readonly arguments: readonly number[];
  /** The `w:tr` of the row's first line. */
  readonly row: number | null;
}

export interface PlacedRow {
  readonly claimId: string;
  readonly reference: string;
  readonly claimText: string;
  readonly evidenceText: string;
  /** The person's own arguments, without the assessment record block. */
  readonly arguments: string;
  /** Result, remedial actions and evidence files from the record block, if the cell has one. */
  readonly record: AssessmentRecord | null;
  readonly method: PlacementMethod;
  /** Dice similarity of the row's claim text to the catalog claim it was placed on (0–1). */
  readonly similarity: number;
  /** Why the placement is worth a second look (number and text disagreed, wording differs...). */
  readonly note: string | null;
  /** The number as written when the form's numbering maps it to another claim (form v0.4's 4.3.1 → 4.3.2), else null. */
  readonly renumberedFrom: string | null;
  readonly source: RowSource;
}

export interface UnplacedRow {
  readonly reference: string;
  readonly claimText: string;
  readonly evidenceText: string;
  readonly arguments: string;
  readonly reason: string;
  readonly source: RowSource;
}

export interface FormReadResult {
  readonly cover: FormCover;
  readonly rows: readonly PlacedRow[];
  readonly unplaced: readonly UnplacedRow[];
  /** Catalog claims with no row on the form, or whose row has neither evidence nor arguments. */
  readonly emptyClaims: readonly string[];
  /**
   * Whose claim numbers the form uses: the APC's (45 claims, as the catalog and our export),
   * or the self-assessment form v0.4's (43 claims, incident notification numbered 4.3.1).
   */
  readonly numbering: 'apc' | 'form-v0.4';
  /** What the import did that the person should know but need not fix (the v0.4 mapping). */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}
