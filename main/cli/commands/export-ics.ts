import { exportReminders } from '../../reminders/export-reminders';
import type { RegisterCommand } from '../context';
import { field } from '../io';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, FORCE_HINT, FORCE_OPTION_FLAGS, FORCE_OPTION_HELP, withWorkspace } from '../options';

export const registerExportIcs: RegisterCommand = (program, ctx) => {
  program
    .command('export-ics')
    .description(
      "Write an assessment's reminders as a calendar file (.ics) to add to your calendar, offline: the due date of every open remedial action and " +
        'the expiry date of every piece of evidence linked to it, as all-day events with an alarm a week before. ' +
        'Each event keeps the same UID across exports, so importing a newer file updates the events instead of doubling them.',
    )
    .argument('<id>', 'the assessment id (see sscp list)')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .requiredOption('--out <file>', 'the .ics file to write (an existing file only with --force)')
    .option(FORCE_OPTION_FLAGS, FORCE_OPTION_HELP)
    .action(async (id: string, opts: { db: string; out: string; force?: boolean }) => {
      const result = await withWorkspace(
        opts.db,
        (ws) => exportReminders(ws, id, opts.out, { replace: opts.force ?? false, existsHint: FORCE_HINT }),
        { readOnly: true },
      );
      ctx.io.stderr.write(
        `${result.actionsDue} remedial action due date${result.actionsDue === 1 ? '' : 's'}, ${result.evidenceExpiring} evidence expiry date${result.evidenceExpiring === 1 ? '' : 's'}.\n`,
      );
      ctx.io.stdout.write(`${field(result.path)}\n`);
    });
};
