import type { KindsFor, WordsFor } from './types';

/**
 * Refusals only the desktop app meets (`main/ipc`): files chosen or dropped in its window and
 * requests from its renderer. The CLI's map words them too, to stay exhaustive, the same way.
 */
export type AppReason =
  | { readonly code: 'dropped-item-missing'; readonly path: string }
  | { readonly code: 'dropped-folder' }
  | { readonly code: 'dropped-not-a-file'; readonly path: string }
  | { readonly code: 'save-location-not-chosen' }
  | { readonly code: 'database-not-chosen' }
  | { readonly code: 'file-not-chosen' }
  | { readonly code: 'no-database-open' }
  | { readonly code: 'reference-has-no-preview' }
  | { readonly code: 'request-unknown'; readonly channel: string }
  | { readonly code: 'request-invalid'; readonly where: string | null; readonly problem: string }
  | { readonly code: 'job-unknown'; readonly channel: string }
  | { readonly code: 'job-without-caller' }
  | { readonly code: 'job-cancelled' };

export const APP_KIND: KindsFor<AppReason> = {
  'dropped-item-missing': 'not-found',
  'dropped-folder': 'invalid-input',
  'dropped-not-a-file': 'invalid-input',
  'save-location-not-chosen': 'invalid-input',
  'database-not-chosen': 'invalid-input',
  'file-not-chosen': 'invalid-input',
  'no-database-open': 'not-found',
  'reference-has-no-preview': 'invalid-input',
  'request-unknown': 'invalid-input',
  'request-invalid': 'invalid-input',
  'job-unknown': 'invalid-input',
  'job-without-caller': 'invalid-input',
  'job-cancelled': 'cancelled',
};

export const APP_MESSAGES: WordsFor<AppReason> = {
  'dropped-item-missing': (r) => `The dropped item "${r.path}" could not be found.`,
  'dropped-folder': () => 'A folder was dropped, and only files can be attached.',
  'dropped-not-a-file': (r) => `"${r.path}" is not an ordinary file, so it cannot be attached.`,
  'save-location-not-chosen': () => 'That save location was not chosen in this window.',
  'database-not-chosen': () => 'That file of assessments was not chosen in this window.',
  'file-not-chosen': () => 'That file was not chosen in this window.',
  'no-database-open': () => 'No file of assessments is open.',
  'reference-has-no-preview': () => 'A reference has no file to preview.',
  'request-unknown': (r) => `The request "${r.channel.slice(0, 80)}" is not one this application answers.`,
  'request-invalid': (r) => `Some of the details sent were not valid${r.where ? ` (${r.where})` : ''}: ${r.problem}.`,
  'job-unknown': (r) => `${r.channel} is not a long job.`,
  'job-without-caller': () => 'The job did not say who asked for it.',
  'job-cancelled': () => 'The job was cancelled.',
};

/** What to do, in the app's words: the CLI never meets these, and its map says the same. */
export const APP_ONLY_HINTS: WordsFor<AppReason> = {
  'dropped-item-missing': () => 'Drop it again, or choose it with the Browse button.',
  'dropped-folder': () => 'Drop the files themselves, or choose them with the Browse button.',
  'dropped-not-a-file': () => 'Drop a document, spreadsheet, picture or other file instead.',
  'save-location-not-chosen': () => 'Choose where to save it again.',
  'database-not-chosen': () => 'Open it again with Open Assessments File…, or pick it from the recent files.',
  'file-not-chosen': () => 'Choose it again with the Browse button or drop it onto the claim.',
  'no-database-open': () => 'Open one, or start a new one, from the start page.',
  'reference-has-no-preview': () => 'Its location, description and owner are shown with it; the app never opens a web address itself.',
  'request-unknown': () => 'Restart the application; if this keeps happening, reinstall it.',
  'request-invalid': () => 'Check what you typed and try again.',
  'job-unknown': () => 'Restart the application.',
  'job-without-caller': () => 'Restart the application.',
  'job-cancelled': () => 'Nothing was changed; start it again when you are ready.',
};
