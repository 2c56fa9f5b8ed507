import { TEXT_FIELDS } from '../../../shared/domain/text-rules';
import { VENDOR_ROLES } from '../../../shared/domain/types';
import type { RegisterCommand } from '../context';
import { choiceOption, collect, DB_OPTION_FLAGS, DB_OPTION_HELP, dateOption, withWorkspace } from '../options';

interface NewOptions {
  db: string;
  org: string;
  role: string;
  product?: string[];
  theme3InScope?: boolean;
  periodStart?: string;
  periodEnd?: string;
  sro?: string;
  sroRole?: string;
}

export const registerNew: RegisterCommand = (program, ctx) => {
  program
    .command('new')
    .description('Start a new assessment (creating the database if needed) and print its id, so ID=$(sscp new …) works.')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption(
      '--org <name>',
      `the organisation being assessed (one line, at most ${TEXT_FIELDS.organisation.max} characters, as every name here)`,
    )
    .requiredOption('--role <role>', `the vendor role: ${VENDOR_ROLES.join(', ')}`)
    .option('--product <name>', 'a product in scope (repeat for several)', collect)
    .option('--theme3-in-scope', 'developer-only: theme 3 (deployment and maintenance) is your responsibility too')
    .option('--period-start <date>', 'start of the period assessed, YYYY-MM-DD')
    .option('--period-end <date>', 'end of the period assessed, YYYY-MM-DD')
    .option('--sro <name>', 'the Senior Responsible Owner who will sign')
    .option('--sro-role <role>', "the SRO's job title")
    .action(async (opts: NewOptions) => {
      const role = choiceOption(opts.role, VENDOR_ROLES, 'role')!;
      const input = {
        organisation: opts.org,
        role,
        products: opts.product ?? [],
        theme3InScope: opts.theme3InScope ?? false,
        periodStart: dateOption(opts.periodStart, 'The period start') ?? null,
        periodEnd: dateOption(opts.periodEnd, 'The period end') ?? null,
        sroName: opts.sro ?? '',
        sroRole: opts.sroRole ?? '',
      };
      const created = await withWorkspace(opts.db, (ws) => ws.createAssessment(input), { create: true });
      ctx.io.stdout.write(`${created.id}\n`);
    });
};
