import { dirname } from 'node:path';
import { SscpError } from '../../shared/errors';

/** What is being written, for messages: "the pack", "the form", "the certificate". */
export interface WriteTarget {
  /** The file the person named (not the temp file beside it). */
  readonly path: string;
  /** A noun phrase: "pack", "Word form", "certificate". */
  readonly what: string;
  /** The temp file being written beside `path`, if any: its errors are the target's too. */
  readonly temp?: string;
}

/** Codes only a write raises, so an error without a path that carries one is the writer's. */
const WRITE_ONLY_CODES = new Set(['ENOSPC', 'EDQUOT', 'EFBIG', 'EROFS']);

/**
 * Whether a Node fs error arose on the target (or its temp file), rather than, say, on an
 * evidence file being read while the pack is written. Errors from a path name it; errors
 * from a file handle (a write that ran out of space) name none, and are claimed only when
 * the code is one a write alone raises.
 */
function isTargetError(e: NodeJS.ErrnoException, target: WriteTarget): boolean {
  const named = [e.path, (e as { dest?: string }).dest].filter((p): p is string => typeof p === 'string');
  if (named.length === 0) return WRITE_ONLY_CODES.has(e.code ?? '');
  return named.some((p) => p === target.path || p === target.temp || p === dirname(target.path));
}

/**
 * A Node fs error from writing `target`, in plain words with what to do, or null when `e` is
 * not such an error (an SscpError, a bug, a failure reading some other file), which the
 * caller then rethrows as it was. The message names the file the person chose, never the
 * temp file. The hints suit both the desktop app and the command line.
 */
export function describeWriteFailure(e: unknown, target: WriteTarget): SscpError | null {
  if (!(e instanceof Error)) return null;
  const err = e as NodeJS.ErrnoException;
  if (typeof err.code !== 'string' || !isTargetError(err, target)) return null;
  const { path, what } = target;
  const folder = dirname(path);
  const elsewhere = `Choose another folder for the ${what}.`;
  switch (err.code) {
    case 'EROFS':
      return new SscpError('unwritable', `The folder ${folder} is read-only, so the ${what} cannot be written there.`, elsewhere);
    case 'EACCES':
    case 'EPERM':
      return new SscpError(
        'unwritable',
        `You do not have permission to write the ${what} to ${path}.`,
        `Choose a folder you may write to, or ask whoever manages this computer for access. If ${path} is open in another program, close it first.`,
      );
    case 'EBUSY':
    case 'ETXTBSY':
      return new SscpError(
        'unwritable',
        `${path} is in use by another program, so the ${what} cannot be written there.`,
        'Close the file in the other program (a PDF viewer or Word, say) and try again, or choose another name.',
      );
    case 'ENOSPC':
      return new SscpError(
        'unwritable',
        `The disk holding ${folder} is full: the ${what} did not fit, and nothing was written.`,
        'Free some space on that disk, or choose a folder on another disk.',
      );
    case 'EDQUOT':
      return new SscpError(
        'unwritable',
        `Your disk quota for ${folder} is used up: the ${what} did not fit, and nothing was written.`,
        'Free some space, ask for a larger quota, or choose a folder on another disk.',
      );
    case 'EFBIG':
      return new SscpError(
        'unwritable',
        `The ${what} is larger than the disk holding ${folder} allows for one file (FAT32 drives hold at most 4 GiB).`,
        'Choose a folder on a disk that takes large files (NTFS, exFAT, APFS or ext4).',
      );
    case 'EISDIR':
      return new SscpError(
        'invalid-input',
        `${path} is a folder, so the ${what} cannot be written there.`,
        `Choose a file name for the ${what} inside that folder.`,
      );
    case 'ENOTDIR':
      return new SscpError(
        'not-found',
        `${folder} is not a folder: part of the path ${path} is a file.`,
        `Choose an existing folder for the ${what}.`,
      );
    case 'ENOENT':
      return new SscpError(
        'not-found',
        `The folder ${folder} does not exist, so the ${what} cannot be written there.`,
        `Choose an existing folder for the ${what}, or create the folder first.`,
      );
    case 'ENAMETOOLONG':
      return new SscpError(
        'invalid-input',
        `The name ${path} is too long for this disk.`,
        `Choose a shorter name or a folder nearer the top of the disk for the ${what}.`,
      );
    case 'ELOOP':
      return new SscpError(
        'invalid-input',
        `${path} is a chain of symbolic links that never ends in a file.`,
        `Choose another name for the ${what}.`,
      );
    case 'EIO':
      return new SscpError(
        'unwritable',
        `The disk holding ${folder} reported an error while the ${what} was being written; nothing was written.`,
        'Check that the disk is still connected and healthy, then try again, or choose a folder on another disk.',
      );
    default:
      return null;
  }
}

/** `describeWriteFailure`, or `e` itself when it is not a write failure on the target. */
export function asWriteFailure(e: unknown, target: WriteTarget): unknown {
  return describeWriteFailure(e, target) ?? e;
}
