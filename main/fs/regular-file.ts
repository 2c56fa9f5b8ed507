import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync, type Stats } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { SscpError } from '../../shared/errors';

/**
 * The one way a file the user named (on the command line or through the app) is opened for
 * reading. It is opened without blocking, so a named pipe cannot hang the open, and the open
 * descriptor is checked with fstat: anything but a regular file (a folder, a pipe, a socket,
 * a device such as /dev/zero) is refused with a plain message before a byte is read. The
 * descriptor checked is the descriptor read, so the file cannot be swapped in between.
 */

/** What the file is for, in the words of the messages about it. */
export interface FileRole {
  /** "trusted root certificate file", "evidence pack"…; without it the messages say "file". */
  readonly what?: string;
  /** What to do when it cannot be used. Shown by the app too: no command-line flags here. */
  readonly hint: string;
}

export interface OpenedFile {
  readonly size: number;
  /** Where a symbolic link given as the path led (the resolved path), or null for no link. */
  readonly followedLink: string | null;
}

export interface OpenedHandle extends OpenedFile {
  readonly handle: FileHandle;
}

export interface OpenedFd extends OpenedFile {
  readonly fd: number;
}

// Windows has no O_NONBLOCK (and no FIFOs to block on); 0 leaves the flags as they are.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/** The facts every refusal to read names: the file, what it is for, and the role's advice. */
function facts(path: string, role: FileRole): { path: string; what: string | null; hint: string } {
  return { path, what: role.what ?? null, hint: role.hint };
}

/** "a folder", "a named pipe (FIFO)"…: what a non-regular file is, for a person. */
export function describeFileType(
  st: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>,
): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSymbolicLink()) return 'a symbolic link';
  return 'not an ordinary file';
}

function notRegular(path: string, role: FileRole, st: Parameters<typeof describeFileType>[0]): SscpError {
  return SscpError.because({ code: 'read-not-a-file', ...facts(path, role), type: describeFileType(st) });
}

function openFailed(path: string, role: FileRole, e: unknown): SscpError {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return SscpError.because({ code: 'read-missing', ...facts(path, role) });
  }
  if (code === 'EISDIR') return SscpError.because({ code: 'read-is-folder', ...facts(path, role) });
  // A socket cannot be opened at all (ENXIO); say what it is rather than the error code.
  if (code === 'ENXIO' || code === 'ENODEV' || code === 'EOPNOTSUPP') {
    try {
      return notRegular(path, role, lstatSync(path));
    } catch {
      // fall through to the plain report
    }
  }
  if (code === 'EACCES' || code === 'EPERM') {
    return SscpError.because({ code: 'read-not-permitted', ...facts(path, role) });
  }
  if (code === 'ELOOP') return SscpError.because({ code: 'read-link-loop', ...facts(path, role) });
  return SscpError.because({ code: 'read-failed', ...facts(path, role), detail: code ?? (e as Error).message });
}

/** A read of a file already opened that failed (a disk error, a network share gone): the file and the system's code. */
export function readFailed(path: string, role: FileRole, e: unknown): SscpError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return SscpError.because({ code: 'read-failed', ...facts(path, role), detail: code ?? String((e as Error | null)?.message ?? e) });
}

/** Where a symbolic link at `path` leads, or null when `path` is not a link. */
function linkTarget(path: string): string | null {
  try {
    if (!lstatSync(path).isSymbolicLink()) return null;
    return realpathSync(path);
  } catch {
    return null;
  }
}

/** Opens a regular file for reading; the caller closes the handle. */
export async function openRegularFile(path: string, role: FileRole): Promise<OpenedHandle> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (e) {
    throw openFailed(path, role, e);
  }
  try {
    const st = await handle.stat();
    if (!st.isFile()) throw notRegular(path, role, st);
    return { handle, size: st.size, followedLink: linkTarget(path) };
  } catch (e) {
    await handle.close();
    if (e instanceof SscpError) throw e;
    throw openFailed(path, role, e);
  }
}

/** The synchronous twin of openRegularFile, for the few callers that cannot wait; the caller closes `fd`. */
export function openRegularFileSync(path: string, role: FileRole): OpenedFd {
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (e) {
    throw openFailed(path, role, e);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw notRegular(path, role, st);
    return { fd, size: st.size, followedLink: linkTarget(path) };
  } catch (e) {
    closeSync(fd);
    if (e instanceof SscpError) throw e;
    throw openFailed(path, role, e);
  }
}

/** Checks that `path` is a regular file the user may read, without reading it. */
export async function checkRegularFile(path: string, role: FileRole): Promise<OpenedFile> {
  const { handle, size, followedLink } = await openRegularFile(path, role);
  await handle.close();
  return { size, followedLink };
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

function tooLarge(path: string, role: FileRole, maxBytes: number): SscpError {
  return SscpError.because({ code: 'read-too-large', ...facts(path, role), max: formatBytes(maxBytes) });
}

/** A file that grew while it was read: room for more, but never past the cap + 1 byte. */
function grown(buf: Buffer, maxBytes: number): Buffer {
  const bigger = Buffer.alloc(Math.min(buf.length * 2, maxBytes + 1));
  buf.copy(bigger);
  return bigger;
}

/**
 * Reads a small file (a passphrase, a certificate, a .p12) whole, but never more than
 * `maxBytes`: at most maxBytes + 1 bytes are read, whatever the file claims its size is, so
 * a file that grows while it is read cannot exhaust memory either.
 */
export function readSmallFileSync(path: string, maxBytes: number, role: FileRole): Buffer {
  const { fd, size } = openRegularFileSync(path, role);
  try {
    if (size > maxBytes) throw tooLarge(path, role, maxBytes);
    let buf: Buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let done = 0;
    for (;;) {
      if (done === buf.length) buf = grown(buf, maxBytes);
      const n = readSync(fd, buf, done, buf.length - done, done);
      if (n === 0) break;
      done += n;
      if (done > maxBytes) throw tooLarge(path, role, maxBytes);
    }
    return buf.subarray(0, done);
  } catch (e) {
    if (e instanceof SscpError) throw e;
    throw openFailed(path, role, e);
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads an opened file whole, but at most `maxBytes + 1` bytes whatever its size: the bytes,
 * or null when the file holds more than `maxBytes` (it grew, or `size` was wrong).
 */
export async function readCapped(handle: FileHandle, size: number, maxBytes: number): Promise<Buffer | null> {
  if (size > maxBytes) return null;
  let buf: Buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
  let done = 0;
  for (;;) {
    if (done === buf.length) buf = grown(buf, maxBytes);
    const { bytesRead } = await handle.read(buf, done, buf.length - done, done);
    if (bytesRead === 0) break;
    done += bytesRead;
    if (done > maxBytes) return null;
  }
  return buf.subarray(0, done);
}

/** The asynchronous twin of readSmallFileSync. */
export async function readSmallFile(path: string, maxBytes: number, role: FileRole): Promise<Buffer> {
  const { handle, size } = await openRegularFile(path, role);
  try {
    const bytes = await readCapped(handle, size, maxBytes);
    if (!bytes) throw tooLarge(path, role, maxBytes);
    return bytes;
  } catch (e) {
    if (e instanceof SscpError) throw e;
    throw openFailed(path, role, e);
  } finally {
    await handle.close();
  }
}
