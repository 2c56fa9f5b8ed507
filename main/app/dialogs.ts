import { dialog, type BrowserWindow, type FileFilter, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import type { PickedPath, PickedPaths } from '../../shared/ipc/views';
import type { FilePurpose, NativeDialogs, SavePurpose } from '../ipc/dialog-handlers';

const DATABASE: FileFilter = { name: 'SSCP Evidence Pack assessments', extensions: ['sscp'] };
const OPEN_FILTERS: Record<FilePurpose, FileFilter[]> = {
  evidence: [{ name: 'All files', extensions: ['*'] }],
  pack: [{ name: 'Evidence pack (PDF)', extensions: ['pdf'] }],
  form: [{ name: 'Word form', extensions: ['docx'] }],
  p12: [{ name: 'Signing identity (PKCS#12)', extensions: ['p12', 'pfx'] }],
  contribution: [{ name: 'Contribution', extensions: ['sscp-contribution'] }],
};
const SAVE_FILTERS: Record<SavePurpose, FileFilter[]> = {
  pack: [{ name: 'Evidence pack (PDF)', extensions: ['pdf'] }],
  form: [{ name: 'Word form', extensions: ['docx'] }],
  certificate: [{ name: 'Certificate (PEM)', extensions: ['pem', 'crt'] }],
  backup: [{ name: 'Signing identity backup (PKCS#12)', extensions: ['p12'] }],
  calendar: [{ name: 'Calendar (iCalendar)', extensions: ['ics'] }],
  attestation: [{ name: 'CycloneDX attestation (JSON)', extensions: ['json'] }],
  contribution: [{ name: 'Contribution', extensions: ['sscp-contribution'] }],
};

/**
 * Native dialogs, shown as sheets of the main window; a cancelled dialog answers null. Their
 * answers reach the page only through main/ipc/dialog-handlers.ts, which grants them first.
 */
export function createDialogs(getWindow: () => BrowserWindow | null, defaultFolder: () => string | null): NativeDialogs {
  const parent = (): BrowserWindow | undefined => getWindow() ?? undefined;
  const open = async (title: string, filters: FileFilter[], multi: boolean): Promise<string[]> => {
    const options: OpenDialogOptions = { title, filters, properties: multi ? ['openFile', 'multiSelections'] : ['openFile'] };
    const window = parent();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? [] : result.filePaths;
  };
  const save = async (title: string, filters: FileFilter[], defaultPath?: string): Promise<PickedPath> => {
    const window = parent();
    // Linux asks before replacing a file only when told to; macOS and Windows always ask.
    const options: SaveDialogOptions = { title, filters, defaultPath, properties: ['showOverwriteConfirmation'] };
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return { path: result.canceled || !result.filePath ? null : result.filePath };
  };
  return {
    openDatabase: async (): Promise<PickedPath> => ({ path: (await open('Open a file of assessments', [DATABASE], false))[0] ?? null }),
    newDatabase: (): Promise<PickedPath> => save('Start a new file of assessments', [DATABASE], 'assessments.sscp'),
    openEvidenceFiles: async (): Promise<PickedPaths> => ({ paths: await open('Attach evidence files', OPEN_FILTERS.evidence, true) }),
    chooseFile: async (purpose: FilePurpose): Promise<PickedPath> => ({
      path: (await open('Choose a file', OPEN_FILTERS[purpose], false))[0] ?? null,
    }),
    chooseFolder: async (): Promise<PickedPath> => {
      const window = parent();
      const options: OpenDialogOptions = { title: 'Choose a folder', properties: ['openDirectory', 'createDirectory'] };
      const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
      return { path: result.canceled ? null : (result.filePaths[0] ?? null) };
    },
    saveFile: (purpose: SavePurpose, suggestedName: string): Promise<PickedPath> => {
      const folder = defaultFolder();
      return save('Save as', SAVE_FILTERS[purpose], folder ? join(folder, suggestedName) : suggestedName);
    },
  };
}
