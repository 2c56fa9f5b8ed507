import type { KindsFor, WordsFor } from './types';

/** Refusals of the database, its audit log and the evidence store (`main/store`, `main/evidence`). */
export type StoreReason =
  | { readonly code: 'assessment-id-missing' }
  | { readonly code: 'assessment-id-too-short'; readonly id: string; readonly min: number }
  | { readonly code: 'assessment-id-no-match'; readonly id: string }
  | {
      readonly code: 'assessment-id-ambiguous';
      readonly id: string;
      readonly count: number;
      /** The first few matches, each described by its id, organisation, period and state. */
      readonly matches: readonly string[];
    }
  | { readonly code: 'actor-name-unusable'; readonly problem: string; readonly source: string }
  | { readonly code: 'database-foreign'; readonly path: string }
  | { readonly code: 'database-not-sqlite'; readonly path: string }
  | { readonly code: 'database-read-only'; readonly path: string; readonly detail: string }
  | { readonly code: 'database-damaged'; readonly path: string; readonly detail: string }
  | { readonly code: 'database-unreadable'; readonly path: string; readonly detail: string }
  | { readonly code: 'database-newer'; readonly found: number; readonly readsUpTo: number }
  | { readonly code: 'blob-hash-invalid'; readonly value: string }
  | { readonly code: 'evidence-add-cancelled'; readonly path: string }
  | { readonly code: 'evidence-source-unreadable'; readonly path: string; readonly detail: string }
  | { readonly code: 'evidence-changed-while-copied'; readonly path: string };

export const STORE_KIND: KindsFor<StoreReason> = {
  'assessment-id-missing': 'invalid-input',
  'assessment-id-too-short': 'invalid-input',
  'assessment-id-no-match': 'not-found',
  'assessment-id-ambiguous': 'invalid-input',
  'actor-name-unusable': 'invalid-input',
  'database-foreign': 'unreadable',
  'database-not-sqlite': 'unreadable',
  'database-read-only': 'unreadable',
  'database-damaged': 'unreadable',
  'database-unreadable': 'unreadable',
  'database-newer': 'unsupported-version',
  'blob-hash-invalid': 'invalid-input',
  'evidence-add-cancelled': 'cancelled',
  'evidence-source-unreadable': 'unreadable',
  'evidence-changed-while-copied': 'conflict',
};

export const STORE_MESSAGES: WordsFor<StoreReason> = {
  'assessment-id-missing': () => 'No assessment id was given.',
  'assessment-id-too-short': (r) => `The assessment id ${JSON.stringify(r.id)} is too short to stand for one assessment.`,
  'assessment-id-no-match': (r) => `There is no assessment with id ${r.id}.`,
  'assessment-id-ambiguous': (r) =>
    `The assessment id ${JSON.stringify(r.id)} is the start of ${r.count} assessments' ids: ${r.matches.join('; ')}${
      r.count > r.matches.length ? `; and ${r.count - r.matches.length} more` : ''
    }.`,
  'actor-name-unusable': (r) => `The name recorded with this change is not usable: ${r.problem}`,
  'database-foreign': (r) => `${r.path} is an SQLite database, but not one made by SSCP Evidence Pack.`,
  'database-not-sqlite': (r) => `${r.path} is not an SSCP Evidence Pack database (it is not an SQLite file).`,
  'database-read-only': (r) =>
    `The database ${r.path} cannot be opened for changes: it, or the folder it is in, may not be written (${r.detail}).`,
  'database-damaged': (r) => `The database ${r.path} is damaged and cannot be read (${r.detail}).`,
  'database-unreadable': (r) => `The database ${r.path} cannot be read (${r.detail}).`,
  'database-newer': (r) =>
    `This database was written by a newer version of SSCP Evidence Pack (schema ${r.found}; this version reads up to ${r.readsUpTo}).`,
  'blob-hash-invalid': (r) => `"${r.value}" is not a SHA-256 hash.`,
  'evidence-add-cancelled': (r) => `Adding ${r.path} was cancelled; nothing was stored.`,
  'evidence-source-unreadable': (r) => `Could not read ${r.path} (${r.detail}).`,
  'evidence-changed-while-copied': (r) => `${r.path} changed while it was being copied in, so it was not added.`,
};

export type StoreCodesBySurface = 'assessment-id-no-match' | 'actor-name-unusable' | 'database-damaged';

const RIGHT_FILE = 'Check that you chose the right file: the database is the file you created with SSCP Evidence Pack.';

/** What to do, where it reads the same in the CLI and in the app. */
export const STORE_HINTS: Omit<WordsFor<StoreReason>, StoreCodesBySurface> = {
  'assessment-id-missing': () => 'Give the id of an assessment (the assessments list shows them), or its first few characters.',
  'assessment-id-too-short': (r) => `Give at least ${r.min} characters of the id; the assessments list shows every id.`,
  'assessment-id-ambiguous': () => 'Give more characters of the id, enough to match only one of them.',
  'database-foreign': () => RIGHT_FILE,
  'database-not-sqlite': () => RIGHT_FILE,
  'database-read-only': () =>
    'Ask for write access to the file and its folder, or copy the database file with the .evidence folder beside it to a folder of your own and open that copy.',
  'database-unreadable': () =>
    'Check that the file is an SSCP Evidence Pack database and that you may read it; if it is damaged, restore it from a backup.',
  'database-newer': () => 'Update the app, or open a different database.',
  'blob-hash-invalid': () => 'A SHA-256 hash is 64 characters, 0-9 and a-f.',
  'evidence-add-cancelled': () => 'Add the file again when you are ready.',
  'evidence-source-unreadable': () => 'Check that the file exists, that you may read it, and that the disk is not full.',
  'evidence-changed-while-copied': () =>
    'Wait until the file is complete (fully downloaded or saved) and nothing is writing to it, then add it again.',
};
