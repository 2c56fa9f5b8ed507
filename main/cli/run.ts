import { Command, CommanderError } from 'commander';
import { describeError, isSscpError } from '../../shared/errors';
import { commands } from './commands/index';
import { EXIT_OK, EXIT_UNTRUSTED_SIGNER, EXIT_UNUSABLE_INPUT, type CliIo } from './io';

/**
 * Runs one `sscp` invocation and returns its exit code. Commands set `ctx.exitCode` to 1
 * when a check they ran failed; any SscpError or bad argument ends in 2 with a message (3 for
 * a pack whose signer nothing establishes, as `verify` and `import` report it).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const ctx = { io, exitCode: EXIT_OK };
  const program = new Command('sscp')
    .description('SSCP Evidence Pack: assess against the Software Security Code of Practice, attach evidence, sign and verify evidence packs.')
    .version(VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)');
  for (const register of commands) register(program, ctx);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ctx.exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_UNUSABLE_INPUT;
    }
    io.stderr.write(`sscp: ${describeError(e)}\n`);
    if (!isSscpError(e) && io.env.SSCP_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    return isSscpError(e) && e.kind === 'untrusted-signer' ? EXIT_UNTRUSTED_SIGNER : EXIT_UNUSABLE_INPUT;
  }
}

// Kept in step with package.json by test/cli/version.test.ts.
export const VERSION = '0.1.0';
