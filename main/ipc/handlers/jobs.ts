import type { JobChannel, ParsedArgs } from '../../../shared/ipc/contract';
import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type JobHandlers = Pick<HandlerTable, JobChannel>;

/** Every long job answers at once with its id; the executor runs it and streams its events. */
export function jobHandlers({ ws, executor, session }: HandlerContext): JobHandlers {
  const start =
    <C extends JobChannel>(channel: C) =>
    async (args: ParsedArgs<C>) => ({ jobId: executor.start(channel, args, ws().dbPath, session.actor()) });
  return {
    'workspace.checkIntegrity': start('workspace.checkIntegrity'),
    'evidence.attach': start('evidence.attach'),
    'evidence.replace': start('evidence.replace'),
    'packs.export': start('packs.export'),
    'packs.verify': start('packs.verify'),
    'packs.previewImport': start('packs.previewImport'),
    'packs.import': start('packs.import'),
    'forms.previewImport': start('forms.previewImport'),
    'forms.import': start('forms.import'),
    'forms.export': start('forms.export'),
    'reminders.export': start('reminders.export'),
    'attestations.export': start('attestations.export'),
    'contributions.previewImport': start('contributions.previewImport'),
    'contributions.import': start('contributions.import'),
    'contributions.create': start('contributions.create'),
  };
}
