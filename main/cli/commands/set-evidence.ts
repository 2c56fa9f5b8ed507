import { SscpError } from '../../../shared/errors';
import { TEXT_FIELDS } from '../../../shared/domain/text-rules';
import type { EvidencePatch } from '../../services/workspace';
import type { RegisterCommand } from '../context';
import { findEvidenceItem } from '../evidence-ref';
import { field } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, dateOption, withWorkspace } from '../options';

interface SetEvidenceOptions {
  db: string;
  name?: string;
  description?: string;
  effective?: string;
  expires?: string;
  confidential?: boolean;
  shareable?: boolean;
  withholdDetails?: boolean;
  showDetails?: boolean;
}

/** One yes/no setting from a pair of opposite flags; both at once is a mistake, not a choice. */
function pair(yes: boolean | undefined, no: boolean | undefined, yesFlag: string, noFlag: string): boolean | undefined {
  if (yes && no)
    throw new SscpError('invalid-input', `${yesFlag} and ${noFlag} contradict each other.`, `Give one of ${yesFlag} or ${noFlag}.`);
  return yes ? true : no ? false : undefined;
}

export const registerSetEvidence: RegisterCommand = (program, ctx) => {
  program
    .command('set-evidence')
    .description(
      'Change an evidence item already attached: its name, description, dates, whether it is confidential, and whether a customer pack withholds its name and description too. ' +
        'Prints "<id>  <sha256>  <name>" and how a customer pack will treat it. While a signed assessment uses the item, the change is made as a new version that only draft assessments move to.',
    )
    .argument('<evidence>', "the evidence item's id (sscp show ID --json), or the SHA-256 sscp attach printed")
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option(
      '--name <text>',
      `the name the evidence is listed under (at most ${TEXT_FIELDS.evidenceName.max.toLocaleString('en-GB')} characters)`,
    )
    .option('--description <text>', 'what the evidence shows')
    .option('--effective <date>', 'when the evidence was true, YYYY-MM-DD')
    .option('--expires <date>', 'when the evidence stops being valid, YYYY-MM-DD')
    .option('--confidential', 'for certification bodies only: never put in a customer pack')
    .option('--shareable', 'not confidential: goes into customer packs too (its details are then shown)')
    .option(
      '--withhold-details',
      'confidential evidence only: a customer pack shows "Withheld file N (confidential)", the SHA-256 and size, not the name or description',
    )
    .option('--show-details', 'a customer pack shows the name and description of this confidential evidence (not its bytes)')
    .action(async (ref: string, opts: SetEvidenceOptions) => {
      const patch: EvidencePatch = {
        ...(opts.name !== undefined ? { fileName: opts.name } : {}),
        ...(opts.description !== undefined ? { description: opts.description } : {}),
        ...(opts.effective !== undefined ? { effectiveDate: dateOption(opts.effective, 'The effective date') } : {}),
        ...(opts.expires !== undefined ? { expiryDate: dateOption(opts.expires, 'The expiry date') } : {}),
        confidential: pair(opts.confidential, opts.shareable, '--confidential', '--shareable'),
        withholdDetails: pair(opts.withholdDetails, opts.showDetails, '--withhold-details', '--show-details'),
      };
      if (Object.values(patch).every((v) => v === undefined)) {
        throw new SscpError(
          'invalid-input',
          'Nothing to change.',
          'Give at least one of --name, --description, --effective, --expires, --confidential, --shareable, --withhold-details or --show-details.',
        );
      }
      await withWorkspace(opts.db, (ws) => {
        const before = findEvidenceItem(ws, ref);
        // Withholding details of an item that is confidential already needs no --confidential.
        const confidential = patch.confidential ?? (patch.withholdDetails ? before.confidential : undefined);
        const after = ws.updateEvidence(before.id, { ...patch, confidential });
        const customer = !after.confidential
          ? 'in customer packs'
          : after.withholdDetails
            ? 'withheld from customer packs, name and description too'
            : 'withheld from customer packs, listed by name and hash';
        ctx.io.stdout.write(`${after.id}  ${after.sha256}  ${field(after.fileName)}  (${customer})\n`);
        if (after.id !== before.id)
          ctx.io.stderr.write(
            `Note: a signed assessment uses ${before.id}, so the change is a new version, ${after.id}, used by the draft assessments.\n`,
          );
      });
    });
};
