import type { PickedPath, PickedPaths } from '../../shared/ipc/views';
import type { HandlerTable } from './dispatch';
import type { PathGrants } from './path-grants';

export type FilePurpose = 'evidence' | 'pack' | 'form' | 'p12' | 'contribution';
export type SavePurpose = 'pack' | 'form' | 'certificate' | 'backup' | 'calendar' | 'attestation' | 'contribution';

/** What a native dialog answered; Electron's dialogs in the app, a queue of answers in the e2e run. */
export interface NativeDialogs {
  readonly openDatabase: () => Promise<PickedPath>;
  readonly newDatabase: () => Promise<PickedPath>;
  readonly openEvidenceFiles: () => Promise<PickedPaths>;
  readonly chooseFile: (purpose: FilePurpose) => Promise<PickedPath>;
  readonly chooseFolder: () => Promise<PickedPath>;
  readonly saveFile: (purpose: SavePurpose, suggestedName: string) => Promise<PickedPath>;
}

type Channels =
  | 'dialogs.openDatabase'
  | 'dialogs.newDatabase'
  | 'dialogs.openEvidenceFiles'
  | 'dialogs.chooseFile'
  | 'dialogs.chooseFolder'
  | 'dialogs.saveFile'
  | 'grants.registerDrop';

/**
 * The dialog channels: each answer becomes a grant before the page sees it, so the paths the
 * page sends back are ones the user chose. The e2e bridge uses this same code with its stand-in
 * dialogs, so the journey goes through the real grant check.
 */
export function dialogHandlers(dialogs: NativeDialogs, grants: PathGrants): Pick<HandlerTable, Channels> {
  const granted =
    (kind: 'read' | 'write' | 'database') =>
    (picked: PickedPath): PickedPath => {
      if (picked.path) grants.grant(picked.path, kind);
      return picked;
    };
  return {
    'dialogs.openDatabase': async () => granted('database')(await dialogs.openDatabase()),
    'dialogs.newDatabase': async () => granted('database')(await dialogs.newDatabase()),
    'dialogs.openEvidenceFiles': async () => {
      const picked = await dialogs.openEvidenceFiles();
      for (const path of picked.paths) grants.grant(path, 'read');
      return picked;
    },
    'dialogs.chooseFile': async ({ purpose }) => granted('read')(await dialogs.chooseFile(purpose)),
    // A folder is only ever the save dialog's starting place, never read or written by itself.
    'dialogs.chooseFolder': () => dialogs.chooseFolder(),
    'dialogs.saveFile': async ({ purpose, suggestedName }) => granted('write')(await dialogs.saveFile(purpose, suggestedName)),
    'grants.registerDrop': async ({ path }) => ({ path: await grants.grantDropped(path) }),
  };
}
