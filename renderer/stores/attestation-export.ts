import { create } from 'zustand';
import { call } from '../ipc/client';
import { useAnnouncer } from './announcer';
import { fileName } from './session';
import { runTracked } from './tracked-job';

interface AttestationExportState {
  readonly busy: boolean;
  readonly exportAttestation: (assessmentId: string, organisation: string) => Promise<void>;
}

/** Writes the assessment as a CycloneDX 1.6 attestation, for customers' supplier-risk tools (docs/attestation.md). */
export const useAttestationExport = create<AttestationExportState>((set) => ({
  busy: false,
  exportAttestation: async (assessmentId, organisation) => {
    const { path } = await call('dialogs.saveFile', {
      purpose: 'attestation',
      suggestedName: `${organisation.replace(/[^\w .-]+/g, '_')} SSCP attestation.cdx.json`,
    });
    if (!path) return;
    set({ busy: true });
    try {
      const { signed } = await runTracked(
        'attestations.export',
        { assessmentId, outPath: path },
        { label: 'Saving the CycloneDX attestation', name: fileName(path), cancellable: true },
      );
      useAnnouncer
        .getState()
        .announce(
          signed
            ? `CycloneDX attestation saved to ${path}.`
            : `CycloneDX attestation saved to ${path}. The assessment is not signed yet, so it carries no affirmation by the SRO.`,
        );
    } finally {
      set({ busy: false });
    }
  },
}));
