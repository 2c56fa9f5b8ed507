import type { KindsFor, WordsFor } from './types';

/**
 * Refusals about files on disk (`main/fs`): a file to write and its folder, a file to read.
 * `what` is a noun phrase for the file ("pack", "Word form"); paths are facts from outside.
 */
export type FsReason =
  // Long work stopped by the person (main/fs/cancel.ts)
  | { readonly code: 'export-cancelled'; readonly what: string }
  // Writing a file (main/fs/write-errors.ts, main/fs/destination.ts)
  | { readonly code: 'write-folder-read-only'; readonly folder: string; readonly what: string }
  | { readonly code: 'write-not-permitted'; readonly path: string; readonly what: string }
  | { readonly code: 'write-file-busy'; readonly path: string; readonly what: string }
  | { readonly code: 'write-disk-full'; readonly folder: string; readonly what: string }
  | { readonly code: 'write-quota-used-up'; readonly folder: string; readonly what: string }
  | { readonly code: 'write-file-too-large'; readonly folder: string; readonly what: string }
  | { readonly code: 'write-target-is-folder'; readonly path: string; readonly what: string }
  | { readonly code: 'write-path-through-file'; readonly folder: string; readonly path: string; readonly what: string }
  | { readonly code: 'write-folder-missing'; readonly folder: string; readonly what: string }
  | { readonly code: 'write-name-too-long'; readonly path: string; readonly what: string }
  | { readonly code: 'write-link-loop'; readonly path: string; readonly what: string }
  | { readonly code: 'write-disk-error'; readonly folder: string; readonly what: string }
  | { readonly code: 'destination-folder-not-folder'; readonly folder: string; readonly what: string }
  | { readonly code: 'destination-folder-is-file'; readonly folder: string; readonly what: string }
  | {
      readonly code: 'destination-is-workspace-file';
      readonly path: string;
      readonly what: string;
      readonly file: WorkspaceFile;
      readonly filePath: string;
      /** The destination is that file under another name (a hard link to it). */
      readonly hardLink: boolean;
    }
  | { readonly code: 'destination-in-evidence-folder'; readonly path: string; readonly what: string; readonly evidenceFolder: string }
  | { readonly code: 'destination-is-key-store'; readonly path: string; readonly what: string; readonly keyStorePath: string }
  | { readonly code: 'destination-name-missing'; readonly what: string }
  | { readonly code: 'destination-names-folder'; readonly path: string; readonly what: string; readonly example: string | null }
  | { readonly code: 'destination-is-folder'; readonly path: string; readonly what: string; readonly example: string | null }
  | { readonly code: 'destination-not-ordinary'; readonly path: string; readonly what: string }
  | {
      readonly code: 'destination-exists';
      readonly path: string;
      readonly what: string;
      /** What the CLI says to do instead, naming its own flag (`--force`); the app never shows it. */
      readonly cliHint: string | null;
    }
  // Reading a file the person named (main/fs/regular-file.ts). `hint` is the role's advice,
  // the same on both surfaces (a FileRole names no flag); `what` is null for a plain "file".
  | { readonly code: 'read-not-a-file'; readonly path: string; readonly what: string | null; readonly type: string; readonly hint: string }
  | { readonly code: 'read-missing'; readonly path: string; readonly what: string | null; readonly hint: string }
  | { readonly code: 'read-is-folder'; readonly path: string; readonly what: string | null; readonly hint: string }
  | { readonly code: 'read-not-permitted'; readonly path: string; readonly what: string | null; readonly hint: string }
  | { readonly code: 'read-link-loop'; readonly path: string; readonly what: string | null; readonly hint: string }
  | { readonly code: 'read-failed'; readonly path: string; readonly what: string | null; readonly detail: string; readonly hint: string }
  | { readonly code: 'read-too-large'; readonly path: string; readonly what: string | null; readonly max: string; readonly hint: string };

/** The files beside a database that a write must never replace. */
export type WorkspaceFile = 'database' | 'wal' | 'shm' | 'journal';

const WORKSPACE_FILE: { readonly [F in WorkspaceFile]: string } = {
  database: 'the assessments database itself',
  wal: "the database's write-ahead log",
  shm: "the database's shared-memory file",
  journal: "the database's rollback journal",
};

export const FS_KIND: KindsFor<FsReason> = {
  'export-cancelled': 'cancelled',
  'write-folder-read-only': 'unwritable',
  'write-not-permitted': 'unwritable',
  'write-file-busy': 'unwritable',
  'write-disk-full': 'unwritable',
  'write-quota-used-up': 'unwritable',
  'write-file-too-large': 'unwritable',
  'write-target-is-folder': 'invalid-input',
  'write-path-through-file': 'not-found',
  'write-folder-missing': 'not-found',
  'write-name-too-long': 'invalid-input',
  'write-link-loop': 'invalid-input',
  'write-disk-error': 'unwritable',
  'destination-folder-not-folder': 'not-found',
  'destination-folder-is-file': 'not-found',
  'destination-is-workspace-file': 'conflict',
  'destination-in-evidence-folder': 'conflict',
  'destination-is-key-store': 'conflict',
  'destination-name-missing': 'invalid-input',
  'destination-names-folder': 'invalid-input',
  'destination-is-folder': 'invalid-input',
  'destination-not-ordinary': 'invalid-input',
  'destination-exists': 'conflict',
  'read-not-a-file': 'invalid-input',
  'read-missing': 'not-found',
  'read-is-folder': 'invalid-input',
  'read-not-permitted': 'unreadable',
  'read-link-loop': 'invalid-input',
  'read-failed': 'unreadable',
  'read-too-large': 'invalid-input',
};

/** "The evidence pack /x/y.pdf", or the path alone for a plain file. */
const subject = (r: { readonly path: string; readonly what: string | null }): string => (r.what ? `The ${r.what} ${r.path}` : r.path);

export const FS_MESSAGES: WordsFor<FsReason> = {
  'export-cancelled': (r) => `The ${r.what} export was cancelled; no file was written.`,
  'write-folder-read-only': (r) => `The folder ${r.folder} is read-only, so the ${r.what} cannot be written there.`,
  'write-not-permitted': (r) => `You do not have permission to write the ${r.what} to ${r.path}.`,
  'write-file-busy': (r) => `${r.path} is in use by another program, so the ${r.what} cannot be written there.`,
  'write-disk-full': (r) => `The disk holding ${r.folder} is full: the ${r.what} did not fit, and nothing was written.`,
  'write-quota-used-up': (r) => `Your disk quota for ${r.folder} is used up: the ${r.what} did not fit, and nothing was written.`,
  'write-file-too-large': (r) =>
    `The ${r.what} is larger than the disk holding ${r.folder} allows for one file (FAT32 drives hold at most 4 GiB).`,
  'write-target-is-folder': (r) => `${r.path} is a folder, so the ${r.what} cannot be written there.`,
  'write-path-through-file': (r) => `${r.folder} is not a folder: part of the path ${r.path} is a file.`,
  'write-folder-missing': (r) => `The folder ${r.folder} does not exist, so the ${r.what} cannot be written there.`,
  'write-name-too-long': (r) => `The name ${r.path} is too long for this disk.`,
  'write-link-loop': (r) => `${r.path} is a chain of symbolic links that never ends in a file.`,
  'write-disk-error': (r) => `The disk holding ${r.folder} reported an error while the ${r.what} was being written; nothing was written.`,
  'destination-folder-not-folder': (r) => `${r.folder} is not a folder: part of that path is a file.`,
  'destination-folder-is-file': (r) => `${r.folder} is a file, not a folder, so the ${r.what} cannot be written inside it.`,
  'destination-is-workspace-file': (r) =>
    `The ${r.what} cannot be written to ${r.path}: that is ${WORKSPACE_FILE[r.file]}${
      r.hardLink ? ` under another name: a hard link to ${r.filePath}` : ` (${r.filePath})`
    }. Writing there would destroy the assessments, the signing keys and the audit log.`,
  'destination-in-evidence-folder': (r) =>
    `The ${r.what} cannot be written to ${r.path}: that is inside the database's evidence folder (${r.evidenceFolder}), which holds the attached evidence files.`,
  'destination-is-key-store': (r) =>
    `The ${r.what} cannot be written to ${r.path}: that is the key store that holds your signing keys (${r.keyStorePath}). Writing there would destroy them.`,
  'destination-name-missing': (r) => `No file name was given for the ${r.what}.`,
  'destination-names-folder': (r) => `${r.path} names a folder, so the ${r.what} cannot be written there.`,
  'destination-is-folder': (r) => `${r.path} is a folder, so the ${r.what} cannot be written there.`,
  'destination-not-ordinary': (r) =>
    `${r.path} is not an ordinary file (it is a device, a pipe or a socket), so the ${r.what} cannot be written there.`,
  'destination-exists': (r) => `${r.path} already exists; it was left as it was.`,
  'read-not-a-file': (r) => `${subject(r)} is ${r.type}, not a file.`,
  'read-missing': (r) => (r.what ? `The ${r.what} ${r.path} cannot be read: it does not exist.` : `There is no file at ${r.path}.`),
  'read-is-folder': (r) => `${subject(r)} is a folder, not a file.`,
  'read-not-permitted': (r) => `${subject(r)} cannot be read: you do not have permission to read it.`,
  'read-link-loop': (r) => `${subject(r)} is a symbolic link that loops back on itself.`,
  'read-failed': (r) => `${subject(r)} cannot be read (${r.detail}).`,
  'read-too-large': (r) => `${subject(r)} is larger than ${r.max}, far too large to be ${r.what ? `a ${r.what}` : 'what was asked for'}.`,
};

export type FsCodesBySurface = 'destination-exists';

const inside = (r: { readonly what: string; readonly example: string | null }): string =>
  `Give the file name for the ${r.what} inside that folder${r.example ? `, for example ${r.example}` : ''}.`;

/** What to do, where it reads the same in the CLI and in the app. */
export const FS_HINTS: Omit<WordsFor<FsReason>, FsCodesBySurface> = {
  'export-cancelled': () => 'Export it again when you are ready.',
  'write-folder-read-only': (r) => `Choose another folder for the ${r.what}.`,
  'write-not-permitted': (r) =>
    `Choose a folder you may write to, or ask whoever manages this computer for access. If ${r.path} is open in another program, close it first.`,
  'write-file-busy': () => 'Close the file in the other program (a PDF viewer or Word, say) and try again, or choose another name.',
  'write-disk-full': () => 'Free some space on that disk, or choose a folder on another disk.',
  'write-quota-used-up': () => 'Free some space, ask for a larger quota, or choose a folder on another disk.',
  'write-file-too-large': () => 'Choose a folder on a disk that takes large files (NTFS, exFAT, APFS or ext4).',
  'write-target-is-folder': (r) => `Choose a file name for the ${r.what} inside that folder.`,
  'write-path-through-file': (r) => `Choose an existing folder for the ${r.what}.`,
  'write-folder-missing': (r) => `Choose an existing folder for the ${r.what}, or create the folder first.`,
  'write-name-too-long': (r) => `Choose a shorter name or a folder nearer the top of the disk for the ${r.what}.`,
  'write-link-loop': (r) => `Choose another name for the ${r.what}.`,
  'write-disk-error': () => 'Check that the disk is still connected and healthy, then try again, or choose a folder on another disk.',
  'destination-folder-not-folder': (r) => `Choose an existing folder for the ${r.what}.`,
  'destination-folder-is-file': (r) => `Choose an existing folder for the ${r.what}.`,
  'destination-is-workspace-file': (r) => `Choose another name for the ${r.what}, outside the database and its evidence folder.`,
  'destination-in-evidence-folder': (r) => `Choose another folder for the ${r.what}, outside the database's evidence folder.`,
  'destination-is-key-store': (r) => `Choose another name for the ${r.what}, outside the key store's folder.`,
  'destination-name-missing': (r) => `Choose a file name for the ${r.what}.`,
  'destination-names-folder': inside,
  'destination-is-folder': inside,
  'destination-not-ordinary': (r) => `Choose a file name for the ${r.what}.`,
  'read-not-a-file': (r) => r.hint,
  'read-missing': (r) => r.hint,
  'read-is-folder': (r) => r.hint,
  'read-not-permitted': (r) => r.hint,
  'read-link-loop': (r) => r.hint,
  'read-failed': (r) => r.hint,
  'read-too-large': (r) => r.hint,
};

/** What to do about an existing file, where the person may not replace it (the app asks first). */
export const existsHint = (r: { readonly what: string }): string => `Choose another name for the ${r.what}, or agree to replace the file.`;
