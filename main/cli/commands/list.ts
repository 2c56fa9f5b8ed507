import type { RegisterCommand } from '../context';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';
import { assessmentToJson, completenessToJson, type AssessmentJson, type CompletenessJson } from '../assessment-json';

/** The `sscp list --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface ListJson {
  readonly assessments: readonly (AssessmentJson & { readonly completeness: CompletenessJson })[];
  /** Archived assessments left out because --all was not given (0 with --all). */
  readonly archivedHidden: number;
}

export const registerList: RegisterCommand = (program, ctx) => {
  program
    .command('list')
    .description('List the assessments in a database, newest first, with how far each has got. Archived ones are hidden unless --all.')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--all', 'include archived assessments')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (opts: { db: string; all?: boolean; json?: boolean }) => {
      const everything = await withWorkspace(opts.db, (ws) => ws.listAssessments(), { readOnly: true });
      const summaries = opts.all ? everything : everything.filter((s) => s.assessment.state !== 'archived');
      const archivedHidden = everything.length - summaries.length;
      if (opts.json) {
        const json: ListJson = {
          assessments: summaries.map((s) => ({
            ...assessmentToJson(s.assessment, s.unverifiedSigner),
            completeness: completenessToJson(s.completeness),
          })),
          archivedHidden,
        };
        printJson(ctx.io, json);
        return;
      }
      if (everything.length === 0) {
        ctx.io.stdout.write('No assessments yet. Start one with: sscp new --db FILE --org NAME --role ROLE\n');
        return;
      }
      for (const { assessment: a, completeness: c, unverifiedSigner } of summaries) {
        const period = a.periodStart || a.periodEnd ? `  ${a.periodStart ?? '…'} to ${a.periodEnd ?? '…'}` : '';
        const mark = unverifiedSigner ? '  [UNVERIFIED SIGNER]' : '';
        ctx.io.stdout.write(
          `${a.id}  ${a.state.padEnd(8)}  ${c.assessed}/${c.inScope} assessed  ${field(a.organisation)} (${a.role})${period}${mark}\n`,
        );
      }
      if (archivedHidden > 0) {
        ctx.io.stdout.write(
          `${archivedHidden} archived ${archivedHidden === 1 ? 'assessment' : 'assessments'} hidden; sscp list --all shows ${archivedHidden === 1 ? 'it' : 'them'}.\n`,
        );
      }
    });
};
