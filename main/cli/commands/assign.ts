import { SscpError } from '../../../shared/errors';
import type { RegisterCommand } from '../context';
import { field, printJson } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

interface AssignOptions {
  db: string;
  owner?: string;
  team?: string;
  email?: string;
  clear?: boolean;
  json?: boolean;
}

export const registerAssign: RegisterCommand = (program, ctx) => {
  program
    .command('assign')
    .description(
      "Assign a claim of a draft to the person who answers for it (its owner), or clear its owner. `sscp show` lists who owns what; a contribution from someone other than the claim's owner is flagged at review.",
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .argument('<claim>', 'the claim number, e.g. 1.2.1 (see sscp catalog)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .option('--owner <name>', "the owner's name, as in their signing certificate")
    .option('--team <team>', "the owner's team")
    .option('--email <address>', "the owner's email; when given, a contribution is matched to the owner by it")
    .option('--clear', "remove the claim's owner")
    .option('--json', 'print JSON (shape in docs/cli-json.md)')
    .action(async (id: string, claimId: string, opts: AssignOptions) => {
      if (opts.clear && opts.owner !== undefined)
        throw new SscpError(
          'invalid-input',
          'Both --owner and --clear were given.',
          'Give --owner NAME to assign the claim, or --clear to remove its owner.',
        );
      if (!opts.clear && opts.owner === undefined)
        throw new SscpError(
          'invalid-input',
          'No owner was given.',
          'Give --owner NAME (and --team, --email if you like), or --clear to remove the owner.',
        );
      const owner = await withWorkspace(opts.db, (ws) =>
        ws.assignOwner(
          id,
          claimId,
          opts.clear
            ? null
            : {
                name: opts.owner!,
                ...(opts.team !== undefined ? { team: opts.team } : {}),
                ...(opts.email !== undefined ? { email: opts.email } : {}),
              },
        ),
      );
      if (opts.json) {
        printJson(ctx.io, {
          assessmentId: id,
          claimId,
          owner: owner ? { name: owner.name, team: owner.team, email: owner.email, assignedAt: owner.assignedAt } : null,
        });
        return;
      }
      ctx.io.stdout.write(
        owner
          ? `${claimId}  assigned to ${field(owner.name)}${owner.team ? `, ${field(owner.team)}` : ''}${owner.email ? ` <${field(owner.email)}>` : ''}\n`
          : `${claimId}  has no owner\n`,
      );
    });
};
