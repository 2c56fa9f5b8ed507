import { closeSync, existsSync, fsync, mkdirSync, openSync, rmdirSync, rmSync, statSync, writeSync } from 'node:fs';
import { BlobStore, EVIDENCE_DIR_MODE, EVIDENCE_FILE_MODE } from '../evidence/index';
import type { DecodedSink, FileDigest } from '../pack/verify/hash-pass';
import type { EmbeddedStream } from '../pack/read-embedded';
import type { PackEvidenceEntry } from './read-pack-contents';

/** Writing the evidence out failed (the disk is full, the folder cannot be written): the import cannot go on. */
export class StagingFailed extends Error {
  constructor(override readonly cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Runs a step of writing out, turning its failure into StagingFailed. */
function writingOut<T>(step: () => T): T {
  try {
    return step();
  } catch (e) {
    throw new StagingFailed(e);
  }
}

/** An embedded file written out during the pack's one read, its bytes matching its manifest entry. */
export interface StagedFile {
  readonly sha256: string;
  readonly size: number;
  /** A temp file in the evidence store's tmp/ folder, synced to disk. */
  readonly tempPath: string;
}

interface Expected {
  readonly name: string;
  readonly start: number;
  readonly length: number;
  readonly deflated: boolean;
  readonly sha256: string;
  readonly size: number;
}

/**
 * Writes a pack's evidence into the evidence store's tmp/ folder while the pack is verified, so
 * an import reads the pack once: each file's decoded bytes go to a temp file as they are hashed,
 * and the file is kept only if those very bytes turn out to match its manifest entry (SHA-256 and
 * size); anything else is deleted at once. Nothing here is a stored blob: `storePackImport` moves
 * the kept files into place only once the signature and the signer are accepted, and `discard`
 * deletes whatever is left. The folders are created only when a file is written, and removed
 * again by `discard` if this created them and they are empty, so a refused pack leaves nothing.
 * A process killed meanwhile leaves temp files named after it, which the store deletes when it is
 * next opened for changes.
 */
export class PackStaging {
  private readonly store: BlobStore;
  private readonly wanted = new Map<string, Expected>();
  private readonly kept = new Map<string, StagedFile>();
  private readonly open = new Set<StagingSink>();
  private readonly syncs: Promise<void>[] = [];
  private readonly created: string[] = [];

  constructor(
    readonly evidenceDir: string,
    evidence: readonly PackEvidenceEntry[],
  ) {
    this.store = new BlobStore(evidenceDir, { readOnly: true });
    const seen = new Set<string>();
    for (const entry of evidence) {
      const stream = entry.stream;
      const { sha256, size } = entry.manifest;
      // Stored once by hash: a second copy in the pack, or bytes the store already holds, need no copy.
      if (!stream || seen.has(sha256) || this.held(sha256, size)) continue;
      seen.add(sha256);
      this.wanted.set(stream.name, {
        name: stream.name,
        start: stream.start,
        length: stream.length,
        deflated: stream.deflated,
        sha256,
        size,
      });
    }
  }

  /** Whether the store already holds these bytes (a blob of that hash and size). */
  private held(sha256: string, size: number): boolean {
    try {
      const st = statSync(this.store.blobPath(sha256));
      return st.isFile() && st.size === size;
    } catch {
      return false;
    }
  }

  /** The sink for an embedded file the verifier is about to read: only evidence that needs storing, found where it was listed. */
  sinkFor(stream: EmbeddedStream): DecodedSink | null {
    const expected = this.wanted.get(stream.name);
    if (!expected || expected.start !== stream.start || expected.length !== stream.length || expected.deflated !== stream.deflated)
      return null;
    this.wanted.delete(stream.name);
    writingOut(() => this.ensureFolders());
    const tempPath = this.store.newTempPath();
    const sink = new StagingSink(
      tempPath,
      writingOut(() => openSync(tempPath, 'wx', EVIDENCE_FILE_MODE)),
      expected,
      (file) => {
        this.open.delete(sink);
        if (!file) return;
        // A file that cannot be synced (the disk failed) fails the import when it asks for the files.
        const synced = sink.sync().then(
          () => void this.kept.set(file.sha256, file),
          (e: unknown) => {
            sink.remove();
            throw new StagingFailed(e);
          },
        );
        synced.catch(() => undefined);
        this.syncs.push(synced);
      },
    );
    this.open.add(sink);
    return sink;
  }

  /** Every file kept, each synced to disk, by SHA-256. */
  async files(): Promise<ReadonlyMap<string, StagedFile>> {
    await Promise.all(this.syncs);
    return this.kept;
  }

  /** Removes one kept file from the list once it has been moved into the store, whose folders then stay. */
  taken(sha256: string): void {
    this.kept.delete(sha256);
    this.created.length = 0;
  }

  /** Deletes every temp file still here, and the folders this created if they are empty. Safe to call twice. */
  async discard(): Promise<void> {
    for (const sink of this.open) sink.remove();
    this.open.clear();
    await Promise.allSettled(this.syncs);
    for (const file of this.kept.values()) rmSync(file.tempPath, { force: true });
    this.kept.clear();
    for (const dir of this.created.splice(0).reverse()) {
      try {
        rmdirSync(dir);
      } catch {
        // Not empty (another import or attach is using it) or gone: either way it stays as it is.
      }
    }
  }

  private ensureFolders(): void {
    for (const dir of [this.evidenceDir, this.store.tmpDir]) {
      if (existsSync(dir)) continue;
      mkdirSync(dir, { mode: EVIDENCE_DIR_MODE });
      this.created.push(dir);
    }
  }
}

/** One embedded file's temp file: written as its bytes are hashed, kept only if they match. */
class StagingSink implements DecodedSink {
  private written = 0;
  private synced: Promise<void> | null = null;

  constructor(
    private readonly tempPath: string,
    private fd: number | null,
    private readonly expected: Expected,
    private readonly done: (file: StagedFile | null) => void,
  ) {}

  write(chunk: Uint8Array): void {
    if (this.fd === null) return;
    // More bytes than the manifest says: the hash will not match, so stop writing (a
    // decompression bomb costs no disk) and let the verifier report it.
    if (this.written + chunk.length > this.expected.size) {
      this.remove();
      return;
    }
    const fd = this.fd;
    writingOut(() => {
      for (let off = 0; off < chunk.length;) off += writeSync(fd, chunk, off, chunk.length - off);
    });
    this.written += chunk.length;
  }

  end(digest: FileDigest): void {
    const { sha256, size } = this.expected;
    if (this.fd === null || digest.sha256 !== sha256 || digest.size !== size || this.written !== size) {
      this.remove();
      this.done(null);
      return;
    }
    this.done({ sha256, size, tempPath: this.tempPath });
  }

  /** Flushes the file to disk on libuv's pool while the read goes on; closes it either way. */
  sync(): Promise<void> {
    const fd = this.fd;
    if (fd === null) return Promise.reject(new Error('The temp file was closed.'));
    this.synced ??= new Promise<void>((resolve, reject) => fsync(fd, (e) => (e ? reject(e) : resolve()))).finally(() => {
      if (this.fd === fd) {
        closeSync(fd);
        this.fd = null;
      }
    });
    return this.synced;
  }

  remove(): void {
    if (this.fd !== null && this.synced === null) {
      closeSync(this.fd);
      this.fd = null;
    }
    rmSync(this.tempPath, { force: true });
  }
}
