import { create } from 'zustand';
import type { ContractArgs } from '../../shared/ipc/contract';
import type { IdentityBackupView, IdentityView } from '../../shared/ipc/views-signing';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { useSession } from './session';

interface IdentitiesState {
  readonly items: readonly IdentityView[];
  readonly loaded: boolean;
  readonly load: () => Promise<void>;
  readonly create: (args: ContractArgs<'identities.create'>) => Promise<IdentityView>;
  readonly importP12: (args: Omit<ContractArgs<'identities.importP12'>, 'filePath'>) => Promise<IdentityView | null>;
  readonly exportCertificate: (label: string, root: boolean) => Promise<void>;
  /** Asks where to save, then writes a .p12 backup; null when the save dialog was cancelled. */
  readonly exportBackup: (args: Omit<ContractArgs<'identities.exportBackup'>, 'outPath'>) => Promise<IdentityBackupView | null>;
  /** Records that the SRO has been reminded to back this identity up, so the reminder shows once. */
  readonly backupReminded: (label: string) => Promise<void>;
}

/** A file name from a label: what the save dialog suggests. */
function safeName(label: string): string {
  return label.replace(/[^\w .-]+/g, '_');
}

/** The SRO's signing identities, from the key store on this computer (whichever database is open). */
export const useIdentities = create<IdentitiesState>((set, get) => {
  const adopt = async (identity: IdentityView): Promise<IdentityView> => {
    await get().load();
    // The first identity becomes the default, so signing needs one choice fewer.
    if (!useSession.getState().settings?.defaultIdentityId)
      await useSession.getState().updateSettings({ defaultIdentityId: identity.label });
    return identity;
  };
  return {
    items: [],
    loaded: false,
    load: async () => set({ items: await call('identities.list', {}), loaded: true }),
    create: async (args) => {
      const identity = await adopt(await call('identities.create', args));
      useAnnouncer.getState().announce(`Signing identity "${identity.label}" created.`);
      return identity;
    },
    importP12: async (args) => {
      const { path } = await call('dialogs.chooseFile', { purpose: 'p12' });
      if (!path) return null;
      const identity = await adopt(await call('identities.importP12', { ...args, filePath: path }));
      useAnnouncer.getState().announce(`Signing identity "${identity.label}" imported.`);
      return identity;
    },
    exportCertificate: async (label, root) => {
      const { path } = await call('dialogs.saveFile', {
        purpose: 'certificate',
        suggestedName: `${safeName(label)}${root ? ' root' : ''}.pem`,
      });
      if (!path) return;
      await call('identities.exportCertificate', { label, root, outPath: path });
      useAnnouncer.getState().announce(`Certificate saved to ${path}.`);
    },
    exportBackup: async (args) => {
      const { path } = await call('dialogs.saveFile', { purpose: 'backup', suggestedName: `${safeName(args.label)} backup.p12` });
      if (!path) return null;
      const backup = await call('identities.exportBackup', { ...args, outPath: path });
      await get().load();
      useAnnouncer.getState().announce([`Backup of "${backup.label}" saved to ${backup.path}.`, ...backup.warnings].join(' '));
      return backup;
    },
    backupReminded: async (label) => {
      const updated = await call('identities.backupReminded', { label });
      set({ items: get().items.map((i) => (i.label === updated.label ? updated : i)) });
    },
  };
});
