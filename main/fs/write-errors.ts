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
  switch (err.code) {
    case 'EROFS':
      return SscpError.because({ code: 'write-folder-read-only', folder, what });
    case 'EACCES':
    case 'EPERM':
      return SscpError.because({ code: 'write-not-permitted', path, what });
    case 'EBUSY':
    case 'ETXTBSY':
      return SscpError.because({ code: 'write-file-busy', path, what });
    case 'ENOSPC':
      return SscpError.because({ code: 'write-disk-full', folder, what });
    case 'EDQUOT':
      return SscpError.because({ code: 'write-quota-used-up', folder, what });
    case 'EFBIG':
      return SscpError.because({ code: 'write-file-too-large', folder, what });
    case 'EISDIR':
      return SscpError.because({ code: 'write-target-is-folder', path, what });
    case 'ENOTDIR':
      return SscpError.because({ code: 'write-path-through-file', folder, path, what });
    case 'ENOENT':
      return SscpError.because({ code: 'write-folder-missing', folder, what });
    case 'ENAMETOOLONG':
      return SscpError.because({ code: 'write-name-too-long', path, what });
    case 'ELOOP':
      return SscpError.because({ code: 'write-link-loop', path, what });
    case 'EIO':
      return SscpError.because({ code: 'write-disk-error', folder, what });
    default:
      return null;
  }
}

/** `describeWriteFailure`, or `e` itself when it is not a write failure on the target. */
export function asWriteFailure(e: unknown, target: WriteTarget): unknown {
  return describeWriteFailure(e, target) ?? e;
}
