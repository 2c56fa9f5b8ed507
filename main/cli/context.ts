import type { Command } from 'commander';
import type { CliIo } from './io';

/** What every command gets: where to print, and the exit code to set when a check fails. */
export interface CommandContext {
  readonly io: CliIo;
  exitCode: number;
}

/** Each command file exports one of these; `commands/index.ts` lists them. */
export type RegisterCommand = (program: Command, ctx: CommandContext) => void;
