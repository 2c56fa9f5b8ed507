import type { FsReason } from '../../../shared/error-reasons/fs';
import type { ExamplesFor } from './types';

const w = { what: 'pack' } as const;
const read = { path: '/tmp/in/root.pem', what: 'trusted root certificate file', hint: 'Give the organisation root certificate (.pem).' };

export const FS_EXAMPLES: ExamplesFor<FsReason> = {
  'export-cancelled': { code: 'export-cancelled', what: 'Word form' },
  'write-folder-read-only': { code: 'write-folder-read-only', folder: '/mnt/ro', ...w },
  'write-not-permitted': { code: 'write-not-permitted', path: '/etc/pack.pdf', ...w },
  'write-file-busy': { code: 'write-file-busy', path: '/tmp/pack.pdf', ...w },
  'write-disk-full': { code: 'write-disk-full', folder: '/mnt/usb', ...w },
  'write-quota-used-up': { code: 'write-quota-used-up', folder: '/home/sam', ...w },
  'write-file-too-large': { code: 'write-file-too-large', folder: '/mnt/fat', ...w },
  'write-target-is-folder': { code: 'write-target-is-folder', path: '/tmp/out', ...w },
  'write-path-through-file': { code: 'write-path-through-file', folder: '/tmp/a.txt', path: '/tmp/a.txt/pack.pdf', ...w },
  'write-folder-missing': { code: 'write-folder-missing', folder: '/tmp/nowhere', ...w },
  'write-name-too-long': { code: 'write-name-too-long', path: `/tmp/${'x'.repeat(300)}.pdf`, ...w },
  'write-link-loop': { code: 'write-link-loop', path: '/tmp/loop', ...w },
  'write-disk-error': { code: 'write-disk-error', folder: '/mnt/usb', ...w },
  'destination-folder-not-folder': { code: 'destination-folder-not-folder', folder: '/tmp/a.txt/b', ...w },
  'destination-folder-is-file': { code: 'destination-folder-is-file', folder: '/tmp/a.txt', ...w },
  'destination-is-workspace-file': {
    code: 'destination-is-workspace-file',
    path: '/tmp/link.pdf',
    file: 'wal',
    filePath: '/tmp/a.sscp-wal',
    hardLink: true,
    ...w,
  },
  'destination-in-evidence-folder': {
    code: 'destination-in-evidence-folder',
    path: '/tmp/a.evidence/pack.pdf',
    evidenceFolder: '/tmp/a.evidence',
    ...w,
  },
  'destination-is-key-store': { code: 'destination-is-key-store', path: '/home/sam/keys.db', keyStorePath: '/home/sam/keys.db', ...w },
  'destination-name-missing': { code: 'destination-name-missing', ...w },
  'destination-names-folder': { code: 'destination-names-folder', path: '/tmp/out/', example: '/tmp/out/evidence-pack.pdf', ...w },
  'destination-is-folder': { code: 'destination-is-folder', path: '/tmp/out', example: null, ...w },
  'destination-not-ordinary': { code: 'destination-not-ordinary', path: '/dev/null', ...w },
  'destination-exists': {
    code: 'destination-exists',
    path: '/tmp/pack.pdf',
    cliHint: 'Add --force to replace it, or give --out another name.',
    ...w,
  },
  'read-not-a-file': { code: 'read-not-a-file', type: 'a named pipe (FIFO)', ...read },
  'read-missing': { code: 'read-missing', ...read, what: null },
  'read-is-folder': { code: 'read-is-folder', ...read },
  'read-not-permitted': { code: 'read-not-permitted', ...read },
  'read-link-loop': { code: 'read-link-loop', ...read },
  'read-failed': { code: 'read-failed', detail: 'EIO', ...read },
  'read-too-large': { code: 'read-too-large', max: '1 MB', ...read },
};
