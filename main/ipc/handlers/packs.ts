import { exportPack } from '../../pack/export-pack';
import { verifyPack } from '../../pack/verify/verify-pack';
import { importPack, previewPackImport, type PackTrust } from '../../import/pack-import';
import type { HandlerTable } from '../dispatch';
import type { HandlerContext } from './context';

type Channels = 'packs.export' | 'packs.verify' | 'packs.previewImport' | 'packs.import';

const PHASES = { layout: 'Laying out the report', embed: 'Embedding the evidence', sign: 'Signing', done: 'Finishing' } as const;
const IMPORT_PHASES = { verify: 'Checking the signature and every file', store: 'Storing the evidence', record: 'Recording the import' } as const;

function trustOf(fingerprint: string | undefined): PackTrust {
  return fingerprint ? { fingerprint: fingerprint.replace(/:/g, '').toLowerCase() } : {};
}

export function packHandlers({ ws, identities, jobs }: HandlerContext): Pick<HandlerTable, Channels> {
  return {
    'packs.export': async (request) => {
      const workspace = ws();
      const identityService = identities();
      const jobId = jobs.start(async ({ signal, progress }) => {
        const exported = await exportPack(workspace, identityService, request, {
          signal,
          onProgress: (p) => progress(PHASES[p.phase], p.bytesDone, p.bytesTotal),
        });
        // Check the file as a recipient would, before the SRO sends it anywhere.
        const verification = await verifyPack(exported.path, {
          fingerprint: exported.signerFingerprint,
          signal,
          onProgress: (p) => progress('Verifying the written pack', p.bytesDone, p.bytesTotal),
        });
        return { ...exported, verification };
      });
      return { jobId };
    },
    'packs.verify': async ({ path, fingerprint }) => {
      const jobId = jobs.start(({ signal, progress }) =>
        verifyPack(path, { ...trustOf(fingerprint), signal, onProgress: (p) => progress('Checking the signature and every file', p.bytesDone, p.bytesTotal) }),
      );
      return { jobId };
    },
    'packs.previewImport': async ({ path, fingerprint }) => {
      const workspace = ws();
      const jobId = jobs.start(({ signal, progress }) =>
        previewPackImport(workspace, path, trustOf(fingerprint), { signal, onProgress: (p) => progress(IMPORT_PHASES[p.phase], p.bytesDone, p.bytesTotal) }),
      );
      return { jobId };
    },
    'packs.import': async ({ path, fingerprint }) => {
      const workspace = ws();
      const jobId = jobs.start(({ signal, progress }) =>
        importPack(workspace, path, trustOf(fingerprint), { signal, onProgress: (p) => progress(IMPORT_PHASES[p.phase], p.bytesDone, p.bytesTotal) }),
      );
      return { jobId };
    },
  };
}
