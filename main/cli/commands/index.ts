import type { RegisterCommand } from '../context';
import { registerCatalog } from './catalog';

/** Every `sscp` sub-command, in the order `sscp --help` lists them. */
export const commands: readonly RegisterCommand[] = [registerCatalog];
