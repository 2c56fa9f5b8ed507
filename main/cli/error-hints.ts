import type { ReasonWords } from '../../shared/error-reasons';
import { SAME_HINTS, wordReason } from '../../shared/error-reasons';
import { existsHint } from '../../shared/error-reasons/fs';
import type { SscpError } from '../../shared/errors';

/** What to do, in the CLI's words: commands and flags, never menus. */
export const CLI_HINTS: ReasonWords = {
  ...SAME_HINTS,
  'claim-changed-since': () =>
    'Look at the claim as it is now, make the change again on that, and apply it; or leave out its "updatedAt" to overwrite it anyway.',
  'contribution-several-drafts': () => 'Choose which assessment it is for: add --into ID.',
  'contribution-signer-unknown': (r) =>
    `Compare its certificate fingerprint, ${r.fingerprint}, with one ${r.contributor} gives you by another channel; then confirm it with --allow-untrusted, or give their organisation root (--trust-root FILE) or fingerprint (--fingerprint HEX).`,
  'contributor-not-assigned': () =>
    'Check that this person should answer for it; then accept it saying so with --unassigned, or reject it.',
  'batch-entry-refused': (r) => wordReason(CLI_HINTS, r.inner),
  'destination-exists': (r) => r.cliHint ?? existsHint(r),
  'assessment-id-no-match': () => 'No id starts with it either. Run sscp list to see the assessments in this database.',
  'actor-name-unusable': (r) =>
    r.source === 'profile'
      ? 'Correct your name in your profile, and try again.'
      : 'Give your name with --as NAME, or set SSCP_USER to it, and try again.',
  'database-damaged': () =>
    'Restore the database from a backup: the .sscp file together with the .evidence folder beside it. Keep the damaged file until you have.',
  'contribution-claim-unknown': () => 'Ask the contributor to contribute to claims of the catalog; sscp catalog lists them.',
  'demo-sbom-failed': () =>
    'The demo runs from a copy of the source with npm available; run it with "npx sscp demo" from the project folder.',
  'demo-folder-is-file': () => 'Give --out a new folder, or an empty one: the demo never overwrites files.',
  'demo-folder-not-empty': () => 'Give --out a new folder, or an empty one: the demo never overwrites files.',
  'date-format-unknown': () => 'Give one of the date formats this version knows.',
  'contribution-file-unusable': () => 'Give the .sscp-contribution file the contributor sent. Ask the contributor for a fresh copy.',
  'contribution-empty': () => 'Give the .sscp-contribution file the contributor sent; this file has no content.',
  'typed-date-ambiguous': () => 'Write the month as a word (1 Mar 2026) or the date as 2026-03-01.',
  'removal-nothing-chosen': () => 'Give the id or SHA-256 of at least one evidence item; sscp show ID lists them.',
  'removal-too-many': () => 'Remove the files in parts.',
  'removal-empty-id': () => 'Give each evidence id or SHA-256 in full.',
  'unknown-claim': () => 'Claims are numbered like 1.2.1; run sscp catalog to see them all.',
  'assessment-not-found': () => 'Run sscp list to see the assessments in this database.',
  'earlier-assessment-not-found': () => 'Run sscp list to see the assessments in this database.',
  'action-not-found': () => "Run sscp show ID to see the assessment's current remedial actions.",
  'evidence-not-found': () => 'Run sscp show ID to see the evidence held now.',
  'evidence-not-linked': () => 'Run sscp show ID to see which evidence the claim has now.',
  'response-row-missing': () => 'Run the damage check: sscp check --db FILE.',
  'evidence-changed': () => 'Run sscp check --db FILE to see which files changed, re-attach the right version, then export again.',
  'pack-already-imported': (r) => `Nothing was imported again. Open that assessment instead (sscp show ${r.assessmentId}).`,
  'form-already-imported': (r) =>
    `Open that assessment (sscp show ${r.assessmentId}), or save the form again with your changes and import the new copy.`,
  'form-without-organisation': () => 'Fill in Organisation on the form, or give the organisation name with --org NAME.',
  'identity-not-found': () => 'Run sscp identity list to see your identities; create one, or import it from its .p12 backup.',
  'certificate-not-valid-then': () => "Renew the signing certificate (sscp identity renew), or check the computer's clock.",
  'no-database': () => 'Check the path, or start a new database with sscp new --db FILE --org NAME --role ROLE.',
  'signoff-blocked': () =>
    'Resolve them, or sign anyway with --accept-exceptions: the pack then lists each one as an exception you accepted.',
  'assessment-signed': () => 'Carry it forward into a new period to make changes: sscp carry-forward ID --db FILE.',
  'assessment-archived': () => 'Unarchive it first (sscp unarchive ID --db FILE), then make your changes.',
  'evidence-kept-by-signed': () =>
    'Leave the files signed assessments cite out of the removal (sscp remove-evidence --dry-run lists them), then run it again.',
  'removal-not-undoable': () => 'Attach the files again from their originals (sscp attach).',
};

/** What to do about an error, as the CLI says it. */
export function cliHint(e: SscpError): string | undefined {
  return e.reason ? wordReason(CLI_HINTS, e.reason) : e.hint;
}
