import { reasonOfIssues } from '../../shared/domain/inputs';
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
  if (!parsed.success) throw SscpError.because(reasonOfIssues(parsed.error));
  return { channel, args: parsed.data };
}
