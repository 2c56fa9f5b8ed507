import { TEXT_FIELDS } from '../../../shared/domain/text-rules';
import { CLAIM_RESULTS, WORK_STATUSES } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import type { ClaimPatch } from '../../services/workspace';
import type { RegisterCommand } from '../context';
import { choiceOption, DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

interface SetOptions {
  db: string;
  status?: string;
  result?: string;
  evidenceText?: string;
  arguments?: string;
}

export const registerSet: RegisterCommand = (program, ctx) => {
  program
    .command('set')
    .description("Record a claim's result, work status, evidence text or arguments.")
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('<claim>', 'the claim number, e.g. 1.2.1 (see sscp catalog)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--status <status>', `work status: ${WORK_STATUSES.join(', ')}`)
    .option('--result <result>', `result: ${CLAIM_RESULTS.join(', ')}`)
    .option('--evidence-text <text>', `what the evidence is, in words (the form's "Evidence" column; at most ${TEXT_FIELDS.evidenceText.max.toLocaleString('en-GB')} characters)`)
    .option('--arguments <text>', `arguments and assumptions (the form's "Arguments / Assumptions" column; at most ${TEXT_FIELDS.arguments.max.toLocaleString('en-GB')} characters)`)
    .action(async (id: string, claimId: string, opts: SetOptions) => {
      const patch: ClaimPatch = {
        status: choiceOption(opts.status, WORK_STATUSES, 'status'),
        result: choiceOption(opts.result, CLAIM_RESULTS, 'result'),
        evidenceText: opts.evidenceText,
        arguments: opts.arguments,
      };
      if (Object.values(patch).every((v) => v === undefined)) {
        throw new SscpError('invalid-input', 'Nothing to change.', 'Give at least one of --status, --result, --evidence-text or --arguments.');
      }
      const r = await withWorkspace(opts.db, (ws) => ws.updateClaim(id, claimId, patch));
      ctx.io.stdout.write(`${r.claimId}  ${r.result}  ${r.status}\n`);
    });
};
