import type { ImportReason } from '../../../shared/error-reasons/import';
import type { ExamplesFor } from './types';

const f = { fileName: 'acme-pack.pdf' };

export const IMPORT_EXAMPLES: ExamplesFor<ImportReason> = {
  'pack-data-version-newer': { code: 'pack-data-version-newer', packName: 'acme-pack.pdf', version: 9, supported: [1, 2] },
  'pack-data-version-unknown': { code: 'pack-data-version-unknown', packName: 'acme-pack.pdf', version: '"x"' },
  'pack-data-invalid': { code: 'pack-data-invalid', packName: 'acme-pack.pdf', where: 'assessment.role: Invalid enum value' },
  'pack-changed-while-imported': { code: 'pack-changed-while-imported', ...f },
  'pack-not-pdf': { code: 'pack-not-pdf', path: '/tmp/notes.txt' },
  'pack-structure-damaged': { code: 'pack-structure-damaged', ...f, detail: 'The cross-reference table is damaged.' },
  'pack-manifest-mismatch': { code: 'pack-manifest-mismatch', ...f, name: 'sbom.json', problem: null },
  'pack-import-cancelled': { code: 'pack-import-cancelled', ...f },
  'pack-empty': { code: 'pack-empty', path: '/tmp/empty.pdf' },
  'pdf-not-a-pack': { code: 'pdf-not-a-pack', ...f, why: 'it holds no manifest.json' },
  'pack-incomplete': { code: 'pack-incomplete', ...f, detail: 'unexpected end of file' },
  'pack-compressed-part-damaged': { code: 'pack-compressed-part-damaged', ...f, detail: 'incorrect header check' },
  'pack-manifest-newer': { code: 'pack-manifest-newer', ...f, version: 9 },
  'pack-text-too-long': { code: 'pack-text-too-long', ...f, where: 'the arguments of claim 1.1.1', length: 200001, max: 100000 },
};
