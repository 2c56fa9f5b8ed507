import type { KindsFor, WordsFor } from './types';

/** Refusals of a pack being imported (`main/import`). `fileName` and `path` are facts from outside. */
export type ImportReason =
  | { readonly code: 'pack-data-version-newer'; readonly packName: string; readonly version: number; readonly supported: readonly number[] }
  | { readonly code: 'pack-data-version-unknown'; readonly packName: string; readonly version: string }
  | { readonly code: 'pack-data-invalid'; readonly packName: string; readonly where: string }
  | { readonly code: 'pack-changed-while-imported'; readonly fileName: string }
  | { readonly code: 'pack-not-pdf'; readonly path: string }
  | { readonly code: 'pack-structure-damaged'; readonly fileName: string; readonly detail: string }
  | { readonly code: 'pack-manifest-mismatch'; readonly fileName: string; readonly name: string; readonly problem: string | null }
  | { readonly code: 'pack-import-cancelled'; readonly fileName: string }
  | { readonly code: 'pack-empty'; readonly path: string }
  | { readonly code: 'pdf-not-a-pack'; readonly fileName: string; readonly why: string }
  | { readonly code: 'pack-incomplete'; readonly fileName: string; readonly detail: string }
  | { readonly code: 'pack-compressed-part-damaged'; readonly fileName: string; readonly detail: string }
  | { readonly code: 'pack-manifest-newer'; readonly fileName: string; readonly version: number }
  | {
      readonly code: 'pack-text-too-long';
      readonly fileName: string;
      readonly where: string;
      readonly length: number;
      readonly max: number;
    };

export const IMPORT_KIND: KindsFor<ImportReason> = {
  'pack-data-version-newer': 'unsupported-version',
  'pack-data-version-unknown': 'invalid-input',
  'pack-data-invalid': 'invalid-input',
  'pack-changed-while-imported': 'conflict',
  'pack-not-pdf': 'invalid-input',
  'pack-structure-damaged': 'unreadable',
  'pack-manifest-mismatch': 'invalid-input',
  'pack-import-cancelled': 'cancelled',
  'pack-empty': 'invalid-input',
  'pdf-not-a-pack': 'unreadable',
  'pack-incomplete': 'unreadable',
  'pack-compressed-part-damaged': 'unreadable',
  'pack-manifest-newer': 'unsupported-version',
  'pack-text-too-long': 'invalid-input',
};

const n = (value: number): string => value.toLocaleString('en-GB');

export const IMPORT_MESSAGES: WordsFor<ImportReason> = {
  'pack-data-version-newer': (r) =>
    `${r.packName} was made by a newer version of SSCP Evidence Pack (assessment data version ${r.version}); this version reads versions ${r.supported.join(', ')}.`,
  'pack-data-version-unknown': (r) => `${r.packName} has assessment data without a version this app knows (${r.version}).`,
  'pack-data-invalid': (r) => `${r.packName} has assessment data that is not valid (${r.where}).`,
  'pack-changed-while-imported': (r) => `${r.fileName} changed while it was being imported, so nothing was recorded.`,
  'pack-not-pdf': (r) => `${r.path} is not a PDF file, so it cannot be an evidence pack.`,
  'pack-structure-damaged': (r) => `${r.fileName} is damaged, so it cannot be read as an evidence pack: ${r.detail}`,
  'pack-manifest-mismatch': (r) =>
    `${r.fileName} does not match its own manifest: "${r.name}" is wrong (${r.problem ?? 'it differs from its manifest entry'}).`,
  'pack-import-cancelled': (r) => `Importing ${r.fileName} was cancelled; nothing was recorded.`,
  'pack-empty': (r) => `${r.path} is empty.`,
  'pdf-not-a-pack': (r) => `${r.fileName} is a PDF but not an SSCP evidence pack: ${r.why}.`,
  'pack-incomplete': (r) => `${r.fileName} is damaged or incomplete, so it cannot be read as an evidence pack: ${r.detail}`,
  'pack-compressed-part-damaged': (r) => `${r.fileName} is damaged: a compressed part of it cannot be read (${r.detail}).`,
  'pack-manifest-newer': (r) => `${r.fileName} was made by a newer version of SSCP Evidence Pack (manifest version ${r.version}).`,
  'pack-text-too-long': (r) =>
    `${r.fileName} cannot be imported: ${r.where} is ${n(r.length)} characters long, and SSCP Evidence Pack takes at most ${n(r.max)}.`,
};

const ASK_SENDER = 'The pack was damaged or not made by SSCP Evidence Pack; ask the sender for a fresh copy.';

/** What to do, where it reads the same in the CLI and in the app. */
export const IMPORT_HINTS: WordsFor<ImportReason> = {
  'pack-data-version-newer': () => 'Update SSCP Evidence Pack, then import the pack again.',
  'pack-data-version-unknown': () => 'The pack was not made by SSCP Evidence Pack or was damaged; ask the sender for a fresh copy.',
  'pack-data-invalid': () => ASK_SENDER,
  'pack-changed-while-imported': () => 'Wait until the file is fully copied, then import it again.',
  'pack-not-pdf': () => 'Give the signed evidence pack (.pdf) you received.',
  'pack-structure-damaged': () => 'Ask the sender for a fresh copy.',
  'pack-manifest-mismatch': () => 'Ask the sender for a fresh copy.',
  'pack-import-cancelled': () => 'Import the pack again when you are ready.',
  'pack-empty': () => 'Give the evidence pack (.pdf) you received; this file has no content.',
  'pdf-not-a-pack': () => 'Check that you were given the signed evidence pack, not another document.',
  'pack-incomplete': () => ASK_SENDER,
  'pack-compressed-part-damaged': () => ASK_SENDER,
  'pack-manifest-newer': () => 'Update SSCP Evidence Pack, then import the pack again.',
  'pack-text-too-long': () =>
    'The pack was made by another program or version that allowed longer text. Ask the sender to shorten it and send a new pack.',
};
