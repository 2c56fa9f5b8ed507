import type { ErrorKind } from './errors';
import { count } from './format/plural';
import { IMPORT_HINTS, IMPORT_KIND, IMPORT_MESSAGES, type ImportReason } from './error-reasons/import';
import { APP_KIND, APP_MESSAGES, APP_ONLY_HINTS, type AppReason } from './error-reasons/app';
import { STORE_HINTS, STORE_KIND, STORE_MESSAGES, type StoreReason } from './error-reasons/store';
import { DOMAIN_HINTS, DOMAIN_KIND, DOMAIN_MESSAGES, type DomainReason } from './error-reasons/domain';
import { FS_HINTS, FS_KIND, FS_MESSAGES, type FsReason } from './error-reasons/fs';
import { SIGNING_HINTS, SIGNING_KIND, SIGNING_MESSAGES, type SigningReason } from './error-reasons/signing';
import { SERVICE_HINTS, SERVICE_KIND, SERVICE_MESSAGES, type ServiceReason } from './error-reasons/services';
import { PACK_HINTS, PACK_KIND, PACK_MESSAGES, type PackReason } from './error-reasons/pack';
import { FORM_HINTS, FORM_KIND, FORM_MESSAGES, type FormReason } from './error-reasons/form';
import { OUTPUT_HINTS, OUTPUT_KIND, OUTPUT_MESSAGES, type OutputReason } from './error-reasons/outputs';
import { CONTRIBUTION_HINTS, CONTRIBUTION_KIND, CONTRIBUTION_MESSAGES, type ContributionReason } from './error-reasons/contribution';
import type { KindsFor, WordsFor } from './error-reasons/types';

/**
 * Why a service refused, as a code and the facts, never as words for one surface. The words
 * live in two exhaustive maps of their own: the CLI's (`main/cli/error-hints.ts`) and the
 * app's (`renderer/ipc/error-hints.ts`), so the app never tells a person to type a command and
 * the CLI never sends them to a menu. What is wrong reads the same everywhere, so that sentence
 * is written once, here; what to do differs, so each surface words it.
 */
export type ErrorReason =
  | ServiceReason
  | FsReason
  | SigningReason
  | DomainReason
  | StoreReason
  | AppReason
  | ImportReason
  | PackReason
  | FormReason
  | OutputReason
  | ContributionReason
  /** One entry of a list of changes was refused (`inner`), so none was applied. */
  | { readonly code: 'batch-entry-refused'; readonly index: number; readonly claimId: string; readonly inner: ErrorReason }
  | { readonly code: 'unknown-claim'; readonly claimId: string; readonly catalog: string }
  | { readonly code: 'assessment-not-found'; readonly id: string }
  | { readonly code: 'earlier-assessment-not-found'; readonly id: string }
  | { readonly code: 'action-not-found'; readonly id: string }
  | { readonly code: 'evidence-not-found'; readonly id: string }
  | { readonly code: 'evidence-not-linked'; readonly fileName: string; readonly claimId: string }
  | { readonly code: 'response-row-missing'; readonly claimId: string }
  | { readonly code: 'evidence-changed'; readonly label: string; readonly what: string }
  | { readonly code: 'pack-already-imported'; readonly importedAt: string; readonly assessmentId: string }
  | { readonly code: 'form-already-imported'; readonly fileName: string; readonly importedAt: string; readonly assessmentId: string }
  | { readonly code: 'form-without-organisation'; readonly fileName: string }
  | { readonly code: 'identity-not-found'; readonly label: string }
  | { readonly code: 'certificate-not-valid-then'; readonly label: string; readonly from: string; readonly to: string; readonly at: string }
  | { readonly code: 'no-database'; readonly path: string }
  | { readonly code: 'signoff-blocked'; readonly count: number }
  | { readonly code: 'assessment-signed'; readonly signedAt: string; readonly archived: boolean; readonly attempt: 'change' | 'sign' }
  | { readonly code: 'assessment-archived'; readonly attempt: 'change' | 'sign' }
  | {
      readonly code: 'evidence-kept-by-signed';
      readonly fileName: string;
      readonly assessmentId: string;
      readonly organisation: string;
      readonly signedAt: string | null;
      readonly archived: boolean;
      /** How many chosen items signed or archived assessments keep in all. */
      readonly kept: number;
    }
  | { readonly code: 'removal-not-undoable'; readonly removalId: string };

export type ReasonCode = ErrorReason['code'];
export type ReasonOf<C extends ReasonCode> = Extract<ErrorReason, { readonly code: C }>;

/** One sentence per reason, exhaustive: adding a reason without its words fails to compile. */
export type ReasonWords = WordsFor<ErrorReason>;

/**
 * What to do where it reads the same on both surfaces (nothing to type, no screen to open):
 * each surface's map starts from these and words the rest itself.
 */
export const SAME_HINTS = {
  ...SERVICE_HINTS,
  ...FS_HINTS,
  ...SIGNING_HINTS,
  ...DOMAIN_HINTS,
  ...STORE_HINTS,
  ...APP_ONLY_HINTS,
  ...IMPORT_HINTS,
  ...PACK_HINTS,
  ...FORM_HINTS,
  ...OUTPUT_HINTS,
  ...CONTRIBUTION_HINTS,
};

export function wordReason(words: ReasonWords, reason: ErrorReason): string {
  return (words[reason.code] as (r: ErrorReason) => string)(reason);
}

export const REASON_KIND: KindsFor<ErrorReason> = {
  ...SERVICE_KIND,
  ...FS_KIND,
  ...SIGNING_KIND,
  ...DOMAIN_KIND,
  ...STORE_KIND,
  ...APP_KIND,
  ...IMPORT_KIND,
  ...PACK_KIND,
  ...FORM_KIND,
  ...OUTPUT_KIND,
  ...CONTRIBUTION_KIND,
  // Never used: an entry takes the kind of the refusal inside it (see reasonKind).
  'batch-entry-refused': 'invalid-input',
  'unknown-claim': 'invalid-input',
  'assessment-not-found': 'not-found',
  'earlier-assessment-not-found': 'not-found',
  'action-not-found': 'not-found',
  'evidence-not-found': 'not-found',
  'evidence-not-linked': 'not-found',
  'response-row-missing': 'integrity',
  'evidence-changed': 'integrity',
  'pack-already-imported': 'conflict',
  'form-already-imported': 'conflict',
  'form-without-organisation': 'invalid-input',
  'identity-not-found': 'not-found',
  'certificate-not-valid-then': 'invalid-input',
  'no-database': 'not-found',
  'signoff-blocked': 'conflict',
  'assessment-signed': 'frozen',
  'assessment-archived': 'frozen',
  'evidence-kept-by-signed': 'frozen',
  'removal-not-undoable': 'conflict',
};

/** The kind of error a reason is: an entry of a list is refused as its own refusal was. */
export function reasonKind(reason: ErrorReason): ErrorKind {
  return reason.code === 'batch-entry-refused' ? reasonKind(reason.inner) : REASON_KIND[reason.code];
}

const day = (iso: string): string => iso.slice(0, 10);

/** What is wrong: the same sentence in the CLI and the app. */
export const REASON_MESSAGES: ReasonWords = {
  ...SERVICE_MESSAGES,
  ...FS_MESSAGES,
  ...SIGNING_MESSAGES,
  ...DOMAIN_MESSAGES,
  ...STORE_MESSAGES,
  ...APP_MESSAGES,
  ...IMPORT_MESSAGES,
  ...PACK_MESSAGES,
  ...FORM_MESSAGES,
  ...OUTPUT_MESSAGES,
  ...CONTRIBUTION_MESSAGES,
  'batch-entry-refused': (r) =>
    `Entry [${r.index}] (claim ${JSON.stringify(r.claimId)}): ${wordReason(REASON_MESSAGES, r.inner)} Nothing was changed.`,
  'unknown-claim': (r) => `Claim ${r.claimId} is not in the Code of Practice (catalog ${r.catalog}).`,
  'assessment-not-found': (r) => `There is no assessment with id ${r.id}.`,
  'earlier-assessment-not-found': (r) => `There is no earlier assessment with id ${r.id}.`,
  'action-not-found': (r) => `There is no remedial action with id ${r.id}.`,
  'evidence-not-found': (r) => `There is no evidence with id ${r.id}.`,
  'evidence-not-linked': (r) => `${r.fileName} is not linked to claim ${r.claimId}.`,
  'response-row-missing': (r) => `Claim ${r.claimId} has no response row in this assessment.`,
  'evidence-changed': (r) => `The evidence file "${r.label}" ${r.what} since it was added, so it no longer matches its recorded SHA-256.`,
  'pack-already-imported': (r) => `This pack was already imported on ${day(r.importedAt)} as assessment ${r.assessmentId}.`,
  'form-already-imported': (r) => `${r.fileName} was already imported on ${day(r.importedAt)}, as assessment ${r.assessmentId}.`,
  'form-without-organisation': (r) => `${r.fileName} does not say which organisation it is for (the Organisation field is empty).`,
  'identity-not-found': (r) => `There is no signing identity "${r.label}" in your key store.`,
  'certificate-not-valid-then': (r) =>
    `The certificate of signing identity "${r.label}" is valid from ${day(r.from)} to ${day(r.to)}, not on ${day(r.at)}.`,
  'no-database': (r) => `No database at ${r.path}.`,
  'signoff-blocked': (r) => `The assessment cannot be signed yet: ${count(r.count, 'sign-off check')} ${r.count === 1 ? 'fails' : 'fail'}.`,
  'assessment-signed': (r) =>
    `This assessment was signed on ${day(r.signedAt)}${r.archived ? ' and archived' : ''} and ${
      r.attempt === 'sign' ? 'cannot be signed again' : 'can no longer be changed'
    }.`,
  'assessment-archived': (r) =>
    `This draft assessment has been archived, so it cannot be ${r.attempt === 'sign' ? 'signed' : 'changed'} while archived.`,
  'evidence-kept-by-signed': (r) =>
    `${r.fileName} is cited by the ${r.signedAt ? `assessment of ${r.organisation} signed on ${day(r.signedAt)}` : `archived assessment of ${r.organisation}`}` +
    ` (${r.assessmentId}), whose record cannot change, so nothing was removed` +
    `${r.kept > 1 ? `; ${count(r.kept, 'chosen file')} in all are kept by signed or archived assessments` : ''}.`,
  'removal-not-undoable': () => 'This removal can no longer be undone: it was made final and its files were deleted.',
};
