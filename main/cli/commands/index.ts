import type { RegisterCommand } from '../context';

/**
 * Every `sscp` sub-command, in the order `sscp --help` lists them, each loaded only when it
 * runs.
 *
 * HOW TO ADD A COMMAND. Write `commands/<name>.ts` exporting a `RegisterCommand` (see the
 * others), then add one line here:
 *
 *     { name: 'assign', load: async () => (await import('./assign')).registerAssign },
 *
 * - `name` is the word typed after `sscp`, the same as the file's `program.command(name)`
 *   (test/cli/command-index.test.ts checks each entry against the command it registers).
 * - `load` must be a dynamic `import()`: never import a command file statically, here or in
 *   run.ts. The command file may import whatever it needs at its top (pdfkit, pkijs, docx,
 *   better-sqlite3, zod schemas…): that code is read only when this command runs, which is
 *   what keeps `sscp --version`, `sscp --help` and the light commands quick.
 * - `sscp --help` does not load any command: the bundled CLI lists them from the names,
 *   usage and descriptions recorded when it was built (scripts/cli-bundle.mjs), so nothing
 *   has to be repeated here. Run from source (tests in-process, tsx), all are loaded.
 * - An argument named `<id>`, `<from>` or `<to>` is an assessment id: run.ts resolves a unique
 *   prefix of one to the full id before the action runs (ASSESSMENT_ID_ARGUMENTS in run.ts).
 * - A `--db <file>` option (DB_OPTION_FLAGS in options.ts) defaults to $SSCP_DB, for every
 *   command, without the command doing anything.
 */
export interface CommandEntry {
  readonly name: string;
  readonly load: () => Promise<RegisterCommand>;
}

export const commands: readonly CommandEntry[] = [
  { name: 'catalog', load: async () => (await import('./catalog')).registerCatalog },
  { name: 'new', load: async () => (await import('./new')).registerNew },
  { name: 'list', load: async () => (await import('./list')).registerList },
  { name: 'show', load: async () => (await import('./show')).registerShow },
  { name: 'log', load: async () => (await import('./log')).registerLog },
  { name: 'set', load: async () => (await import('./set')).registerSet },
  { name: 'attach', load: async () => (await import('./attach')).registerAttach },
  { name: 'set-evidence', load: async () => (await import('./set-evidence')).registerSetEvidence },
  { name: 'remove-evidence', load: async () => (await import('./remove-evidence')).registerRemoveEvidence },
  { name: 'check', load: async () => (await import('./check')).registerCheck },
  { name: 'export', load: async () => (await import('./export')).registerExport },
  { name: 'verify', load: async () => (await import('./verify')).registerVerify },
  { name: 'import', load: async () => (await import('./import')).registerImport },
  { name: 'assign', load: async () => (await import('./assign')).registerAssign },
  { name: 'request', load: async () => (await import('./request')).registerRequest },
  { name: 'contribute', load: async () => (await import('./contribute')).registerContribute },
  { name: 'review', load: async () => (await import('./review')).registerReview },
  { name: 'accept', load: async () => (await import('./review')).registerAccept },
  { name: 'reject', load: async () => (await import('./review')).registerReject },
  { name: 'carry-forward', load: async () => (await import('./carry-forward')).registerCarryForward },
  { name: 'archive', load: async () => (await import('./archive')).registerArchive },
  { name: 'unarchive', load: async () => (await import('./unarchive')).registerUnarchive },
  { name: 'diff', load: async () => (await import('./diff')).registerDiff },
  { name: 'export-form', load: async () => (await import('./export-form')).registerExportForm },
  { name: 'export-cdx', load: async () => (await import('./export-cdx')).registerExportCdx },
  { name: 'export-ics', load: async () => (await import('./export-ics')).registerExportIcs },
  { name: 'import-form', load: async () => (await import('./import-form')).registerImportForm },
  { name: 'identity', load: async () => (await import('./identity')).registerIdentity },
  { name: 'demo', load: async () => (await import('./demo')).registerDemo },
];
