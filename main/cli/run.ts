import { Command, CommanderError } from 'commander';
import { describeError, isSscpError } from '../../shared/errors';
import { FROZEN_HINT_COMMANDS } from '../../shared/domain/frozen';
import { APP_VERSION } from '../version';
import { AS_OPTION_FLAGS, AS_OPTION_HELP, setAsOption, withCliRun } from './actor';
import { commands } from './commands/index';
import { EXIT_OK, EXIT_UNTRUSTED_SIGNER, EXIT_UNUSABLE_INPUT, field, guardedIo, type CliIo } from './io';

/**
 * Runs one `sscp` invocation and returns its exit code. Commands set `ctx.exitCode` to 1
 * when a check they ran failed; any SscpError or bad argument ends in 2 with a message (3 for
 * a pack whose signer nothing establishes, as `verify` and `import` report it).
 */
export async function runCli(argv: readonly string[], given: CliIo): Promise<number> {
  // Commands, help and error messages all print through the guard (see guardedIo).
  const io = guardedIo(given);
  const ctx = { io, exitCode: EXIT_OK };
  const program = new Command('sscp')
    .description('SSCP Evidence Pack: assess against the Software Security Code of Practice, attach evidence, sign and verify evidence packs.')
    .version(APP_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)')
    .option(AS_OPTION_FLAGS, AS_OPTION_HELP)
    // Each command's --help lists --as too, since it applies to every command that changes something.
    .configureHelp({ showGlobalOptions: true })
    .hook('preAction', (thisCommand) => setAsOption((thisCommand.opts() as { as?: string }).as));
  for (const register of commands) register(program, ctx);

  try {
    await withCliRun(io.env, () => program.parseAsync([...argv], { from: 'user' }));
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_UNUSABLE_INPUT;
    }
    // A message may quote outside text (a name in a pack, a zip entry): message and hint are
    // one line each, so a line break inside either is shown as \n, not obeyed.
    const lines = isSscpError(e) ? [e.message, cliHint(e.hint)].filter(Boolean) : [describeError(e)];
    io.stderr.write(`sscp: ${lines.map(field).join('\n')}\n`);
    if (!isSscpError(e) && io.env.SSCP_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return isSscpError(e) && e.kind === 'untrusted-signer' ? EXIT_UNTRUSTED_SIGNER : EXIT_UNUSABLE_INPUT;
  }
}

/** A hint worded for both front ends, with the command to type added where the CLI has one. */
function cliHint(hint: string | undefined): string {
  if (!hint) return '';
  const command = FROZEN_HINT_COMMANDS[hint];
  return command ? `${hint} On the command line: ${command}.` : hint;
}
