import { AsyncLocalStorage } from 'node:async_hooks';
import { actorNameProblem, type Actor } from '../../shared/domain/actor';
import { SscpError } from '../../shared/errors';
import { osAccountActor, type OsUserName } from '../services/actor';

export const AS_OPTION_FLAGS = '--as <name>';
export const AS_OPTION_HELP =
  'your name, recorded with every change this command makes (default: $SSCP_USER, else your operating-system account name)';

/**
 * Who is making the changes of one command: `--as NAME`, else `SSCP_USER`, else the
 * operating-system account. A name given on purpose that is unusable is refused (exit 2);
 * an account name that cannot be read is recorded as unidentified, never guessed.
 */
export function resolveCliActor(
  asOption: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  osUserName?: OsUserName,
): Actor {
  if (asOption !== undefined) {
    const problem = actorNameProblem(asOption, 'The name given with --as');
    if (problem)
      throw new SscpError(
        'invalid-input',
        problem,
        'Give your name as it should appear in the history, for example --as "Priya Raman" (at most 100 characters, on one line).',
      );
    return { name: asOption.trim(), source: 'as-option' };
  }
  const fromEnv = env.SSCP_USER;
  if (fromEnv !== undefined && fromEnv.trim() !== '') {
    const problem = actorNameProblem(fromEnv, 'The name in SSCP_USER');
    if (problem)
      throw new SscpError(
        'invalid-input',
        problem,
        'Set SSCP_USER to your name as it should appear in the history (at most 100 characters, on one line), or give --as NAME.',
      );
    return { name: fromEnv.trim(), source: 'sscp-user' };
  }
  return osAccountActor(osUserName);
}

interface CliRun {
  readonly env: Readonly<Record<string, string | undefined>>;
  asOption?: string;
  actor?: Actor;
}

const currentRun = new AsyncLocalStorage<CliRun>();

/**
 * Runs one `sscp` invocation with its environment in scope, so opening a workspace can name
 * the actor without every command passing it along. Concurrent in-process runs (tests) each
 * see their own.
 */
export function withCliRun<T>(env: Readonly<Record<string, string | undefined>>, fn: () => Promise<T>): Promise<T> {
  return currentRun.run({ env }, fn);
}

/** Records the global --as option once Commander has parsed it. */
export function setAsOption(value: string | undefined): void {
  const run = currentRun.getStore();
  if (run) run.asOption = value;
}

/** The actor of the running command, resolved on first use (a bad --as fails before anything is opened). */
export function currentCliActor(): Actor {
  const run = currentRun.getStore();
  if (!run) return resolveCliActor(undefined, process.env);
  run.actor ??= resolveCliActor(run.asOption, run.env);
  return run.actor;
}
