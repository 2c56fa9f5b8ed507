import type { CarryForwardPlan } from '../../../shared/domain/carry-forward';
import { carryForwardAssessment } from '../../services/carry-forward';
import type { RegisterCommand } from '../context';
import { unverifiedSignerLine, unverifiedSignerToJson, type UnverifiedSignerJson } from '../assessment-json';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, dateOption, withWorkspace } from '../options';

/** The `sscp carry-forward --json` shape, documented in docs/cli-json.md: change it only by adding fields. */
export interface CarryForwardJson {
  readonly assessmentId: string;
  readonly previousId: string;
  readonly periodStart: string | null;
  readonly periodEnd: string | null;
  readonly carriedResponses: number;
  readonly carriedLinks: number;
  readonly carriedActions: number;
  readonly expiryFlags: CarryForwardPlan['expiryFlags'];
  readonly droppedClaims: readonly string[];
  readonly newClaims: readonly string[];
  /** The catalog version of the assessment carried forward, and of the new draft. */
  readonly previousCatalogVersion: string;
  readonly catalogVersion: string;
  /** Claims whose statement changed between the two versions, marked needs-review: old and new wording, and why. */
  readonly statementChanges: CarryForwardPlan['statementChanges'];
  /** Set when what was carried came from a pack whose signer was accepted unverified; null otherwise. */
  readonly unverifiedSigner: UnverifiedSignerJson | null;
}

const REASONS = {
  expired: 'has expired',
  'expires-before-period': 'expires before the new period starts',
  'expires-during-period': 'expires during the new period',
} as const;

export const registerCarryForward: RegisterCommand = (program, ctx) => {
  program
    .command('carry-forward')
    .description(
      "Start next period's draft from an assessment: text, results, evidence and open actions carried, every claim marked needs-review. " +
        "The draft uses the current catalog; claims whose statement changed since the old assessment's catalog are listed with the reason. Prints the new id.",
    )
    .argument('<id>', "the assessment to carry forward (usually last period's signed one)")
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--period-start <date>', 'start of the new period, YYYY-MM-DD (default: the day after the old one ended)')
    .option('--period-end <date>', 'end of the new period, YYYY-MM-DD (default: as long as the old one)')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, opts: { db: string; periodStart?: string; periodEnd?: string; json?: boolean }) => {
      const dates = {
        ...(opts.periodStart !== undefined ? { periodStart: dateOption(opts.periodStart, 'The period start') } : {}),
        ...(opts.periodEnd !== undefined ? { periodEnd: dateOption(opts.periodEnd, 'The period end') } : {}),
      };
      const { previous, assessment, plan, unverified } = await withWorkspace(opts.db, async (ws) => {
        const previous = ws.getAssessment(id).assessment;
        const carried = carryForwardAssessment(ws, id, dates);
        return { previous, ...carried, unverified: unverifiedSignerToJson(ws.unverifiedSigner(carried.assessment.id)) };
      });
      if (opts.json) {
        const json: CarryForwardJson = {
          assessmentId: assessment.id,
          previousId: id,
          periodStart: assessment.periodStart,
          periodEnd: assessment.periodEnd,
          carriedResponses: plan.responses.filter((r) => r.status === 'needs-review').length,
          carriedLinks: plan.links.length,
          carriedActions: plan.actions.length,
          expiryFlags: plan.expiryFlags,
          droppedClaims: plan.droppedClaims,
          newClaims: plan.newClaims,
          previousCatalogVersion: previous.catalogVersion,
          catalogVersion: assessment.catalogVersion,
          statementChanges: plan.statementChanges,
          unverifiedSigner: unverified,
        };
        printJson(ctx.io, json);
        return;
      }
      // Only the id on stdout, so NEW=$(sscp carry-forward …) works; notes go to stderr.
      ctx.io.stdout.write(`${assessment.id}\n`);
      for (const f of plan.expiryFlags) {
        ctx.io.stderr.write(
          `Note: evidence ${field(f.fileName)} ${REASONS[f.reason]} (${f.expiryDate}); claims ${f.claimIds.join(', ')}.\n`,
        );
      }
      if (plan.droppedClaims.length)
        ctx.io.stderr.write(`Note: not carried, not in the current catalog: claims ${plan.droppedClaims.join(', ')}.\n`);
      ctx.io.stderr.write(statementChangeNotes(previous.catalogVersion, assessment.catalogVersion, plan.statementChanges));
      if (unverified) ctx.io.stderr.write(`Note: ${unverifiedSignerLine(unverified, assessment.id)}\n`);
    });
};

/** What moving to a newer catalog changed, for stderr: one line per claim whose wording changed. */
export function statementChangeNotes(fromVersion: string, toVersion: string, changes: CarryForwardPlan['statementChanges']): string {
  if (fromVersion === toVersion) return '';
  const count = changes.length;
  const lines = [
    `Note: the new draft uses catalog ${toVersion} (the assessment used ${fromVersion}); ` +
      (count === 0
        ? 'no claim statement changed.'
        : `${count} claim${count === 1 ? '' : 's'} now read${count === 1 ? 's' : ''} differently; review ${count === 1 ? 'it' : 'them'} against the new wording (sscp diff shows old and new):`),
    ...changes.map((c) => `  ${c.claimId.padEnd(7)}${c.note ?? 'statement reworded.'}`),
  ];
  return `${lines.join('\n')}\n`;
}
