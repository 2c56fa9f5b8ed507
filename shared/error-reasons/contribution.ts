import type { KindsFor, WordsFor } from './types';

/**
 * Refusals of writing a contribution, reading one back, and reading an evidence request
 * (`main/contribution`). Paths, file names, names from certificates and the checks' own
 * findings (`why`, `problem`) are facts.
 */
export type ContributionReason =
  | { readonly code: 'contribution-source-changed'; readonly path: string }
  | { readonly code: 'contribution-catalog-unsupported'; readonly catalogId: string; readonly version: string }
  | { readonly code: 'contribution-no-claims' }
  | { readonly code: 'contribution-too-many-claims'; readonly count: number; readonly max: number }
  | { readonly code: 'contribution-claim-not-in-code'; readonly claimId: string; readonly catalog: string }
  | { readonly code: 'contribution-claim-twice'; readonly claimId: string }
  | { readonly code: 'contribution-claim-empty'; readonly claimId: string }
  | { readonly code: 'contribution-organisation-missing' }
  | { readonly code: 'contribution-email-unusable'; readonly problem: string }
  | { readonly code: 'contribution-team-unusable'; readonly problem: string }
  | { readonly code: 'contribution-signer-unnamed'; readonly label: string }
  | { readonly code: 'contribution-too-many-files'; readonly max: number }
  | { readonly code: 'evidence-request-unusable'; readonly path: string; readonly why: string }
  | { readonly code: 'evidence-request-version'; readonly path: string; readonly version: string; readonly supported: number }
  | { readonly code: 'contribution-file-unusable'; readonly fileName: string; readonly why: string }
  | { readonly code: 'contribution-tampered'; readonly fileName: string; readonly why: string }
  | { readonly code: 'contribution-empty'; readonly path: string }
  | { readonly code: 'contribution-file-format-newer'; readonly fileName: string; readonly version: string; readonly supported: number }
  | { readonly code: 'contribution-name-not-signer'; readonly fileName: string; readonly contributor: string; readonly signer: string }
  | { readonly code: 'contribution-signer-mismatch'; readonly fileName: string; readonly detail: string };

export const CONTRIBUTION_KIND: KindsFor<ContributionReason> = {
  'contribution-source-changed': 'conflict',
  'contribution-catalog-unsupported': 'unsupported-version',
  'contribution-no-claims': 'invalid-input',
  'contribution-too-many-claims': 'invalid-input',
  'contribution-claim-not-in-code': 'invalid-input',
  'contribution-claim-twice': 'invalid-input',
  'contribution-claim-empty': 'invalid-input',
  'contribution-organisation-missing': 'invalid-input',
  'contribution-email-unusable': 'invalid-input',
  'contribution-team-unusable': 'invalid-input',
  'contribution-signer-unnamed': 'invalid-input',
  'contribution-too-many-files': 'invalid-input',
  'evidence-request-unusable': 'invalid-input',
  'evidence-request-version': 'unsupported-version',
  'contribution-file-unusable': 'invalid-input',
  'contribution-tampered': 'integrity',
  'contribution-empty': 'invalid-input',
  'contribution-file-format-newer': 'unsupported-version',
  'contribution-name-not-signer': 'integrity',
  'contribution-signer-mismatch': 'untrusted-signer',
};

export const CONTRIBUTION_MESSAGES: WordsFor<ContributionReason> = {
  'contribution-source-changed': (r) => `${r.path} changed while it was being read.`,
  'contribution-catalog-unsupported': (r) => `The catalog ${r.catalogId} ${r.version} is not one this version knows.`,
  'contribution-no-claims': () => 'No claim was named.',
  'contribution-too-many-claims': (r) => `${r.count} claims were named; one contribution covers at most ${r.max}.`,
  'contribution-claim-not-in-code': (r) => `Claim ${r.claimId} is not in the Code of Practice (catalog ${r.catalog}).`,
  'contribution-claim-twice': (r) => `Claim ${r.claimId} is named twice.`,
  'contribution-claim-empty': (r) => `Nothing is proposed for claim ${r.claimId}.`,
  'contribution-organisation-missing': () => 'The organisation is missing.',
  'contribution-email-unusable': (r) => r.problem,
  'contribution-team-unusable': (r) => r.problem,
  'contribution-signer-unnamed': (r) =>
    `Signing identity "${r.label}" has no common name in its certificate, so the contribution could not say who made it.`,
  'contribution-too-many-files': (r) => `More than ${r.max} files are attached.`,
  'evidence-request-unusable': (r) => `${r.path} is not a usable evidence request: ${r.why}.`,
  'evidence-request-version': (r) => `${r.path} is evidence request version ${r.version}; this version reads ${r.supported}.`,
  'contribution-file-unusable': (r) => `${r.fileName} is not a usable contribution: ${r.why}.`,
  'contribution-tampered': (r) => `${r.fileName} was changed after it was signed: ${r.why}. Nothing was imported.`,
  'contribution-empty': (r) => `${r.path} is empty.`,
  'contribution-file-format-newer': (r) =>
    `${r.fileName} is contribution format version ${r.version}; this version of SSCP Evidence Pack reads version ${r.supported}.`,
  'contribution-name-not-signer': (r) =>
    `${r.fileName} says it is from "${r.contributor}", but it is signed by "${r.signer}". Nothing was imported.`,
  'contribution-signer-mismatch': (r) => `${r.fileName} is not from the signer you named: ${r.detail} Nothing was imported.`,
};

const ASK = 'Ask the contributor for a fresh copy.';

/** The codes whose hint names the file's extension, which the app does not: each surface words them. */
export type ContributionCodesBySurface = 'contribution-file-unusable' | 'contribution-empty';

/** What to do, where it reads the same in the CLI and in the app. */
export const CONTRIBUTION_HINTS: Omit<WordsFor<ContributionReason>, ContributionCodesBySurface> = {
  'contribution-source-changed': () => 'Wait until whatever is writing it has finished, then make the contribution again.',
  'contribution-catalog-unsupported': () => 'Update the app.',
  'contribution-no-claims': () => 'Name at least one claim to contribute to, like 1.2.1.',
  'contribution-too-many-claims': () => 'Split it into several contributions.',
  'contribution-claim-not-in-code': () => 'Claims are numbered like 1.2.1; the catalog lists them all.',
  'contribution-claim-twice': () => 'Name each claim once.',
  'contribution-claim-empty': () => 'Give a result, a status, evidence text, arguments or a file to attach.',
  'contribution-organisation-missing': () => 'Name the organisation whose assessment this contribution is for.',
  'contribution-email-unusable': () => 'Give an email address like name@example.com.',
  'contribution-team-unusable': () => 'Give the team name on one line.',
  'contribution-signer-unnamed': () => 'Sign with an identity whose certificate names you.',
  'contribution-too-many-files': () => 'Attach fewer files, or put them in an archive.',
  'evidence-request-unusable': () => 'Give the evidence request file (.json) the SRO sent you, unchanged.',
  'evidence-request-version': () => 'Update the app.',
  'contribution-tampered': () => `Do not use it. ${ASK}`,
  'contribution-file-format-newer': () => 'Update the app, or ask the contributor to make it with the version you use.',
  'contribution-name-not-signer': () => `A contribution is from the person whose certificate signs it. ${ASK}`,
  'contribution-signer-mismatch': () =>
    'Check the root certificate or fingerprint you gave, or ask the contributor which certificate they signed with.',
};
