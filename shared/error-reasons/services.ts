import type { KindsFor, WordsFor } from './types';
import { day } from './types';

/**
 * Refusals of the workspace services (`main/services`): checking what a person gave, claims,
 * evidence, contributions, exports in progress and stored files. `what` and `label` name the
 * field or file in words the service chose ("The period end"), so the sentence reads whole.
 */
export type ServiceReason =
  // What a person gave (main/services/validate.ts)
  | { readonly code: 'not-a-choice'; readonly value: string; readonly what: string; readonly allowed: readonly string[] }
  | { readonly code: 'text-missing'; readonly what: string }
  | { readonly code: 'not-text'; readonly what: string }
  | { readonly code: 'date-not-text'; readonly what: string }
  | {
      readonly code: 'dates-out-of-order';
      readonly earlier: string;
      readonly later: string;
      readonly earlierWhat: string;
      readonly laterWhat: string;
    }
  | { readonly code: 'products-not-a-list' }
  | { readonly code: 'too-many-products'; readonly count: number; readonly max: number }
  | { readonly code: 'catalog-unknown'; readonly catalogId: string; readonly version: string }
  | { readonly code: 'not-a-sha256'; readonly what: string }
  // Assessments and claims (main/services/assessment-ops.ts)
  | { readonly code: 'claim-given-twice'; readonly earlier: number }
  | { readonly code: 'claim-changed-since'; readonly updatedAt: string; readonly expected: string }
  | { readonly code: 'theme3-not-yes-no' }
  | { readonly code: 'not-an-instant'; readonly value: string }
  // Contributions (main/services/contribution-ops.ts)
  | { readonly code: 'person-field-invalid'; readonly problem: string; readonly what: string }
  | { readonly code: 'not-an-email'; readonly email: string }
  | { readonly code: 'contribution-no-draft'; readonly fileName: string; readonly organisation: string }
  | {
      readonly code: 'contribution-several-drafts';
      readonly fileName: string;
      readonly organisation: string;
      readonly drafts: readonly string[];
    }
  | {
      readonly code: 'contribution-wrong-organisation';
      readonly fileName: string;
      readonly organisation: string;
      readonly chosenOrganisation: string;
      readonly assessmentId: string;
    }
  | {
      readonly code: 'contribution-claim-not-in-catalog';
      readonly fileName: string;
      readonly claimId: string;
      readonly assessmentId: string;
      readonly catalog: string;
    }
  | {
      readonly code: 'contribution-already-imported';
      readonly fileName: string;
      readonly importedAt: string;
      readonly contributionId: string;
      readonly assessmentId: string;
    }
  | {
      readonly code: 'contribution-signer-unknown';
      readonly fileName: string;
      /** Why no trust was established, a sentence from the verifier. */
      readonly trustMessage: string;
      readonly fingerprint: string;
      readonly contributor: string;
    }
  | { readonly code: 'contribution-not-found'; readonly assessmentId: string; readonly contributionId: string }
  | {
      readonly code: 'contribution-claim-not-covered';
      readonly contributionId: string;
      readonly claimId: string;
      readonly covers: readonly string[];
    }
  | {
      readonly code: 'contribution-claim-decided';
      readonly contributionId: string;
      readonly claimId: string;
      readonly state: string;
      readonly decidedAt: string | null;
    }
  | { readonly code: 'contribution-all-decided'; readonly contributionId: string }
  | {
      readonly code: 'contributor-not-assigned';
      readonly contributor: string;
      readonly contributionId: string;
      readonly claims: readonly { readonly claimId: string; readonly owner: string | null }[];
    }
  | { readonly code: 'reject-reason-invalid'; readonly problem: string }
  // Evidence (main/services/evidence-ops.ts)
  | { readonly code: 'reference-needs-description' }
  | { readonly code: 'confidential-not-yes-no' }
  | { readonly code: 'withhold-not-yes-no' }
  | { readonly code: 'withhold-needs-confidential' }
  | { readonly code: 'reference-location-invalid'; readonly problem: string }
  | { readonly code: 'reference-cannot-withhold' }
  | { readonly code: 'owner-only-for-reference' }
  | { readonly code: 'evidence-not-linked-bulk'; readonly fileName: string; readonly claimId: string; readonly count: number }
  | { readonly code: 'no-evidence-chosen' }
  | { readonly code: 'too-much-evidence-chosen'; readonly count: number; readonly max: number }
  | { readonly code: 'evidence-id-empty' }
  | { readonly code: 'reference-has-no-file' }
  | { readonly code: 'evidence-used-only-by-signed'; readonly fileName: string }
  // Exports in progress (main/services/export-lease.ts); `holder` says who holds the export.
  | { readonly code: 'export-already-running'; readonly holder: ExportHolder }
  | { readonly code: 'export-running-related'; readonly holder: ExportHolder }
  | { readonly code: 'export-running'; readonly holder: ExportHolder }
  | { readonly code: 'export-started-during-change' }
  | { readonly code: 'export-same-destination'; readonly path: string; readonly holder: ExportHolder }
  | { readonly code: 'export-lost-hold' }
  | { readonly code: 'assessment-changed-while-signing' }
  // Stored files (main/services/import-support.ts)
  | { readonly code: 'expected-size-invalid'; readonly label: string; readonly size: string }
  | { readonly code: 'file-hash-mismatch'; readonly label: string; readonly sha256: string; readonly actual: string }
  | { readonly code: 'store-cancelled'; readonly label: string }
  | { readonly code: 'compressed-data-damaged'; readonly label: string; readonly detail: string }
  | { readonly code: 'store-failed'; readonly label: string; readonly detail: string }
  | { readonly code: 'file-size-mismatch'; readonly label: string; readonly actual: string; readonly expected: number }
  | { readonly code: 'pack-data-inconsistent'; readonly what: string }
  // Removing evidence from the library (main/services/evidence-removal.ts)
  | { readonly code: 'stored-copy-removed-while-adding'; readonly label: string }
  | { readonly code: 'stored-file-removed-while-importing'; readonly what: string }
  | { readonly code: 'removal-nothing-chosen' }
  | { readonly code: 'removal-too-many'; readonly count: number; readonly max: number }
  | { readonly code: 'removal-empty-id' }
  | { readonly code: 'undo-window-invalid' }
  | { readonly code: 'history-limit-invalid'; readonly limit: string };

/** Who holds an export: when it started, which process, and the computer when it is another. */
export interface ExportHolder {
  readonly startedAt: string;
  readonly pid: number;
  /** The computer's name, or null when it is this computer. */
  readonly host: string | null;
}

const holderWords = (h: ExportHolder): string =>
  `started ${h.startedAt.slice(0, 16).replace('T', ' ')} UTC by process ${h.pid}${h.host === null ? '' : ` on computer ${h.host}`}`;

export const SERVICE_KIND: KindsFor<ServiceReason> = {
  'not-a-choice': 'invalid-input',
  'text-missing': 'invalid-input',
  'not-text': 'invalid-input',
  'date-not-text': 'invalid-input',
  'dates-out-of-order': 'invalid-input',
  'products-not-a-list': 'invalid-input',
  'too-many-products': 'invalid-input',
  'catalog-unknown': 'unsupported-version',
  'not-a-sha256': 'invalid-input',
  'claim-given-twice': 'invalid-input',
  'claim-changed-since': 'conflict',
  'theme3-not-yes-no': 'invalid-input',
  'not-an-instant': 'invalid-input',
  'person-field-invalid': 'invalid-input',
  'not-an-email': 'invalid-input',
  'contribution-no-draft': 'not-found',
  'contribution-several-drafts': 'conflict',
  'contribution-wrong-organisation': 'invalid-input',
  'contribution-claim-not-in-catalog': 'invalid-input',
  'contribution-already-imported': 'conflict',
  'contribution-signer-unknown': 'untrusted-signer',
  'contribution-not-found': 'not-found',
  'contribution-claim-not-covered': 'not-found',
  'contribution-claim-decided': 'conflict',
  'contribution-all-decided': 'conflict',
  'contributor-not-assigned': 'conflict',
  'reject-reason-invalid': 'invalid-input',
  'reference-needs-description': 'invalid-input',
  'confidential-not-yes-no': 'invalid-input',
  'withhold-not-yes-no': 'invalid-input',
  'withhold-needs-confidential': 'invalid-input',
  'reference-location-invalid': 'invalid-input',
  'reference-cannot-withhold': 'invalid-input',
  'owner-only-for-reference': 'invalid-input',
  'evidence-not-linked-bulk': 'not-found',
  'no-evidence-chosen': 'invalid-input',
  'too-much-evidence-chosen': 'invalid-input',
  'evidence-id-empty': 'invalid-input',
  'reference-has-no-file': 'invalid-input',
  'evidence-used-only-by-signed': 'frozen',
  'export-already-running': 'export-in-progress',
  'export-running-related': 'export-in-progress',
  'export-running': 'export-in-progress',
  'export-started-during-change': 'export-in-progress',
  'export-same-destination': 'export-in-progress',
  'export-lost-hold': 'conflict',
  'assessment-changed-while-signing': 'conflict',
  'expected-size-invalid': 'invalid-input',
  'file-hash-mismatch': 'integrity',
  'store-cancelled': 'cancelled',
  'compressed-data-damaged': 'integrity',
  'store-failed': 'unreadable',
  'file-size-mismatch': 'integrity',
  'pack-data-inconsistent': 'invalid-input',
  'stored-copy-removed-while-adding': 'conflict',
  'stored-file-removed-while-importing': 'conflict',
  'removal-nothing-chosen': 'invalid-input',
  'removal-too-many': 'invalid-input',
  'removal-empty-id': 'invalid-input',
  'undo-window-invalid': 'invalid-input',
  'history-limit-invalid': 'invalid-input',
};

const lower = (s: string): string => s.toLowerCase();

export const SERVICE_MESSAGES: WordsFor<ServiceReason> = {
  'not-a-choice': (r) => `"${r.value}" is not a valid ${r.what}.`,
  'text-missing': (r) => `${r.what} is missing.`,
  'not-text': (r) => `${r.what} must be text.`,
  'date-not-text': (r) => `${r.what} must be a date in the form YYYY-MM-DD.`,
  'dates-out-of-order': (r) => `${r.laterWhat} ${r.later} is before ${lower(r.earlierWhat)} ${r.earlier}.`,
  'products-not-a-list': () => 'The products must be a list of names.',
  'too-many-products': (r) => `${r.count} products are listed; the most one assessment may list is ${r.max}.`,
  'catalog-unknown': (r) =>
    `This assessment uses the catalog ${r.catalogId} ${r.version}, which this version of SSCP Evidence Pack does not know.`,
  'not-a-sha256': (r) => `${r.what} is not a SHA-256 hash.`,
  'claim-given-twice': (r) => `It changes the same claim as entry [${r.earlier}].`,
  'claim-changed-since': (r) =>
    `The claim was changed at ${r.updatedAt}, after the copy this change was made from (${r.expected}): applying it would undo that change.`,
  'theme3-not-yes-no': () => 'Whether theme 3 is in scope must be true or false.',
  'not-an-instant': (r) => `"${r.value}" is not a moment in time in ISO 8601 UTC form.`,
  'person-field-invalid': (r) => r.problem,
  'not-an-email': (r) => `"${r.email}" is not an email address.`,
  'contribution-no-draft': (r) =>
    `${r.fileName} is for ${r.organisation}, and there is no open draft assessment of ${r.organisation} in this database.`,
  'contribution-several-drafts': (r) =>
    `${r.fileName} is for ${r.organisation}, which has ${r.drafts.length} open drafts: ${r.drafts.join('; ')}.`,
  'contribution-wrong-organisation': (r) =>
    `${r.fileName} is for ${r.organisation}, not for ${r.chosenOrganisation}, whose assessment ${r.assessmentId} was chosen. Nothing was imported.`,
  'contribution-claim-not-in-catalog': (r) =>
    `${r.fileName} is for claim ${r.claimId}, which is not in assessment ${r.assessmentId}'s catalog (${r.catalog}). Nothing was imported.`,
  'contribution-already-imported': (r) =>
    `${r.fileName} was already imported on ${day(r.importedAt)} as contribution ${r.contributionId} (assessment ${r.assessmentId}); it was not imported again.`,
  'contribution-signer-unknown': (r) =>
    `${r.fileName} is intact, but nothing establishes who signed it: ${r.trustMessage} Nothing was imported.`,
  'contribution-not-found': (r) => `Assessment ${r.assessmentId} has no contribution ${r.contributionId}.`,
  'contribution-claim-not-covered': (r) => `Contribution ${r.contributionId} does not cover claim ${r.claimId}.`,
  'contribution-claim-decided': (r) =>
    `Claim ${r.claimId} of contribution ${r.contributionId} was already ${r.state} on ${r.decidedAt === null ? '' : day(r.decidedAt)}.`,
  'contribution-all-decided': (r) => `Every claim of contribution ${r.contributionId} has already been decided.`,
  'contributor-not-assigned': (r) =>
    `${r.contributor} was not assigned claim${r.claims.length > 1 ? 's' : ''} ${r.claims
      .map((k) => `${k.claimId} (owner: ${k.owner ?? 'nobody'})`)
      .join(', ')} when contribution ${r.contributionId} was imported. Nothing was accepted.`,
  'reject-reason-invalid': (r) => r.problem,
  'reference-needs-description': () => 'A reference needs a description: what the evidence at that location shows.',
  'confidential-not-yes-no': () => 'Whether the evidence is confidential must be yes or no.',
  'withhold-not-yes-no': () => "Whether to withhold the evidence's name and description must be yes or no.",
  'withhold-needs-confidential': () =>
    'Only confidential evidence can have its name and description withheld: shareable evidence goes into every pack, name and all.',
  'reference-location-invalid': (r) => r.problem,
  'reference-cannot-withhold': () =>
    'A reference has no file to withhold the details of: a confidential reference is left out of customer packs altogether.',
  'owner-only-for-reference': () => 'Only a reference has an owner; a file is described by its own name and description.',
  'evidence-not-linked-bulk': (r) => `${r.fileName} is not linked to claim ${r.claimId}, so none of the ${r.count} files were removed.`,
  'no-evidence-chosen': () => 'No evidence was chosen.',
  'too-much-evidence-chosen': (r) => `${r.count} files were chosen; one change takes at most ${r.max}.`,
  'evidence-id-empty': () => 'An evidence id in the selection is empty.',
  'reference-has-no-file': () => 'A reference has no file to replace.',
  'evidence-used-only-by-signed': (r) => `${r.fileName} is used only by signed assessments, which can no longer be changed.`,
  'export-already-running': (r) =>
    `Another export of this assessment is already in progress (${holderWords(r.holder)}), so this one was stopped before writing anything.`,
  'export-running-related': (r) =>
    `This would change an assessment that is being signed and exported right now (${holderWords(r.holder)}), so nothing was changed.`,
  'export-running': (r) =>
    `This assessment is being signed and exported right now (${holderWords(r.holder)}), so it cannot be changed until the export ends.`,
  'export-started-during-change': () => 'An export started or ended while this change was being made, so nothing was changed.',
  'export-same-destination': (r) => `Another assessment's pack is being written to ${r.path} right now (${holderWords(r.holder)}).`,
  'export-lost-hold': () =>
    'This export lost its hold on the assessment (another program cleared it, believing the export had stopped), so the pack was not kept.',
  'assessment-changed-while-signing': () =>
    'The assessment changed while it was being signed, so the pack was not kept and the assessment was not signed.',
  'expected-size-invalid': (r) => `The expected size of ${r.label} (${r.size}) is not a whole number of bytes.`,
  'file-hash-mismatch': (r) => `${r.label} does not match its recorded SHA-256 (${r.sha256}); its bytes hash to ${r.actual}.`,
  'store-cancelled': (r) => `Storing ${r.label} was cancelled; nothing was kept.`,
  'compressed-data-damaged': (r) => `${r.label} is damaged: its compressed data cannot be read (${r.detail}).`,
  'store-failed': (r) => `${r.label} could not be stored (${r.detail}).`,
  'file-size-mismatch': (r) => `${r.label} has ${r.actual} bytes, but its record says ${r.expected}.`,
  'pack-data-inconsistent': (r) => `The pack's assessment data is inconsistent: ${r.what}.`,
  'stored-copy-removed-while-adding': (r) =>
    `The stored copy of ${r.label} was deleted while it was being added (the same file was being removed from the library), so it was not added.`,
  'stored-file-removed-while-importing': (r) =>
    `A file of ${r.what} was deleted from the evidence folder while it was being added (the same file was being removed from the library), so nothing was added.`,
  'removal-nothing-chosen': () => 'No evidence was chosen.',
  'removal-too-many': (r) => `${r.count} files were chosen; one removal takes at most ${r.max}.`,
  'removal-empty-id': () => 'An evidence id in the selection is empty.',
  'undo-window-invalid': () => 'The undo window must be between none and one day.',
  'history-limit-invalid': (r) => `${r.limit} is not a number of entries to show.`,
};

/** Whose words differ between the CLI and the app: each surface's map words these itself. */
export type ServiceCodesBySurface =
  | 'claim-changed-since'
  | 'contribution-several-drafts'
  | 'contribution-signer-unknown'
  | 'contributor-not-assigned'
  | 'removal-nothing-chosen'
  | 'removal-too-many'
  | 'removal-empty-id';

/** What to do, where it reads the same in the CLI and in the app. */
export const SERVICE_HINTS: Omit<WordsFor<ServiceReason>, ServiceCodesBySurface> = {
  'not-a-choice': (r) => `Use one of: ${r.allowed.join(', ')}.`,
  'text-missing': (r) => `Give the ${r.what.replace(/^(The|A) /, '')}.`,
  'not-text': (r) => `Give the ${lower(r.what)} as text.`,
  'date-not-text': () => 'For example 2026-03-31.',
  'dates-out-of-order': (r) => `Give ${lower(r.laterWhat)} on or after ${lower(r.earlierWhat)}.`,
  'products-not-a-list': () => 'Give each product name separately.',
  'too-many-products': () => 'Group related products under one name.',
  'catalog-unknown': () => 'Update the app to one that includes that version of the Code of Practice.',
  'not-a-sha256': () => 'A SHA-256 hash is 64 characters, 0-9 and a-f in lower case.',
  'claim-given-twice': () => 'Give each claim once.',
  'theme3-not-yes-no': () => 'Answer yes or no.',
  'not-an-instant': () => 'For example 2026-11-22T14:17:44.000Z.',
  'person-field-invalid': (r) => `Give ${r.what.replace(/^The /, 'the ')} on one line.`,
  'not-an-email': () => 'Give an email address like name@example.com, or none.',
  'contribution-no-draft': () =>
    'Start or carry forward a draft for that organisation first; a signed assessment never takes contributions.',
  'contribution-wrong-organisation': () =>
    "A contribution only ever goes into its own organisation's assessment; ask the contributor to make it for the right organisation.",
  'contribution-claim-not-in-catalog': () => 'Ask the contributor to contribute to claims of that catalog version.',
  'contribution-already-imported': () => 'Review it with the pending contributions of that assessment.',
  'contribution-not-found': () => 'Review the assessment to see its contributions and their ids.',
  'contribution-claim-not-covered': (r) => `It covers ${r.covers.join(', ')}.`,
  'contribution-claim-decided': () => 'A decision is final; ask for a new contribution to change it again.',
  'contribution-all-decided': () => 'Nothing is left to accept or reject in it.',
  'reject-reason-invalid': () => 'Give the reason on one line.',
  'reference-needs-description': () => 'Describe what the reference shows, for example "MFA is enforced for all staff accounts".',
  'confidential-not-yes-no': () => 'Answer yes or no.',
  'withhold-not-yes-no': () => 'Answer yes or no.',
  'withhold-needs-confidential': () => 'Mark the evidence confidential as well, or leave its details shown.',
  'reference-location-invalid': () =>
    'Give a web address starting http:// or https://, or say in words where the evidence is (for example "Jira ticket SEC-142").',
  'reference-cannot-withhold': () => 'Mark the reference confidential instead.',
  'owner-only-for-reference': () => 'Say who holds the file in its description instead.',
  'evidence-not-linked-bulk': () => 'Reopen the claim to see which evidence it has now, and choose again.',
  'no-evidence-chosen': () => 'Select at least one file, then choose the action again.',
  'evidence-id-empty': () => 'Reopen the evidence library and select the files again.',
  'too-much-evidence-chosen': () => 'Narrow the selection with the filters and apply the change in parts.',
  'reference-has-no-file': () => 'Change its location or description instead, or add a new reference.',
  'evidence-used-only-by-signed': () => 'Carry the assessment forward into a new period, then change the evidence there.',
  'export-already-running': () =>
    'Wait for that export to finish: the assessment is then signed and its pack written. If no export is running any more, close the program that started it and try again.',
  'export-running-related': () => 'Wait for the export to finish, or cancel it, then try again.',
  'export-running': () =>
    'Wait for the export to finish, or cancel it, then try again. Once signed, an assessment is changed by carrying it forward into a new period.',
  'export-started-during-change': () => 'Make the change again.',
  'export-same-destination': () => 'Choose another file name for this pack, or wait for that export to finish.',
  'export-lost-hold': () => 'Export again.',
  'assessment-changed-while-signing': () => 'Export again: the new pack will show the assessment as it is now.',
  'expected-size-invalid': () => 'Check the file you are importing.',
  'file-hash-mismatch': () => 'The file was changed or damaged; ask the sender for a fresh copy.',
  'store-cancelled': () => 'Start again when you are ready.',
  'compressed-data-damaged': () => 'Ask the sender for a fresh copy.',
  'store-failed': () => 'Check that the disk is not full and that you may write to the evidence folder.',
  'file-size-mismatch': () => 'The file was changed or damaged; ask the sender for a fresh copy.',
  'pack-data-inconsistent': () => 'The pack was not made by SSCP Evidence Pack or was damaged; ask the sender for a fresh copy.',
  'stored-copy-removed-while-adding': () => 'Add the file again.',
  'stored-file-removed-while-importing': () => 'Do it again: the file will be stored anew.',
  'undo-window-invalid': () => 'Give a whole number of milliseconds.',
  'history-limit-invalid': () => 'Ask for at least one entry.',
};
