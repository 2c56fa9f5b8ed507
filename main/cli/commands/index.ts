import type { RegisterCommand } from '../context';
import { registerAttach } from './attach';
import { registerCatalog } from './catalog';
import { registerCheck } from './check';
import { registerIdentity } from './identity';
import { registerList } from './list';
import { registerNew } from './new';
import { registerSet } from './set';
import { registerShow } from './show';

/** Every `sscp` sub-command, in the order `sscp --help` lists them. */
export const commands: readonly RegisterCommand[] = [
  registerCatalog,
  registerNew,
  registerList,
  registerShow,
  registerSet,
  registerAttach,
  registerCheck,
  registerIdentity,
];
