import { randomBytes } from 'node:crypto';
import { chmod, lstat, open, readdir, rm } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { isSscpError } from '../../shared/errors';
import { fsyncDirectory } from './durable-fs';
import { checkDestination, publishFile, type DestinationRequest } from './destination';
import { asWriteFailure } from './write-errors';
import { exportCancelled, throwIfCancelled } from './cancel';

export interface WriteFileOptions {
  /** The new file's permissions; 0o644 unless given. */
  readonly mode?: number;
  /** A noun for error messages ("certificate"); "file" unless given. */
  readonly what?: string;
  /** Replace an existing file (the default); false refuses one, even if it appears meanwhile. */
  readonly replace?: boolean;
  readonly existsHint?: string;
  /**
   * Stops the write when aborted: checked before the temp file is made and again after it is
   * written, before it is put in place, so a cancelled write leaves neither file nor temp.
   */
  readonly signal?: AbortSignal;
}

/** A temp file this old was left by a writer that was killed: no live write takes so long. */
const STALE_TEMP_MS = 10 * 60 * 1000;

/**
 * Removes the temp files an earlier write of `path` left when its process was killed (the
 * target itself was never half-written: it is put in place only when whole). Only names
 * this writer makes, `.<name>.<12 hex>.tmp`, and only old ones, so a write in progress in
 * another process keeps its temp file. Best effort: a folder that cannot be listed is the
 * write's own error to report.
 */
async function removeStaleTemps(path: string): Promise<void> {
  const folder = dirname(path);
  const prefix = `.${basename(path)}.`;
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    const temp = join(folder, name);
    const st = await lstat(temp).catch(() => null);
    if (st?.isFile() && now - st.mtimeMs > STALE_TEMP_MS) await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * Writes a small file through a temp file in the same folder (fsynced, then renamed), so a
 * crash leaves the old file or the new one, never half of one. The temp file is created with
 * `mode` already set, so a secret is never readable by others, not even for a moment.
 * A failure (read-only folder, no permission, disk full…) is an SscpError naming `path`, and
 * leaves no temp file behind.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  modeOrOptions: number | WriteFileOptions = {},
): Promise<void> {
  const options: WriteFileOptions = typeof modeOrOptions === 'number' ? { mode: modeOrOptions } : modeOrOptions;
  const mode = options.mode ?? 0o644;
  const what = options.what ?? 'file';
  await removeStaleTemps(path);
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  const target = { path, what, temp };
  const cancelled = () => exportCancelled(what);
  let created = false;
  try {
    throwIfCancelled(options.signal, cancelled);
    const handle = await open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask; chmod makes the mode exact.
    await chmod(temp, mode);
    throwIfCancelled(options.signal, cancelled);
    await publishFile(temp, path, { replace: options.replace ?? true, what, existsHint: options.existsHint });
  } catch (e) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw isSscpError(e) ? e : asWriteFailure(e, target);
  }
  fsyncDirectory(dirname(path));
}

/**
 * Writes a file the person named: checks the destination first (never the open database,
 * its companions or its evidence folder; an existing file only with consent), then writes it
 * atomically. Returns the absolute path written.
 */
export async function saveUserFile(
  path: string,
  data: string | Uint8Array,
  request: DestinationRequest & { readonly mode?: number; readonly signal?: AbortSignal },
): Promise<string> {
  const abs = await checkDestination(path, request);
  await writeFileAtomic(resolve(abs), data, {
    mode: request.mode,
    what: request.what,
    replace: request.replace,
    existsHint: request.existsHint,
    signal: request.signal,
  });
  return abs;
}
