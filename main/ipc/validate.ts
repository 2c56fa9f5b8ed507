import { SscpError } from '../../shared/errors';
import { contract, isChannel, type Channel, type ParsedArgs } from '../../shared/ipc/contract';

/**
 * Checks a request against the contract before any service sees it: the channel must exist
 * and the arguments must match its schema exactly (unknown keys are refused).
 */
export function validateRequest(channel: unknown, args: unknown): { channel: Channel; args: ParsedArgs<Channel> } {
  if (!isChannel(channel)) {
    throw new SscpError(
      'invalid-input',
      `The request "${String(channel).slice(0, 80)}" is not one this application answers.`,
      'Restart the application; if this keeps happening, reinstall it.',
    );
  }
  const parsed = contract[channel].args.safeParse(args ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    // A text rule's issue already says what is wrong with which field, and what to do.
    const hint = first?.code === 'custom' ? (first as { params?: { hint?: unknown } }).params?.hint : undefined;
    if (first && typeof hint === 'string') throw new SscpError('invalid-input', first.message, hint);
    const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
    const problem = (first?.message ?? 'unknown problem').replace(/\.$/, '');
    throw new SscpError(
      'invalid-input',
      `Some of the details sent were not valid${where}: ${problem}.`,
      'Check what you typed and try again.',
    );
  }
  return { channel, args: parsed.data };
}
