import type { KindsFor, WordsFor } from './types';

/** Refusals of a self-assessment form being read, imported or filled in (`main/form`). `fileName` and `name` are facts from outside. */
export type FormReason =
  | { readonly code: 'form-fill-unstable'; readonly fileName: string }
  | { readonly code: 'form-template-no-body' }
  | { readonly code: 'form-fill-overlap' }
  | { readonly code: 'form-claim-not-round-trip'; readonly fileName: string; readonly claimId: string; readonly rowFound: boolean }
  | { readonly code: 'form-content-damaged'; readonly fileName: string; readonly detail: string }
  | { readonly code: 'form-not-sscp'; readonly columns: readonly string[] }
  | { readonly code: 'form-encrypted'; readonly name: string }
  | { readonly code: 'form-read-failed'; readonly name: string; readonly errno: string | null }
  | { readonly code: 'form-not-docx'; readonly name: string; readonly why: string }
  | { readonly code: 'form-import-cancelled' }
  | {
      readonly code: 'form-text-too-long';
      readonly fileName: string;
      readonly where: string;
      readonly length: number;
      readonly max: number;
    }
  | { readonly code: 'form-template-is-target'; readonly fileName: string };

export const FORM_KIND: KindsFor<FormReason> = {
  'form-fill-unstable': 'unreadable',
  'form-template-no-body': 'unreadable',
  'form-fill-overlap': 'unreadable',
  'form-claim-not-round-trip': 'invalid-input',
  'form-content-damaged': 'unreadable',
  'form-not-sscp': 'invalid-input',
  'form-encrypted': 'unreadable',
  'form-read-failed': 'unreadable',
  'form-not-docx': 'unreadable',
  'form-import-cancelled': 'cancelled',
  'form-text-too-long': 'invalid-input',
  'form-template-is-target': 'invalid-input',
};

const n = (value: number): string => value.toLocaleString('en-GB');

export const FORM_MESSAGES: WordsFor<FormReason> = {
  'form-fill-unstable': (r) => `${r.fileName} could not be filled in: its document structure did not read the same way twice.`,
  'form-template-no-body': () => 'The template has no document body.',
  'form-fill-overlap': () => 'Two parts of the form to fill in overlap.',
  'form-claim-not-round-trip': (r) =>
    `${r.fileName} cannot be filled in: claim ${r.claimId} would not read back from it as written (its row is ${r.rowFound ? 'placed differently or merged with another' : 'not found'}).`,
  'form-content-damaged': (r) => `${r.fileName} is not a Word document (.docx): its content is damaged (${r.detail}).`,
  'form-not-sscp': (r) =>
    `This Word document is not the Software Security Code of Practice self-assessment form: no table has the columns ${r.columns.join(' | ')}.`,
  'form-encrypted': (r) => `${r.name} cannot be read: it is password-protected (encrypted), or an old Word 97-2003 .doc file.`,
  'form-read-failed': (r) => `${r.name} could not be read: ${r.errno ?? 'unknown error'}.`,
  'form-not-docx': (r) => `${r.name} is not a Word document (.docx): ${r.why}.`,
  'form-import-cancelled': () => 'The form import was cancelled; nothing was imported.',
  'form-text-too-long': (r) =>
    `${r.fileName} cannot be imported: ${r.where} is ${n(r.length)} characters long, and the most allowed is ${n(r.max)}.`,
  'form-template-is-target': (r) => `${r.fileName} is the blank form being filled in; writing there would replace it.`,
};

export const NOT_DOCX_HINT = 'Choose the filled-in self-assessment form saved from Word as a .docx file (not .doc, .pdf or .odt).';

/** What to do, where it reads the same in the CLI and in the app. */
export const FORM_HINTS: WordsFor<FormReason> = {
  'form-fill-unstable': () => 'Save the template again from Word and try once more.',
  'form-template-no-body': () => 'Choose the official self-assessment form.',
  'form-fill-overlap': () => 'Report this with the template you used.',
  'form-claim-not-round-trip': () =>
    'Choose an unaltered copy of the official self-assessment form as the template, or export the form without a template.',
  'form-content-damaged': () => 'Open it in Word, save it again as a .docx, and import that copy.',
  'form-not-sscp': () =>
    'Choose the official self-assessment form (the Word template with one table per principle), or a copy exported from this app.',
  'form-encrypted': () =>
    'Open it in Word, remove the password (File > Info > Protect Document) or save it as a .docx, and choose that copy.',
  'form-read-failed': () => 'Check that you may read the file and that it is not open in another program that locks it.',
  'form-not-docx': () => NOT_DOCX_HINT,
  'form-import-cancelled': () => 'Import the form again when you are ready.',
  'form-text-too-long': () => 'Shorten it in the form, save the form, and import it again.',
  'form-template-is-target': () => 'Save the filled-in form under another name.',
};
