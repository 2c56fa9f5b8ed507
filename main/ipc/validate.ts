import type { TextReason } from '../../shared/error-reasons/domain';
import { SscpError } from '../../shared/errors';
import { contract, isChannel, type Channel, type ParsedArgs } from '../../shared/ipc/contract';

/**
 * Checks a request against the contract before any service sees it: the channel must exist
 * and the arguments must match its schema exactly (unknown keys are refused).
 */
export function validateRequest(channel: unknown, args: unknown): { channel: Channel; args: ParsedArgs<Channel> } {
  if (!isChannel(channel)) {
    throw SscpError.because({ code: 'request-unknown', channel: String(channel) });
  }
  const parsed = contract[channel].args.safeParse(args ?? {});
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    // A text rule's issue already says what is wrong with which field, and what to do.
    const problem = first?.code === 'custom' ? (first as { params?: { reason?: TextReason } }).params?.reason : undefined;
    if (problem) throw SscpError.because({ code: 'request-text-invalid', problem });
    const where = first && first.path.length > 0 ? first.path.join('.') : null;
    throw SscpError.because({ code: 'request-invalid', where, problem: (first?.message ?? 'unknown problem').replace(/\.$/, '') });
  }
  return { channel, args: parsed.data };
}
