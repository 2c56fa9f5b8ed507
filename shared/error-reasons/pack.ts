import type { KindsFor, WordsFor } from './types';

/**
 * Refusals of a pack being built, signed or checked (`main/pack`), and of the contents of a pack
 * being read back (`main/import/read-pack-contents.ts`). `fileName`, `path`, `label` and `name`
 * are facts from outside; `detail` and `fix` are the words of the check that failed.
 */
export type PackReason =
  | { readonly code: 'pack-catalog-unknown'; readonly catalogId: string; readonly catalogVersion: string }
  | { readonly code: 'pack-text-unsignable'; readonly detail: string; readonly fix: string }
  | { readonly code: 'pack-never-signable'; readonly detail: string }
  | { readonly code: 'pack-fonts-missing'; readonly dir: string }
  | {
      readonly code: 'pack-catalog-mismatch';
      readonly catalogId: string;
      readonly catalogVersion: string;
      readonly askedId: string;
      readonly askedVersion: string;
    }
  | { readonly code: 'pack-signer-fingerprint-invalid' }
  | { readonly code: 'pack-folder-missing'; readonly folder: string }
  | { readonly code: 'pack-signature-too-large'; readonly size: number; readonly capacity: number }
  | { readonly code: 'pack-evidence-missing'; readonly label: string }
  | { readonly code: 'pack-export-cancelled' }
  | { readonly code: 'verify-pack-unreadable'; readonly path: string; readonly errno: string | null }
  | { readonly code: 'verify-pack-not-pdf'; readonly path: string }
  | { readonly code: 'verify-pdf-not-a-pack'; readonly path: string; readonly why: string }
  | { readonly code: 'pack-part-not-json'; readonly fileName: string; readonly part: string }
  | { readonly code: 'pack-attachments-duplicate'; readonly fileName: string; readonly names: readonly string[] }
  | { readonly code: 'pack-manifest-missing'; readonly fileName: string; readonly part: string }
  | { readonly code: 'pack-data-missing'; readonly fileName: string; readonly part: string }
  | { readonly code: 'pack-manifest-invalid'; readonly fileName: string; readonly part: string; readonly where: string }
  | { readonly code: 'pack-attachment-unlisted'; readonly fileName: string; readonly name: string }
  | { readonly code: 'pack-attachment-absent'; readonly fileName: string; readonly name: string }
  | { readonly code: 'pack-attachment-withheld-present'; readonly fileName: string; readonly name: string }
  | {
      readonly code: 'pack-attachment-size-wrong';
      readonly fileName: string;
      readonly name: string;
      readonly length: string;
      readonly size: number;
    }
  | { readonly code: 'pack-inconsistent'; readonly fileName: string; readonly what: string }
  | { readonly code: 'pack-attachment-name-unsafe'; readonly fileName: string; readonly name: string }
  | { readonly code: 'pack-attachment-name-twice'; readonly fileName: string; readonly name: string }
  | { readonly code: 'pack-verify-cancelled'; readonly fileName: string };

export const PACK_KIND: KindsFor<PackReason> = {
  'pack-catalog-unknown': 'unsupported-version',
  'pack-text-unsignable': 'invalid-input',
  'pack-never-signable': 'conflict',
  'pack-fonts-missing': 'not-found',
  'pack-catalog-mismatch': 'conflict',
  'pack-signer-fingerprint-invalid': 'invalid-input',
  'pack-folder-missing': 'not-found',
  'pack-signature-too-large': 'invalid-input',
  'pack-evidence-missing': 'not-found',
  'pack-export-cancelled': 'cancelled',
  'verify-pack-unreadable': 'unreadable',
  'verify-pack-not-pdf': 'unreadable',
  'verify-pdf-not-a-pack': 'unreadable',
  'pack-part-not-json': 'invalid-input',
  'pack-attachments-duplicate': 'invalid-input',
  'pack-manifest-missing': 'invalid-input',
  'pack-data-missing': 'invalid-input',
  'pack-manifest-invalid': 'invalid-input',
  'pack-attachment-unlisted': 'invalid-input',
  'pack-attachment-absent': 'invalid-input',
  'pack-attachment-withheld-present': 'invalid-input',
  'pack-attachment-size-wrong': 'invalid-input',
  'pack-inconsistent': 'invalid-input',
  'pack-attachment-name-unsafe': 'invalid-input',
  'pack-attachment-name-twice': 'invalid-input',
  'pack-verify-cancelled': 'cancelled',
};

export const PACK_MESSAGES: WordsFor<PackReason> = {
  'pack-catalog-unknown': (r) => `This app does not know catalog ${r.catalogId} ${r.catalogVersion}.`,
  'pack-text-unsignable': (r) => `This assessment cannot be signed as it is. ${r.detail}`,
  'pack-never-signable': (r) => `The assessment cannot be signed. ${r.detail}`,
  'pack-fonts-missing': (r) => `The fonts the pack needs are missing from ${r.dir}.`,
  'pack-catalog-mismatch': (r) =>
    `This assessment uses catalog ${r.catalogId} ${r.catalogVersion}, but the pack was asked to use ${r.askedId} ${r.askedVersion}.`,
  'pack-signer-fingerprint-invalid': () => 'The signing certificate fingerprint is not a SHA-256 hex string.',
  'pack-folder-missing': (r) => `The folder ${r.folder} does not exist, so the pack cannot be written there.`,
  'pack-signature-too-large': (r) => `The signature (${r.size} bytes) does not fit the ${r.capacity} bytes reserved for it.`,
  'pack-evidence-missing': (r) => `The evidence file "${r.label}" is missing from the evidence folder.`,
  'pack-export-cancelled': () => 'The export was cancelled; no pack was written.',
  'verify-pack-unreadable': (r) => `The file ${r.path} could not be read (${r.errno ?? 'error'}).`,
  'verify-pack-not-pdf': (r) => `${r.path} is not a PDF file, so it cannot be an evidence pack.`,
  'verify-pdf-not-a-pack': (r) => `${r.path} is a PDF but not an SSCP evidence pack: ${r.why}.`,
  'pack-part-not-json': (r) => `${r.fileName} has a ${r.part} that is not valid JSON.`,
  'pack-attachments-duplicate': (r) => `${r.fileName} holds two attachments named ${r.names.map((n) => `"${n}"`).join(', ')}.`,
  'pack-manifest-missing': (r) => `${r.fileName} has no ${r.part}, the signed list of its evidence.`,
  'pack-data-missing': (r) => `${r.fileName} has no ${r.part}, so the assessment cannot be imported from it.`,
  'pack-manifest-invalid': (r) => `${r.fileName} has a ${r.part} that is not a valid evidence manifest (${r.where}).`,
  'pack-attachment-unlisted': (r) => `${r.fileName} holds an attachment "${r.name}" that its manifest does not list.`,
  'pack-attachment-absent': (r) => `${r.fileName} lists "${r.name}" in its manifest, but the file is not in the pack.`,
  'pack-attachment-withheld-present': (r) => `${r.fileName} lists "${r.name}" as withheld, but its bytes are in the pack.`,
  'pack-attachment-size-wrong': (r) => `${r.fileName} holds "${r.name}" as ${r.length}, but its manifest says ${r.size}.`,
  'pack-inconsistent': (r) => `${r.fileName} is inconsistent: its manifest and its assessment data disagree about ${r.what}.`,
  'pack-attachment-name-unsafe': (r) =>
    `${r.fileName} names an attachment "${r.name}", which is not a safe file name (it could point outside a folder, or disguise what the file is).`,
  'pack-attachment-name-twice': (r) => `${r.fileName} names two attachments "${r.name}".`,
  'pack-verify-cancelled': (r) => `Checking ${r.fileName} was stopped before it finished, so it says nothing about the pack.`,
};

const ASK_SENDER = 'The pack was damaged or not made by SSCP Evidence Pack; ask the sender for a fresh copy.';

/** What to do, where it reads the same in the CLI and in the app. */
export const PACK_HINTS: WordsFor<PackReason> = {
  'pack-catalog-unknown': () => 'Update the app to a version that ships this catalog.',
  'pack-text-unsignable': (r) => r.fix,
  'pack-never-signable': () => 'Accepting exceptions does not change this: the period must have started.',
  'pack-fonts-missing': () => 'Reinstall the app; the fonts ship with it.',
  'pack-catalog-mismatch': () => 'Export with the catalog version the assessment was made with.',
  'pack-signer-fingerprint-invalid': () => 'Unlock the signing identity again.',
  'pack-folder-missing': () => 'Choose an existing folder for the pack.',
  'pack-signature-too-large': () => 'Use a signing identity with a shorter certificate chain.',
  'pack-evidence-missing': () => 'Re-attach the file (or restore the evidence folder from a backup), then export again.',
  'pack-export-cancelled': () => 'Start the export again when you are ready.',
  'verify-pack-unreadable': () => 'Check the path and that you may read the file.',
  'verify-pack-not-pdf': () => 'Give the .pdf evidence pack you received.',
  'verify-pdf-not-a-pack': () => 'Check you were given the signed evidence pack, not another document.',
  'pack-part-not-json': () => ASK_SENDER,
  'pack-attachments-duplicate': () => ASK_SENDER,
  'pack-manifest-missing': () => ASK_SENDER,
  'pack-data-missing': () => ASK_SENDER,
  'pack-manifest-invalid': () => ASK_SENDER,
  'pack-attachment-unlisted': () => ASK_SENDER,
  'pack-attachment-absent': () => ASK_SENDER,
  'pack-attachment-withheld-present': () => ASK_SENDER,
  'pack-attachment-size-wrong': () => ASK_SENDER,
  'pack-inconsistent': () => ASK_SENDER,
  'pack-attachment-name-unsafe': () => 'Do not use this file: it was not made by SSCP Evidence Pack. Ask the sender for a fresh copy.',
  'pack-attachment-name-twice': () => ASK_SENDER,
  'pack-verify-cancelled': () => 'Check the pack again when you are ready.',
};
