import { TEXT_FIELDS } from '../../../shared/domain/text-rules';
import { CLAIM_RESULTS, WORK_STATUSES } from '../../../shared/domain/types';
import { SscpError } from '../../../shared/errors';
import type { ClaimPatch } from '../../services/workspace';
import { parseClaimsFile, readClaimsSource } from '../claims-file';
import type { CommandContext, RegisterCommand } from '../context';
import { field } from '../io';
import { choiceOption, DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

interface SetOptions {
  db: string;
  status?: string;
  result?: string;
  evidenceText?: string;
  arguments?: string;
  from?: string;
}

export const registerSet: RegisterCommand = (program, ctx) => {
  program
    .command('set')
    .description(
      "Record a claim's result, work status, evidence text or arguments; or, with --from, many claims at once from JSON in the shape of sscp show --json's claims (all applied or none; entries that change nothing are skipped).",
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('[claim]', 'the claim number, e.g. 1.2.1 (see sscp catalog); not with --from')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--status <status>', `work status: ${WORK_STATUSES.join(', ')}`)
    .option('--result <result>', `result: ${CLAIM_RESULTS.join(', ')}`)
    .option(
      '--evidence-text <text>',
      `what the evidence is, in words (the form's "Evidence" column; at most ${TEXT_FIELDS.evidenceText.max.toLocaleString('en-GB')} characters)`,
    )
    .option(
      '--arguments <text>',
      `arguments and assumptions (the form's "Arguments / Assumptions" column; at most ${TEXT_FIELDS.arguments.max.toLocaleString('en-GB')} characters)`,
    )
    .option(
      '--from <file>',
      'apply the claims in this JSON file (- reads standard input): sscp show ID --json | jq .claims, edited (shape in docs/cli-json.md)',
    )
    .action(async (id: string, claimId: string | undefined, opts: SetOptions) => {
      const patch: ClaimPatch = {
        status: choiceOption(opts.status, WORK_STATUSES, 'status'),
        result: choiceOption(opts.result, CLAIM_RESULTS, 'result'),
        evidenceText: opts.evidenceText,
        arguments: opts.arguments,
      };
      const anyOption = Object.values(patch).some((v) => v !== undefined);
      if (opts.from !== undefined) {
        if (claimId !== undefined || anyOption) {
          throw new SscpError(
            'invalid-input',
            '--from takes every change from the file, so a claim number, --status, --result, --evidence-text or --arguments cannot be given with it.',
            'Give either --from FILE, or one claim with the changes to make to it.',
          );
        }
        await setFromFile(ctx, id, opts.db, opts.from);
        return;
      }
      if (claimId === undefined)
        throw new SscpError(
          'invalid-input',
          'Which claim? No claim number was given.',
          'Give the claim number after the assessment id (e.g. 1.2.1), or --from FILE to change many claims.',
        );
      if (!anyOption) {
        throw new SscpError(
          'invalid-input',
          'Nothing to change.',
          'Give at least one of --status, --result, --evidence-text or --arguments.',
        );
      }
      const r = await withWorkspace(opts.db, (ws) => ws.updateClaim(id, claimId, patch));
      ctx.io.stdout.write(`${r.claimId}  ${r.result}  ${r.status}\n`);
    });
};

/**
 * `set ID --from FILE`: every entry applied in one transaction, or none. Prints the changed
 * claims as a single `set` does, one line each; a count on stderr says how many were changed.
 */
async function setFromFile(ctx: CommandContext, id: string, db: string, from: string): Promise<void> {
  const source = from === '-' ? 'Standard input' : `The claims file ${from}`;
  const entries = parseClaimsFile(await readClaimsSource(from, ctx.io), source);
  const results = await withWorkspace(db, (ws) =>
    ws.updateClaims(
      id,
      entries.map((e) => ({
        claimId: e.claimId,
        patch: e.patch,
        ...(e.updatedAt === undefined ? {} : { expectedUpdatedAt: e.updatedAt }),
      })),
    ),
  );
  const changed = results.filter((r) => r.changed);
  for (const r of changed) ctx.io.stdout.write(`${field(r.response.claimId)}  ${r.response.result}  ${r.response.status}\n`);
  const unchanged = results.length - changed.length;
  ctx.io.stderr.write(
    `${changed.length} of ${results.length} ${results.length === 1 ? 'claim' : 'claims'} changed${unchanged > 0 ? `; ${unchanged} already as given` : ''}.\n`,
  );
}
