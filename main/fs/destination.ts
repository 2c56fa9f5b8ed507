import { link, lstat, readlink, realpath, rename, rm, stat } from 'node:fs/promises';
import { linkSync, lstatSync, renameSync, rmSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve, sep } from 'node:path';
import type { WorkspaceFile } from '../../shared/error-reasons/fs';
import { SscpError } from '../../shared/errors';
import { evidenceDirFor } from './store-paths';
import { asWriteFailure } from './write-errors';

/**
 * The one guard every command and app action runs before it writes a file the person named
 * (a pack, the Word form, a certificate): nothing the app writes may destroy the person's
 * data, whatever spelling of the path reaches it.
 */
export interface DestinationRequest {
  /** A noun for messages: "pack", "Word form", "certificate". */
  readonly what: string;
  /**
   * The database open while writing. Neither it, its SQLite companions (-wal, -shm, -journal)
   * nor anything in its evidence folder is ever a destination, with or without consent.
   */
  readonly database?: string;
  /**
   * The person agreed to replace an existing file: the app's save dialog asked, or the
   * command line was given --force. Without it an existing file is refused.
   */
  readonly replace: boolean;
  /**
   * Other SQLite files that must never be a destination, with their companions: the key
   * store that holds the signing keys (main/signing/key-store.ts).
   */
  readonly protect?: readonly string[];
  /** What the CLI says to do about an existing file, naming its --force; the app words its own. */
  readonly existsHint?: string;
  /** A file name to suggest when a folder was given, like "evidence-pack.pdf". */
  readonly exampleName?: string;
}

const COMPANIONS: readonly (readonly [string, WorkspaceFile])[] = [
  ['', 'database'],
  ['-wal', 'wal'],
  ['-shm', 'shm'],
  ['-journal', 'journal'],
];

const MAX_LINKS = 40;

/** Names compare without case where the usual file systems ignore it. */
function samePath(a: string, b: string): boolean {
  return process.platform === 'darwin' || process.platform === 'win32' ? a.toLowerCase() === b.toLowerCase() : a === b;
}

function isInside(path: string, folder: string): boolean {
  const prefix = folder.endsWith(sep) ? folder : folder + sep;
  return samePath(path, folder) || samePath(path.slice(0, prefix.length), prefix);
}

function code(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException).code;
}

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return await lstat(path);
  } catch (e) {
    if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return null;
    throw e;
  }
}

async function statOrNull(path: string): Promise<Stats | null> {
  try {
    return await stat(path);
  } catch (e) {
    if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR' || code(e) === 'ELOOP') return null;
    throw e;
  }
}

/**
 * The path a write to `path` would land on: its folder resolved through every symbolic link
 * and `..`, and the final name followed while it is a link (even one to a file that does
 * not exist yet). A folder that does not exist stays as spelled: nothing can be inside it.
 */
async function canonical(path: string, depth = 0): Promise<string> {
  if (depth > MAX_LINKS) throw Object.assign(new Error(`too many symbolic links: ${path}`), { code: 'ELOOP', path });
  const abs = resolve(path);
  let folder: string;
  try {
    folder = await realpath(dirname(abs));
  } catch (e) {
    if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return abs;
    throw e;
  }
  const full = join(folder, basename(abs));
  const st = await lstatOrNull(full);
  if (!st?.isSymbolicLink()) return full;
  return canonical(resolve(folder, await readlink(full)), depth + 1);
}

/** The folder the file goes in must exist and be a folder; said in plain words. */
async function checkFolder(abs: string, what: string): Promise<void> {
  const folder = dirname(abs);
  let st: Stats;
  try {
    st = await stat(folder);
  } catch (e) {
    if (code(e) === 'ENOENT') {
      throw SscpError.because({ code: 'write-folder-missing', folder, what });
    }
    if (code(e) === 'ENOTDIR') {
      throw SscpError.because({ code: 'destination-folder-not-folder', folder, what });
    }
    throw asWriteFailure(e, { path: abs, what });
  }
  if (!st.isDirectory()) {
    throw SscpError.because({ code: 'destination-folder-is-file', folder, what });
  }
}

function refuseWorkspaceFile(path: string, what: string, file: WorkspaceFile, filePath: string, hardLink: boolean): never {
  throw SscpError.because({ code: 'destination-is-workspace-file', path, what, file, filePath, hardLink });
}

/** Refuses the open database, its companions and its evidence folder, by name and by inode. */
async function checkNotWorkspace(path: string, real: string, existing: Stats | null, what: string, database: string): Promise<void> {
  const dbAbs = resolve(database);
  const dbReal = await canonical(dbAbs);
  for (const [suffix, role] of COMPANIONS) {
    if (samePath(real, dbReal + suffix) || samePath(resolve(path), dbAbs + suffix))
      refuseWorkspaceFile(path, what, role, dbAbs + suffix, false);
  }
  const evidence = evidenceDirFor(dbAbs);
  const evidenceReal = await canonical(evidence);
  if (isInside(real, evidenceReal) || isInside(resolve(path), evidence)) {
    throw SscpError.because({ code: 'destination-in-evidence-folder', path, what, evidenceFolder: evidence });
  }
  if (!existing) return;
  // A hard link is the same file under another name: same device, same inode.
  for (const [suffix, role] of COMPANIONS) {
    const companion = await statOrNull(dbReal + suffix);
    if (companion && companion.dev === existing.dev && companion.ino === existing.ino) {
      refuseWorkspaceFile(path, what, role, dbAbs + suffix, true);
    }
  }
}

/** Refuses the key store and its SQLite companions, by name and by inode. */
async function checkNotKeyStore(path: string, real: string, existing: Stats | null, what: string, store: string): Promise<void> {
  const storeAbs = resolve(store);
  const storeReal = await canonical(storeAbs);
  for (const [suffix] of COMPANIONS) {
    const named = samePath(real, storeReal + suffix) || samePath(resolve(path), storeAbs + suffix);
    const companion = existing ? await statOrNull(storeReal + suffix) : null;
    const linked = companion !== null && existing !== null && companion.dev === existing.dev && companion.ino === existing.ino;
    if (named || linked) {
      throw SscpError.because({ code: 'destination-is-key-store', path, what, keyStorePath: storeAbs + suffix });
    }
  }
}

/**
 * Checks a file the person named before anything is written (and before any long work
 * starts), and returns its absolute path. Refuses, with a message saying what to do:
 * a folder that does not exist or is not a folder; a destination that is a folder, or not an
 * ordinary file; the open database, its -wal/-shm/-journal, or anything in its evidence folder,
 * through any spelling (relative, `..`, a symbolic link in the folder or as the name, a hard
 * link); and an existing file unless `replace` is set.
 */
export async function checkDestination(path: string, request: DestinationRequest): Promise<string> {
  const { what } = request;
  if (path.trim() === '') throw SscpError.because({ code: 'destination-name-missing', what });
  const abs = resolve(path);
  const example = request.exampleName ? join(abs, request.exampleName) : null;
  if (/[\\/]$/.test(path) && path.length > 1) {
    throw SscpError.because({ code: 'destination-names-folder', path, what, example });
  }
  await checkFolder(abs, what);
  let real: string;
  let existing: Stats | null;
  let link: Stats | null;
  try {
    real = await canonical(abs);
    // The kernel follows the name for what it is (a /dev/stdout link ends at a pipe or a
    // terminal that no path spells); a link to nothing yet is still a name in the way.
    existing = await statOrNull(abs);
    link = existing ? null : await lstatOrNull(abs);
  } catch (e) {
    throw asWriteFailure(e, { path: abs, what });
  }
  if (request.database !== undefined) await checkNotWorkspace(path, real, existing, what, request.database);
  for (const store of request.protect ?? []) await checkNotKeyStore(path, real, existing, what, store);
  if (link && !request.replace) throw existsError(path, request);
  if (existing?.isDirectory()) {
    throw SscpError.because({ code: 'destination-is-folder', path, what, example });
  }
  if (existing && !existing.isFile()) {
    throw SscpError.because({ code: 'destination-not-ordinary', path, what });
  }
  if (existing && !request.replace) throw existsError(path, request);
  return abs;
}

function existsError(path: string, request: Pick<DestinationRequest, 'what' | 'existsHint'>): SscpError {
  return SscpError.because({ code: 'destination-exists', path, what: request.what, cliHint: request.existsHint ?? null });
}

/** File systems that cannot make a hard link answer with one of these; then rename is used. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK']);

/**
 * Puts a finished temp file in place at `dest`. With `replace`, a rename (atomic: the old
 * file or the new one, never half). Without it, a hard link, which fails if `dest` appeared
 * since it was checked (another process writing the same name), so an existing file is
 * never replaced without consent; on a file system without hard links (FAT, some network
 * shares) the check is repeated just before the rename. The temp file is gone afterwards.
 */
export async function publishFile(
  temp: string,
  dest: string,
  options: { readonly replace: boolean; readonly what: string; readonly existsHint?: string },
): Promise<void> {
  if (options.replace) {
    await rename(temp, dest);
    return;
  }
  try {
    await link(temp, dest);
  } catch (e) {
    if (code(e) === 'EEXIST') throw existsError(dest, options);
    if (!NO_HARD_LINKS.has(code(e) ?? '')) throw e;
    if (await lstatOrNull(dest)) throw existsError(dest, options);
    await rename(temp, dest);
    return;
  }
  await rm(temp, { force: true });
}

/**
 * publishFile for callers that must put the file in place inside a synchronous step (the
 * signing commit, which renames the pack inside its database transaction). Same rules.
 */
export function publishFileSync(
  temp: string,
  dest: string,
  options: { readonly replace: boolean; readonly what: string; readonly existsHint?: string },
): void {
  if (options.replace) {
    renameSync(temp, dest);
    return;
  }
  try {
    linkSync(temp, dest);
  } catch (e) {
    if (code(e) === 'EEXIST') throw existsError(dest, options);
    if (!NO_HARD_LINKS.has(code(e) ?? '')) throw e;
    if (lstatSyncOrNull(dest)) throw existsError(dest, options);
    renameSync(temp, dest);
    return;
  }
  rmSync(temp, { force: true });
}

function lstatSyncOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (e) {
    if (code(e) === 'ENOENT' || code(e) === 'ENOTDIR') return null;
    throw e;
  }
}
