import { count } from '../format/plural';
import type { KindsFor, WordsFor } from './types';

/**
 * Refusals of what the app writes out besides packs and of its own settings: calendar
 * reminders (`main/reminders`), the attestation (`main/attestation`), the demo (`main/demo`)
 * and the settings (`main/app`). Paths, file names and the profile's problems are facts.
 */
export type OutputReason =
  | { readonly code: 'reminders-none'; readonly assessmentId: string }
  | { readonly code: 'attestation-catalog-unknown'; readonly catalogId: string; readonly version: string }
  | { readonly code: 'demo-sbom-failed'; readonly detail: string }
  | { readonly code: 'demo-test-report-unfinished'; readonly path: string }
  | { readonly code: 'demo-source-missing'; readonly sourcePath: string; readonly projectDir: string }
  | { readonly code: 'demo-folder-is-file'; readonly outDir: string }
  | { readonly code: 'demo-folder-not-empty'; readonly outDir: string; readonly items: number }
  | { readonly code: 'date-format-unknown'; readonly value: string }
  | { readonly code: 'profile-invalid'; readonly problems: readonly string[] };

export const OUTPUT_KIND: KindsFor<OutputReason> = {
  'reminders-none': 'invalid-input',
  'attestation-catalog-unknown': 'unsupported-version',
  'demo-sbom-failed': 'unreadable',
  'demo-test-report-unfinished': 'unreadable',
  'demo-source-missing': 'not-found',
  'demo-folder-is-file': 'invalid-input',
  'demo-folder-not-empty': 'conflict',
  'date-format-unknown': 'invalid-input',
  'profile-invalid': 'invalid-input',
};

export const OUTPUT_MESSAGES: WordsFor<OutputReason> = {
  'reminders-none': (r) =>
    `Assessment ${r.assessmentId} has nothing to remind you of: no open remedial action has a due date, and no evidence linked to it has an expiry date.`,
  'attestation-catalog-unknown': (r) => `This app does not know catalog ${r.catalogId} ${r.version}.`,
  'demo-sbom-failed': (r) => `Could not generate the software bill of materials: ${r.detail}`,
  'demo-test-report-unfinished': (r) => `The test report ${r.path} is not a finished test report.`,
  'demo-source-missing': (r) => `The self-assessment cites ${r.sourcePath}, but it is not in ${r.projectDir}.`,
  'demo-folder-is-file': (r) => `${r.outDir} is a file, not a folder.`,
  'demo-folder-not-empty': (r) => `The folder ${r.outDir} is not empty (it holds ${count(r.items, 'item')}).`,
  'date-format-unknown': (r) => `"${r.value}" is not a date format.`,
  'profile-invalid': (r) => r.problems.join(' '),
};

/** The codes whose hint names a command, a flag or a screen: each surface words them. */
export type OutputCodesBySurface = 'demo-sbom-failed' | 'demo-folder-is-file' | 'demo-folder-not-empty' | 'date-format-unknown';

/** What to do, where it reads the same in the CLI and in the app. */
export const OUTPUT_HINTS: Omit<WordsFor<OutputReason>, OutputCodesBySurface> = {
  'reminders-none': () => 'Give remedial actions a due date, or evidence an expiry date, and export the reminders again.',
  'attestation-catalog-unknown': () => 'Update the app to a version that ships this catalog.',
  'demo-test-report-unfinished': () => 'Run npm run test:unit, then the demo again.',
  'demo-source-missing': () => 'Run the demo from a complete copy of the repository.',
  'profile-invalid': () => 'Correct your profile and save it again.',
};
