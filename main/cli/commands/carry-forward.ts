import type { CarryForwardPlan } from '../../../shared/domain/carry-forward';
import { carryForwardAssessment } from '../../services/carry-forward';
import type { RegisterCommand } from '../context';
import { unverifiedSignerLine, unverifiedSignerToJson, type UnverifiedSignerJson } from '../assessment-json';
import { printJson } from '../io';
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
    .description('Start next period\'s draft from an assessment: text, results, evidence and open actions carried, every claim marked needs-review. Prints the new id.')
    .argument('<id>', 'the assessment to carry forward (usually last period\'s signed one)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--period-start <date>', 'start of the new period, YYYY-MM-DD (default: the day after the old one ended)')
    .option('--period-end <date>', 'end of the new period, YYYY-MM-DD (default: as long as the old one)')
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, opts: { db: string; periodStart?: string; periodEnd?: string; json?: boolean }) => {
      const dates = {
        ...(opts.periodStart !== undefined ? { periodStart: dateOption(opts.periodStart, 'The period start') } : {}),
        ...(opts.periodEnd !== undefined ? { periodEnd: dateOption(opts.periodEnd, 'The period end') } : {}),
      };
      const { assessment, plan, unverified } = await withWorkspace(opts.db, async (ws) => {
        const carried = await carryForwardAssessment(ws, id, dates);
        return { ...carried, unverified: unverifiedSignerToJson(ws.unverifiedSigner(carried.assessment.id)) };
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
          unverifiedSigner: unverified,
        };
        printJson(ctx.io, json);
        return;
      }
      // Only the id on stdout, so NEW=$(sscp carry-forward …) works; notes go to stderr.
      ctx.io.stdout.write(`${assessment.id}\n`);
      for (const f of plan.expiryFlags) {
        ctx.io.stderr.write(`Note: evidence ${f.fileName} ${REASONS[f.reason]} (${f.expiryDate}); claims ${f.claimIds.join(', ')}.\n`);
      }
      if (plan.droppedClaims.length) ctx.io.stderr.write(`Note: not carried, not in the current catalog: claims ${plan.droppedClaims.join(', ')}.\n`);
      if (unverified) ctx.io.stderr.write(`Note: ${unverifiedSignerLine(unverified, assessment.id)}\n`);
    });
};
