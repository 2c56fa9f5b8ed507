import type { RegisterCommand } from '../context';
import { registerArchive } from './archive';
import { registerAttach } from './attach';
import { registerCarryForward } from './carry-forward';
import { registerCatalog } from './catalog';
import { registerCheck } from './check';
import { registerDemo } from './demo';
import { registerDiff } from './diff';
import { registerExport } from './export';
import { registerExportForm } from './export-form';
import { registerIdentity } from './identity';
import { registerImport } from './import';
import { registerImportForm } from './import-form';
import { registerList } from './list';
import { registerLog } from './log';
import { registerNew } from './new';
import { registerSet } from './set';
import { registerSetEvidence } from './set-evidence';
import { registerShow } from './show';
import { registerUnarchive } from './unarchive';
import { registerVerify } from './verify';

/** Every `sscp` sub-command, in the order `sscp --help` lists them. */
export const commands: readonly RegisterCommand[] = [
  registerCatalog,
  registerNew,
  registerList,
  registerShow,
  registerLog,
  registerSet,
  registerAttach,
  registerSetEvidence,
  registerCheck,
  registerExport,
  registerVerify,
  registerImport,
  registerCarryForward,
  registerArchive,
  registerUnarchive,
  registerDiff,
  registerExportForm,
  registerImportForm,
  registerIdentity,
  registerDemo,
];
