import type { Assessment } from '../../../shared/domain/types';
import type { RegisterCommand } from '../context';
import { DB_OPTION_FLAGS, DB_OPTION_HELP, withWorkspace } from '../options';

/** What happened, for a person: archived, or already was. Shared by archive and unarchive. */
export function describeArchiveChange(before: Assessment, after: Assessment): string {
  const name = `${after.organisation} (${after.id})`;
  if (before.state === after.state) return `${name} is already ${after.state}; nothing changed.`;
  if (after.state === 'archived') return `Archived ${name}. sscp list hides it; sscp list --all shows it.`;
  return `Unarchived ${name}: it is ${after.state} again.`;
}

export const registerArchive: RegisterCommand = (program, ctx) => {
  program
    .command('archive')
    .description('Put an old assessment out of the way: hidden from sscp list (unless --all), frozen, kept. A signed one stays signed.')
    .argument('<id>', 'the assessment to archive')
    .requiredOption(DB_OPTION_FLAGS, DB_OPTION_HELP)
    .action(async (id: string, opts: { db: string }) => {
      const [before, after] = await withWorkspace(opts.db, (ws) => [ws.getAssessment(id).assessment, ws.archiveAssessment(id)] as const);
      ctx.io.stdout.write(`${describeArchiveChange(before, after)}\n`);
    });
};
