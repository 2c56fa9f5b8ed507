import type { RegisterCommand } from '../context';

/** Every `sscp` sub-command, in the order `sscp --help` lists them. */
export const commands: readonly RegisterCommand[] = [];
