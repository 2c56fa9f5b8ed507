import type { Assessment } from '../domain/types';

export interface FormRowSource {
  readonly table: number;
  readonly row: number;
}

/** Where each row of a Word form went, so the person can check the placement before relying on it. */
export interface FormPlacementView {
  readonly fileName: string;
  readonly cover: {
    readonly organisation: string | null;
    readonly assessorName: string | null;
    readonly assessorRole: string | null;
    readonly dateCompleted: string | null;
  };
  readonly rows: readonly {
    readonly claimId: string;
    readonly reference: string;
    readonly method: 'number' | 'text' | 'number-and-text';
    readonly similarity: number;
    readonly note: string | null;
    readonly source: FormRowSource;
  }[];
  readonly unplaced: readonly {
    readonly reference: string;
    readonly claimText: string;
    readonly reason: string;
    readonly source: FormRowSource;
  }[];
  readonly emptyClaims: readonly string[];
  /** `form-v0.4` when the form uses the 43-claim numbering of form v0.4 (its 4.3.1 is claim 4.3.2). */
  readonly numbering: 'apc' | 'form-v0.4';
  /** What the import mapped, for information (the v0.4 numbering); nothing to fix. */
  readonly notes: readonly string[];
  readonly warnings: readonly string[];
}

export interface FormImportView {
  readonly assessment: Assessment;
  readonly placement: FormPlacementView;
  readonly linkedEvidence: readonly { readonly claimId: string; readonly fileName: string }[];
  readonly missingEvidence: readonly { readonly claimId: string; readonly fileName: string }[];
}

/** A Word form written: where, and what a filled-in template could not hold in its own rows. */
export interface FormExportView {
  readonly path: string;
  /** Claims the template had no row for (2.1.6 and 4.3.1 on form v0.4), added in a table at its end. */
  readonly appendedClaims: readonly string[];
  /** Cover fields (Organisation, Name, Role, Date Completed) the template has no place for. */
  readonly missingCoverFields: readonly string[];
}

/** A calendar file of reminders written: where, and how many events of each kind it holds. */
export interface RemindersExportView {
  readonly path: string;
  readonly actionsDue: number;
  readonly evidenceExpiring: number;
}
