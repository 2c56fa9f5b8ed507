import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, readdirSync, rmSync, statSync, type Stats } from 'node:fs';
import { rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { SscpError } from '../../shared/errors';
import { openRegularFile, type FileRole } from '../fs/regular-file';
import { isProcessAlive } from '../fs/process-alive';
import { newFile } from '../fs/new-file';
import { fsyncDirectory, fsyncFile } from '../fs/durable-fs';
import { evidenceDirFor } from '../fs/store-paths';

export { evidenceDirFor };

const SHA256_HEX = /^[0-9a-f]{64}$/;
const TEMP_SUFFIX = '.part';
/** Large reads keep hashing fast without holding more than one chunk per stream. */
const CHUNK_BYTES = 1024 * 1024;

export interface IngestOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (bytesDone: number, bytesTotal: number) => void;
  /** Told, before any copying, when the path was a symbolic link and where it led. */
  readonly onFollowedLink?: (target: string) => void;
}

/** Evidence can be confidential: the store is readable by its owner only. */
export const EVIDENCE_DIR_MODE = 0o700;
export const EVIDENCE_FILE_MODE = 0o600;

const EVIDENCE_SOURCE: FileRole = { hint: 'Choose a file to attach; to attach a folder, zip it first.' };

export interface StoredBlob {
  readonly sha256: string;
  readonly size: number;
}

/**
 * Files stored once by SHA-256 under `<root>/<first 2 hex>/<sha256>`. A blob appears under its
 * name only after its bytes are on disk (temp file, fsync, rename, fsync dir), so a crash at
 * any moment leaves either the whole blob or nothing outside `tmp/`.
 */
export class BlobStore {
  readonly tmpDir: string;

  /** `readOnly`: for commands that only read; nothing is created or cleaned up. */
  constructor(
    readonly root: string,
    options: { readonly readOnly?: boolean } = {},
  ) {
    this.tmpDir = join(root, 'tmp');
    if (options.readOnly) return;
    // New folders are the owner's only; an existing store keeps the modes it has.
    mkdirSync(this.tmpDir, { recursive: true, mode: EVIDENCE_DIR_MODE });
    this.removeAbandonedTempFiles();
  }

  blobPath(sha256: string): string {
    if (!SHA256_HEX.test(sha256)) {
      throw SscpError.because({ code: 'blob-hash-invalid', value: sha256 });
    }
    return join(this.root, sha256.slice(0, 2), sha256);
  }

  has(sha256: string): boolean {
    return existsSync(this.blobPath(sha256));
  }

  /**
   * Copies a file in while hashing it, in one streaming pass; memory stays flat at any size.
   * A file that changes while it is copied (still downloading, saved again, replaced) is
   * refused, not stored torn: its size, modification time and identity (device and inode)
   * must be the same after the copy as before, and the copy exactly as long.
   */
  async ingest(sourcePath: string, options: IngestOptions = {}): Promise<StoredBlob> {
    // Opened once and checked from the descriptor: a folder, pipe or device (even behind a
    // symbolic link) is refused before a byte is copied, and the file checked is the file read.
    const source = await openRegularFile(sourcePath, EVIDENCE_SOURCE);
    if (source.followedLink !== null) options.onFollowedLink?.(source.followedLink);
    const total = source.size;
    const before = await source.handle.stat();
    const tempPath = this.newTempPath();
    const hash = createHash('sha256');
    let done = 0;
    const out = newFile(tempPath, EVIDENCE_FILE_MODE);
    try {
      await pipeline(
        source.handle.createReadStream({ highWaterMark: CHUNK_BYTES }),
        async function* hashAsItPasses(chunks: AsyncIterable<Buffer>) {
          for await (const chunk of chunks) {
            hash.update(chunk);
            done += chunk.length;
            options.onProgress?.(done, total);
            yield chunk;
          }
        },
        out.stream,
        { signal: options.signal },
      );
      const after = await stat(sourcePath).catch(() => undefined);
      if (!after || done !== before.size || !sameFile(before, after)) throw changedWhileCopied(sourcePath);
      await fsyncFile(tempPath);
      const sha256 = hash.digest('hex');
      await this.moveIntoPlace(tempPath, sha256, done);
      return { sha256, size: done };
    } catch (e) {
      await out.discard();
      await source.handle.close().catch(() => undefined);
      if (options.signal?.aborted) {
        throw SscpError.because({ code: 'evidence-add-cancelled', path: sourcePath });
      }
      if (e instanceof SscpError) throw e;
      throw SscpError.because({ code: 'evidence-source-unreadable', path: sourcePath, detail: (e as Error).message });
    }
  }

  /**
   * Deletes a stored file and syncs its folder, so the deletion survives a crash; a file that
   * is gone already is no error. Only the removal purge calls it, holding the store's write
   * lock, once nothing needs those bytes (main/services/evidence-removal.ts).
   */
  removeBlob(sha256: string): void {
    const path = this.blobPath(sha256);
    if (!existsSync(path)) return;
    rmSync(path, { force: true });
    fsyncDirectory(join(this.root, sha256.slice(0, 2)));
  }

  /** Every blob on disk by hash, and any stray files in the blob folders. */
  listBlobs(): { readonly blobs: readonly string[]; readonly strays: readonly string[] } {
    const blobs: string[] = [];
    const strays: string[] = [];
    // Opened read-only, a store that was never created is simply empty.
    if (!existsSync(this.root)) return { blobs, strays };
    for (const prefix of readdirSync(this.root, { withFileTypes: true })) {
      if (prefix.name === 'tmp') continue;
      if (!prefix.isDirectory() || !/^[0-9a-f]{2}$/.test(prefix.name)) {
        strays.push(prefix.name);
        continue;
      }
      for (const f of readdirSync(join(this.root, prefix.name))) {
        if (SHA256_HEX.test(f) && f.startsWith(prefix.name)) blobs.push(f);
        else strays.push(join(prefix.name, f));
      }
    }
    return { blobs: blobs.sort(), strays: strays.sort() };
  }

  /**
   * A fresh name in the store's temp folder, named after this process so that a crash's
   * leftovers can be told from another window's attach in progress.
   */
  newTempPath(): string {
    return join(this.tmpDir, `${process.pid}-${randomBytes(8).toString('hex')}${TEMP_SUFFIX}`);
  }

  /**
   * The rename that makes a fully written, synced temp file visible as the blob `sha256`.
   * Returns true when the same bytes were already stored (the temp file is then dropped).
   */
  async moveIntoPlace(tempPath: string, sha256: string, size: number): Promise<boolean> {
    const finalPath = this.blobPath(sha256);
    const existing = await stat(finalPath).catch(() => undefined);
    // Stored once: the same bytes are already here. A blob of the wrong size was damaged
    // outside the app; the fresh copy, whose hash we just computed, replaces it.
    if (existing?.isFile() && existing.size === size) {
      await rm(tempPath, { force: true });
      return true;
    }
    const prefixDir = join(this.root, sha256.slice(0, 2));
    const newPrefix = !existsSync(prefixDir);
    mkdirSync(prefixDir, { recursive: true, mode: EVIDENCE_DIR_MODE });
    if (newPrefix) fsyncDirectory(this.root);
    await rename(tempPath, finalPath);
    fsyncDirectory(prefixDir);
    return false;
  }

  /**
   * Temp files are named after the process writing them; one whose process has gone was
   * abandoned by a crash. Files of a live process are another window's attach in progress.
   */
  private removeAbandonedTempFiles(): void {
    for (const name of readdirSync(this.tmpDir)) {
      const pid = Number(name.split('-', 1)[0]);
      if (name.endsWith(TEMP_SUFFIX) && Number.isInteger(pid) && (pid === process.pid || isProcessAlive(pid))) continue;
      rmSync(join(this.tmpDir, name), { recursive: true, force: true });
    }
  }
}

/** What must not change while a file is copied in: see BlobStore.ingest. */
type FileIdentity = Pick<Stats, 'size' | 'mtimeMs' | 'ino' | 'dev'>;

function sameFile(a: FileIdentity, b: FileIdentity): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ino === b.ino && a.dev === b.dev;
}

function changedWhileCopied(sourcePath: string): SscpError {
  return SscpError.because({ code: 'evidence-changed-while-copied', path: sourcePath });
}

/** Streams a stored file through SHA-256 without reading it whole. */
export async function hashFile(path: string): Promise<StoredBlob> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: CHUNK_BYTES }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { sha256: hash.digest('hex'), size };
}

export function blobSize(path: string): number | undefined {
  try {
    return statSync(path).size;
  } catch {
    return undefined;
  }
}
