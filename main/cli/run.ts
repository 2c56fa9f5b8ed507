import { Command, CommanderError, Help } from 'commander';
import { describeErrorLines, isSscpError } from '../../shared/errors';
import { CLI_HINTS } from './error-hints';
import { MIN_ID_PREFIX } from '../store/assessments-repo';
import { APP_VERSION } from '../version';
import { AS_OPTION_FLAGS, AS_OPTION_HELP, setAsOption, withCliRun } from './actor';
import { commands } from './commands/index';
import type { CommandContext } from './context';
import { EXIT_INTERRUPTED } from './interrupt';
import { EXIT_OK, EXIT_UNTRUSTED_SIGNER, EXIT_UNUSABLE_INPUT, field, guardedIo, type CliIo } from './io';

/**
 * What `sscp --help` lists for one command, recorded from the real command when the CLI is
 * bundled (scripts/cli-bundle.mjs calls describeCommands), so help needs no command loaded.
 */
export interface CommandSummary {
  readonly name: string;
  /** The usage column, e.g. `set [options] <id> [claim]`. */
  readonly term: string;
  readonly description: string;
}

export interface RunCliOptions {
  /**
   * The bundled CLI passes the summaries recorded at build time: then only the command being
   * run is loaded (with its dependencies), the others are listed from these. Without them
   * (run from source, in-process tests), every command is loaded.
   */
  readonly summaries?: readonly CommandSummary[];
}

/** Arguments that name an assessment: a unique prefix of an id is taken for the whole id. */
export const ASSESSMENT_ID_ARGUMENTS: readonly string[] = ['id', 'from', 'to'];

/** Thrown by a listed-but-not-loaded command if the argument scan ever picked the wrong one. */
class CommandNotLoaded extends Error {}

/**
 * Runs one `sscp` invocation and returns its exit code. Commands set `ctx.exitCode` to 1
 * when a check they ran failed; any SscpError or bad argument ends in 2 with a message (3 for
 * a pack whose signer nothing establishes, as `verify` and `import` report it; 130 for work
 * Ctrl-C cancelled, see interrupt.ts).
 */
export async function runCli(argv: readonly string[], given: CliIo, options: RunCliOptions = {}): Promise<number> {
  // Commands, help and error messages all print through the guard (see guardedIo).
  const io = guardedIo(given);
  try {
    try {
      return await parseAndRun(argv, io, options.summaries);
    } catch (e) {
      // Never expected (commandNameIn follows Commander's own reading of argv); if it happens,
      // nothing has run yet, so run again with every command loaded.
      if (e instanceof CommandNotLoaded) return await parseAndRun(argv, io, undefined);
      throw e;
    }
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version arrive here too, with exit code 0.
      return e.exitCode === 0 ? EXIT_OK : EXIT_UNUSABLE_INPUT;
    }
    // A message may quote outside text (a name in a pack, a zip entry): message and hint are
    // one line each, so a line break inside either is shown as \n, not obeyed.
    const lines = describeErrorLines(e, CLI_HINTS);
    io.stderr.write(`sscp: ${lines.map(field).join('\n')}\n`);
    if (!isSscpError(e) && io.env.SSCP_DEBUG && e instanceof Error) io.stderr.write(`${e.stack}\n`);
    if (isSscpError(e) && e.kind === 'cancelled') return EXIT_INTERRUPTED;
    return isSscpError(e) && e.kind === 'untrusted-signer' ? EXIT_UNTRUSTED_SIGNER : EXIT_UNUSABLE_INPUT;
  }
}

async function parseAndRun(argv: readonly string[], io: CliIo, summaries: readonly CommandSummary[] | undefined): Promise<number> {
  const ctx: CommandContext = { io, exitCode: EXIT_OK };
  const program = await buildProgram(ctx, summaries ? { summaries, run: commandNameIn(argv) } : undefined);
  await withCliRun(io.env, () => program.parseAsync([...argv], { from: 'user' }));
  return ctx.exitCode;
}

/**
 * The program with its commands: all of them loaded, or (`lazy`) only the one being run, the
 * others listed by name, usage and description so that help and "unknown command" read the
 * same as with all loaded.
 */
async function buildProgram(
  ctx: CommandContext,
  lazy?: { readonly summaries: readonly CommandSummary[]; readonly run: string | undefined },
): Promise<Command> {
  const { io } = ctx;
  const listedTerms = new WeakMap<Command, string>();
  const program = new Command('sscp')
    .description(
      'SSCP Evidence Pack: assess against the Software Security Code of Practice, attach evidence, sign and verify evidence packs.',
    )
    .version(APP_VERSION, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    })
    .showHelpAfterError('(run with --help for usage)')
    .option(AS_OPTION_FLAGS, AS_OPTION_HELP)
    .addHelpText(
      'after',
      `\nAn assessment id can be shortened to its first ${MIN_ID_PREFIX} or more characters when no other id in the database starts with them.\nEvery --db defaults to $SSCP_DB when that is set.\n`,
    )
    // Each command's --help lists --as too, since it applies to every command that changes something.
    .configureHelp({
      showGlobalOptions: true,
      subcommandTerm(cmd: Command): string {
        return listedTerms.get(cmd) ?? Help.prototype.subcommandTerm.call(this, cmd);
      },
    })
    .hook('preAction', async (thisCommand, actionCommand) => {
      setAsOption(thisCommand.opts<{ as?: string }>().as);
      await resolveAssessmentIdArguments(actionCommand);
    });
  for (const entry of commands) {
    const summary = lazy?.summaries.find((s) => s.name === entry.name);
    if (lazy && summary && entry.name !== lazy.run) {
      const listed = program
        .command(entry.name)
        .description(summary.description)
        .helpOption(false)
        .allowUnknownOption()
        .allowExcessArguments()
        .action(() => {
          throw new CommandNotLoaded(entry.name);
        });
      listedTerms.set(listed, summary.term);
    } else {
      (await entry.load())(program, ctx);
    }
  }
  for (const cmd of program.commands) {
    for (const arg of cmd.registeredArguments) {
      if (ASSESSMENT_ID_ARGUMENTS.includes(arg.name()))
        arg.description += `; its first ${MIN_ID_PREFIX} or more characters do if no other id starts with them`;
    }
  }
  defaultDbFromEnvironment(program, io.env);
  return program;
}

/**
 * The sub-command Commander will dispatch `argv` to, read the way Commander reads it: the
 * first word that is not one of sscp's own options (`--as NAME` takes the next word), or the
 * word after `help`. Undefined when there is none (`sscp --help`, `sscp --version`).
 */
export function commandNameIn(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return argv[i + 1];
    if (arg === '--as') {
      i++;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') continue;
    return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

/**
 * `--db` of every command that works on a database (DB_OPTION_HELP, which says so) defaults
 * to $SSCP_DB when that is set, taken from the run's own environment so in-process runs each
 * see theirs. The identity commands' `--db`, needed only to move identities out of an old
 * database, does not.
 */
function defaultDbFromEnvironment(program: Command, env: Readonly<Record<string, string | undefined>>): void {
  const fromEnv = env.SSCP_DB;
  if (fromEnv === undefined || fromEnv === '') return;
  const visit = (cmd: Command): void => {
    for (const option of cmd.options) {
      if (option.long === '--db' && option.description.includes('$SSCP_DB'))
        cmd.setOptionValueWithSource(option.attributeName(), fromEnv, 'env');
    }
    cmd.commands.forEach(visit);
  };
  visit(program);
}

const FULL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Replaces each assessment-id argument given as a prefix by the one id it starts (refusing
 * an ambiguous or too short one), before the command sees it. A whole id is left alone: the
 * command reports it if it is not there.
 */
async function resolveAssessmentIdArguments(command: Command): Promise<void> {
  const positions = command.registeredArguments.flatMap((a, i) => (ASSESSMENT_ID_ARGUMENTS.includes(a.name()) ? [i] : []));
  const args = command.processedArgs as unknown[];
  const prefixes = positions.filter((i) => typeof args[i] === 'string' && !FULL_ID.test(args[i]));
  const db = command.opts<{ db?: unknown }>().db;
  if (prefixes.length === 0 || typeof db !== 'string') return;
  const { withWorkspace } = await import('./options');
  await withWorkspace(
    db,
    (ws) => {
      for (const i of prefixes) args[i] = ws.resolveAssessmentId(args[i] as string);
    },
    { readOnly: true },
  );
}

/** What `sscp --help` lists for each command, from the real commands (all loaded). */
export async function describeCommands(): Promise<CommandSummary[]> {
  const ctx: CommandContext = {
    io: guardedIo({ stdout: { write: () => undefined }, stderr: { write: () => undefined }, env: {}, isTTY: false }),
    exitCode: EXIT_OK,
  };
  const program = await buildProgram(ctx);
  const help = program.createHelp();
  return program.commands.map((cmd) => ({
    name: cmd.name(),
    term: help.subcommandTerm(cmd),
    description: help.subcommandDescription(cmd),
  }));
}
