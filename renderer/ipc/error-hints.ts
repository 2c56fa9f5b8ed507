import type { ErrorReason, ReasonWords } from '../../shared/error-reasons';
import { REASON_MESSAGES, SAME_HINTS, wordReason } from '../../shared/error-reasons';
import { existsHint } from '../../shared/error-reasons/fs';

/** What to do, in the app's words: screens and buttons, never a command to type. */
export const APP_HINTS: ReasonWords = {
  ...SAME_HINTS,
  'claim-changed-since': () => 'Look at the claim as it is now, and make the change again on that.',
  'contribution-several-drafts': () => 'Open the assessment it is for, and import the contribution from there.',
  'contribution-signer-unknown': (r) =>
    `Compare its certificate fingerprint, ${r.fingerprint}, with one ${r.contributor} gives you by another channel; then tick that the fingerprint matches and import it again.`,
  'contributor-not-assigned': () =>
    'Check that this person should answer for it; then tick that you have checked and accept it again, or reject it.',
  'batch-entry-refused': (r) => wordReason(APP_HINTS, r.inner),
  // The CLI's words name its --force; the app asks before it replaces a file.
  'destination-exists': (r) => existsHint(r),
  'assessment-id-no-match': () => 'No id starts with it either. Open the assessments list to see the assessments in this file.',
  'actor-name-unusable': () => 'Correct your name under Settings, Your profile, and try again.',
  'database-damaged': () =>
    'Restore the file of assessments from a backup, together with the .evidence folder beside it. Keep the damaged file until you have.',
  'contribution-claim-unknown': () => 'Ask the contributor to contribute to claims of the catalog; the workspace lists them.',
  'demo-sbom-failed': () => 'The demo runs from a copy of the source with npm available; run it from the project folder.',
  'demo-folder-is-file': () => 'Choose a new folder, or an empty one: the demo never overwrites files.',
  'demo-folder-not-empty': () => 'Choose a new folder, or an empty one: the demo never overwrites files.',
  'date-format-unknown': () => 'Choose one of the date formats offered in Settings.',
  'contribution-file-unusable': () => 'Choose the contribution file the contributor sent. Ask the contributor for a fresh copy.',
  'contribution-empty': () => 'Choose the contribution file the contributor sent; this file has no content.',
  'typed-date-ambiguous': () =>
    'Write the month as a word (1 Mar 2026) or the date as 2026-03-01, or choose a numeric date format in Settings.',
  'removal-nothing-chosen': () => 'Select at least one file, then choose Remove again.',
  'removal-too-many': () => 'Narrow the selection with the filters and remove the files in parts.',
  'removal-empty-id': () => 'Reopen the evidence library and select the files again.',
  'unknown-claim': () => 'Claims are numbered like 1.2.1; the workspace lists them all.',
  'assessment-not-found': () => 'Open the assessments list to see the assessments in this file.',
  'earlier-assessment-not-found': () => 'Open the assessments list to see the assessments in this file.',
  'action-not-found': () => 'Reopen the assessment to see its current remedial actions.',
  'evidence-not-found': () => 'Reopen the evidence library to see the evidence held now.',
  'evidence-not-linked': () => 'Reopen the claim to see which evidence it has now.',
  'response-row-missing': () => 'Run the damage check: Settings, Check for damage.',
  'evidence-changed': () =>
    'Run the damage check (Settings, Check for damage) to see which files changed, attach the right version again, then sign again.',
  'pack-already-imported': () => 'Nothing was imported again. Open that assessment from the assessments list instead.',
  'form-already-imported': () =>
    'Open that assessment from the assessments list, or save the form again with your changes and import the new copy.',
  'form-without-organisation': () => 'Fill in Organisation on the form, save it, and import it again.',
  'identity-not-found': () => 'See your identities in Settings, under Signing identities; create one, or import it from its .p12 backup.',
  'certificate-not-valid-then': () =>
    "Check the computer's clock, or create a signing identity with a current certificate in Settings, under Signing identities.",
  'no-database': () => 'Check where the file is, or start a new one from the Welcome screen.',
  'signoff-blocked': () =>
    'Resolve them, or accept each one as an exception on the Sign screen: the pack then lists each exception you accepted.',
  'assessment-signed': () =>
    'Carry it forward into a new period to make changes: Carry forward starts a new draft from its answers and evidence.',
  'assessment-archived': () => 'Unarchive it first (Unarchive on the assessments list), then make your changes.',
  'evidence-kept-by-signed': () =>
    'Choose Remove again: the confirmation lists the files signed assessments keep and removes only the others.',
  'removal-not-undoable': () => 'Add the files again from their originals.',
};

export function appHintFor(reason: ErrorReason): string {
  return wordReason(APP_HINTS, reason);
}

/** What is wrong: the one sentence every surface shows. */
export function reasonMessage(reason: ErrorReason): string {
  return wordReason(REASON_MESSAGES, reason);
}
