import { VENDOR_ROLES } from '../../../shared/domain/types';
import { prepareFormImport, storeFormImport, type FormImportReport } from '../../form/import-form';
import type { PlacementMethod } from '../../form/read/types';
import type { RegisterCommand } from '../context';
import { field, printJson } from '../io';
import { choiceOption, DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

/** The `sscp import-form --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface ImportFormJson {
  readonly assessmentId: string;
  readonly fileName: string;
  readonly sha256: string;
  readonly cover: {
    readonly organisation: string | null;
    readonly assessorName: string | null;
    readonly assessorRole: string | null;
    readonly dateCompleted: string | null;
    readonly dateCompletedAsWritten: string | null;
  };
  readonly placed: readonly {
    readonly claimId: string;
    readonly reference: string;
    readonly method: PlacementMethod;
    readonly similarity: number;
    readonly note: string | null;
    /** The number as written when form v0.4's numbering put the row on another claim (its 4.3.1 is 4.3.2), else null. */
    readonly renumberedFrom: string | null;
    readonly table: number;
    readonly row: number;
    readonly result: string;
    readonly actions: number;
  }[];
  readonly unplaced: readonly {
    readonly reference: string;
    readonly claimText: string;
    readonly evidenceText: string;
    readonly arguments: string;
    readonly reason: string;
    readonly table: number;
    readonly row: number;
  }[];
  readonly emptyClaims: readonly string[];
  readonly linkedEvidence: readonly { readonly claimId: string; readonly evidenceId: string; readonly fileName: string }[];
  readonly missingEvidence: readonly { readonly claimId: string; readonly fileName: string; readonly sha256: string }[];
  readonly warnings: readonly string[];
  /** `apc` (45 claims, the catalog's numbering) or `form-v0.4` (43 claims, incident notification numbered 4.3.1). */
  readonly numbering: 'apc' | 'form-v0.4';
  /** What the import mapped that needs no fixing (the v0.4 numbering). */
  readonly notes: readonly string[];
  readonly catalogVersion: string;
}

export function importFormToJson(r: FormImportReport): ImportFormJson {
  const c = r.form.cover;
  return {
    assessmentId: r.assessment.id,
    fileName: r.fileName,
    sha256: r.sha256,
    cover: {
      organisation: c.organisation,
      assessorName: c.assessorName,
      assessorRole: c.assessorRole,
      dateCompleted: c.dateCompleted,
      dateCompletedAsWritten: c.dateCompletedAsWritten,
    },
    placed: r.form.rows.map((row) => ({
      claimId: row.claimId,
      reference: row.reference,
      method: row.method,
      similarity: row.similarity,
      note: row.note,
      renumberedFrom: row.renumberedFrom,
      table: row.source.table,
      row: row.source.row,
      result: row.record?.result ?? 'not-assessed',
      actions: row.record?.actions.length ?? 0,
    })),
    unplaced: r.form.unplaced.map((u) => ({
      reference: u.reference,
      claimText: u.claimText,
      evidenceText: u.evidenceText,
      arguments: u.arguments,
      reason: u.reason,
      table: u.source.table,
      row: u.source.row,
    })),
    emptyClaims: [...r.form.emptyClaims],
    linkedEvidence: r.linkedEvidence.map((e) => ({ ...e })),
    missingEvidence: r.missingEvidence.map((e) => ({ ...e })),
    warnings: [...r.form.warnings],
    numbering: r.form.numbering,
    notes: [...r.form.notes],
    catalogVersion: r.assessment.catalogVersion,
  };
}

export function formatImportForm(j: ImportFormJson): string {
  const by = (m: PlacementMethod): number => j.placed.filter((p) => p.method === m).length;
  const lines = [
    `Imported ${field(j.fileName)} as assessment ${j.assessmentId} (a draft, catalog ${j.catalogVersion}).`,
    `  Rows placed:   ${j.placed.length} (${by('number-and-text')} by number and text, ${by('number')} by number only, ${by('text')} by text only)`,
    `  Not placed:    ${j.unplaced.length}`,
    `  Empty claims:  ${j.emptyClaims.length}${j.emptyClaims.length ? ` (${j.emptyClaims.join(', ')})` : ''}`,
  ];
  if (j.linkedEvidence.length) lines.push(`  Evidence files linked: ${j.linkedEvidence.map((e) => field(e.fileName)).join(', ')}`);
  if (j.missingEvidence.length)
    lines.push(
      `  Evidence files named on the form but not in this database: ${j.missingEvidence.map((e) => field(e.fileName)).join(', ')}`,
    );
  if (j.notes.length) lines.push('', 'Note:', ...j.notes.map((n) => `- ${field(n)}`));
  if (j.warnings.length) lines.push('', 'Please check:', ...j.warnings.map((w) => `- ${field(w)}`));
  lines.push('', `Imported claims are marked needs-review. Review them with: sscp show ${j.assessmentId} --db …`);
  return `${lines.join('\n')}\n`;
}

export const registerImportForm: RegisterCommand = (program, ctx) => {
  program
    .command('import-form')
    .description(
      'Import a filled-in official self-assessment form (.docx) as a new draft on the current catalog, and report where each row went. ' +
        'A form v0.4 copy (43 claims) is read in its own numbering: its 4.3.1 goes on claim 4.3.2.',
    )
    .argument('<file>', 'the .docx form')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--role <role>', `the vendor role (the form does not say): ${VENDOR_ROLES.join(', ')}`, 'developer-distributor')
    .option('--org <name>', "the organisation, if the form's Organisation field is empty or wrong")
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (file: string, opts: { db: string; role: string; org?: string; json?: boolean }) => {
      const role = choiceOption(opts.role, VENDOR_ROLES, 'role');
      // Read the form before opening the database, so a bad file creates nothing.
      const prepared = await prepareFormImport(file);
      const report = await withWorkspace(
        opts.db,
        (ws) => storeFormImport(ws, prepared, { role, ...(opts.org ? { organisation: opts.org } : {}) }),
        { create: true },
      );
      const json = importFormToJson(report);
      if (opts.json) printJson(ctx.io, json);
      else ctx.io.stdout.write(formatImportForm(json));
    });
};
