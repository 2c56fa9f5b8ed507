import type { AppReason } from '../../../shared/error-reasons/app';
import type { StoreReason } from '../../../shared/error-reasons/store';
import type { ExamplesFor } from './types';

export const STORE_EXAMPLES: ExamplesFor<StoreReason> = {
  'assessment-id-missing': { code: 'assessment-id-missing' },
  'assessment-id-too-short': { code: 'assessment-id-too-short', id: 'ab', min: 4 },
  'assessment-id-no-match': { code: 'assessment-id-no-match', id: 'zzzz' },
  'assessment-id-ambiguous': {
    code: 'assessment-id-ambiguous',
    id: 'abcd',
    count: 7,
    matches: ['abcd1 ("Acme", 2026-01-01 to 2026-12-31, draft)', 'abcd2 ("Acme", … to …, signed)'],
  },
  'actor-name-unusable': { code: 'actor-name-unusable', problem: 'It holds a line break.', source: 'os-account' },
  'database-foreign': { code: 'database-foreign', path: '/tmp/other.db' },
  'database-not-sqlite': { code: 'database-not-sqlite', path: '/tmp/notes.txt' },
  'database-read-only': { code: 'database-read-only', path: '/mnt/ro/a.sscp', detail: 'EROFS' },
  'database-damaged': { code: 'database-damaged', path: '/tmp/a.sscp', detail: 'SQLITE_CORRUPT' },
  'database-unreadable': { code: 'database-unreadable', path: '/tmp/a.sscp', detail: 'EIO' },
  'database-newer': { code: 'database-newer', found: 99, readsUpTo: 12 },
  'blob-hash-invalid': { code: 'blob-hash-invalid', value: '../etc/passwd' },
  'evidence-add-cancelled': { code: 'evidence-add-cancelled', path: '/tmp/sbom.json' },
  'evidence-source-unreadable': { code: 'evidence-source-unreadable', path: '/tmp/sbom.json', detail: 'EIO: i/o error' },
  'evidence-changed-while-copied': { code: 'evidence-changed-while-copied', path: '/tmp/sbom.json' },
};

export const APP_EXAMPLES: ExamplesFor<AppReason> = {
  'dropped-item-missing': { code: 'dropped-item-missing', path: '/tmp/gone.pdf' },
  'dropped-folder': { code: 'dropped-folder' },
  'dropped-not-a-file': { code: 'dropped-not-a-file', path: '/tmp/fifo' },
  'save-location-not-chosen': { code: 'save-location-not-chosen' },
  'database-not-chosen': { code: 'database-not-chosen' },
  'file-not-chosen': { code: 'file-not-chosen' },
  'no-database-open': { code: 'no-database-open' },
  'reference-has-no-preview': { code: 'reference-has-no-preview' },
  'request-unknown': { code: 'request-unknown', channel: 'evil.channel' },
  'request-invalid': { code: 'request-invalid', where: 'patch.status', problem: 'Invalid enum value' },
  'job-unknown': { code: 'job-unknown', channel: 'packs.nope' },
  'job-without-caller': { code: 'job-without-caller' },
  'job-cancelled': { code: 'job-cancelled' },
};
