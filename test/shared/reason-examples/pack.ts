import type { PackReason } from '../../../shared/error-reasons/pack';
import type { ExamplesFor } from './types';

const f = { fileName: 'acme-pack.pdf' };

export const PACK_EXAMPLES: ExamplesFor<PackReason> = {
  'pack-catalog-unknown': { code: 'pack-catalog-unknown', catalogId: 'uk-sscp', catalogVersion: '2099.1' },
  'pack-text-unsignable': {
    code: 'pack-text-unsignable',
    detail: 'The organisation holds a hidden character.',
    fix: 'Take the hidden character out of the organisation.',
  },
  'pack-never-signable': { code: 'pack-never-signable', detail: 'The assessment period has not started yet.' },
  'pack-fonts-missing': { code: 'pack-fonts-missing', dir: '/opt/sscp/assets/fonts' },
  'pack-catalog-mismatch': {
    code: 'pack-catalog-mismatch',
    catalogId: 'uk-sscp',
    catalogVersion: '2025.1',
    askedId: 'uk-sscp',
    askedVersion: '2025.2',
  },
  'pack-signer-fingerprint-invalid': { code: 'pack-signer-fingerprint-invalid' },
  'pack-folder-missing': { code: 'pack-folder-missing', folder: '/tmp/nowhere' },
  'pack-signature-too-large': { code: 'pack-signature-too-large', size: 40000, capacity: 32768 },
  'pack-evidence-missing': { code: 'pack-evidence-missing', label: 'sbom.json' },
  'pack-export-cancelled': { code: 'pack-export-cancelled' },
  'verify-pack-unreadable': { code: 'verify-pack-unreadable', path: '/tmp/pack.pdf', errno: 'EACCES' },
  'verify-pack-not-pdf': { code: 'verify-pack-not-pdf', path: '/tmp/notes.txt' },
  'verify-pdf-not-a-pack': { code: 'verify-pdf-not-a-pack', path: '/tmp/report.pdf', why: 'it carries no manifest of evidence' },
  'pack-part-not-json': { code: 'pack-part-not-json', ...f, part: 'manifest.json' },
  'pack-attachments-duplicate': { code: 'pack-attachments-duplicate', ...f, names: ['sbom.json'] },
  'pack-manifest-missing': { code: 'pack-manifest-missing', ...f, part: 'manifest.json' },
  'pack-data-missing': { code: 'pack-data-missing', ...f, part: 'assessment.json' },
  'pack-manifest-invalid': { code: 'pack-manifest-invalid', ...f, part: 'manifest.json', where: 'packId: Required' },
  'pack-attachment-unlisted': { code: 'pack-attachment-unlisted', ...f, name: 'extra.bin' },
  'pack-attachment-absent': { code: 'pack-attachment-absent', ...f, name: 'sbom.json' },
  'pack-attachment-withheld-present': { code: 'pack-attachment-withheld-present', ...f, name: 'sbom.json' },
  'pack-attachment-size-wrong': { code: 'pack-attachment-size-wrong', ...f, name: 'sbom.json', length: '12 bytes', size: 10 },
  'pack-inconsistent': { code: 'pack-inconsistent', ...f, what: 'the pack id' },
  'pack-attachment-name-unsafe': { code: 'pack-attachment-name-unsafe', ...f, name: '../evil' },
  'pack-attachment-name-twice': { code: 'pack-attachment-name-twice', ...f, name: 'SBOM.json' },
  'pack-verify-cancelled': { code: 'pack-verify-cancelled', ...f },
};
