import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import type { TransformOptions } from 'node:stream';
import { createInflate, type Inflate, type ZlibOptions } from 'node:zlib';
import { basename } from 'node:path';
import { SscpError } from '../../../shared/errors';
import { EventLoopTurns } from '../../fs/event-loop-turns';
import { SharedRead } from './shared-read';
import type { EmbeddedStream } from './locate';

export interface FileDigest {
  readonly sha256: string | null;
  readonly size: number;
  /** MD5 of the decoded bytes, only for a stream that declares a /CheckSum to compare it with. */
  readonly md5: string | null;
  /** Set when the stream could not be decoded. */
  readonly error?: string;
}

export interface HashPassResult {
  /** SHA-256 over the given byte ranges, concatenated. */
  readonly rangeDigest: Buffer;
  /** SHA-256 of the whole file, when asked for (`wholeFile`). */
  readonly wholeDigest: Buffer | null;
  readonly files: ReadonlyMap<EmbeddedStream, FileDigest>;
}

/**
 * Where one embedded file's decoded bytes go besides its hash (an importer writing them to
 * the evidence store as they are checked). Called synchronously with exactly the bytes that
 * are hashed, in order; `chunk` may be reused once `write` returns. A `write` that throws
 * stops the whole pass with that error.
 */
export interface DecodedSink {
  write(chunk: Uint8Array): void;
  /** The stream's last bytes have been passed (and hashed); not called when the pass fails. */
  end(digest: FileDigest): void;
}

export interface HashPassOptions {
  readonly onBytes?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
  /** Also hash the whole file (on the second thread), in the same read. */
  readonly wholeFile?: boolean;
  /** A sink for an embedded file's decoded bytes, or null to only hash it. */
  readonly sinkFor?: (stream: EmbeddedStream) => DecodedSink | null;
  /**
   * The second thread, started early by the caller, who closes it after the pass (before closing
   * `fd`); else the pass starts and closes its own. A thread runs one pass.
   */
  readonly thread?: SharedRead;
  /**
   * The file, already open: a caller that read its structure through a descriptor passes that
   * one, so every byte checked comes from the same file. Else `path` is opened (and closed).
   */
  readonly fd?: number;
}

/** How often the read loop gives the event loop a turn (progress, cancel, inflate output). */
const TURN_EVERY_BYTES = 4 * 1024 * 1024;
const INFLATE_QUEUE = 4 * 1024 * 1024;
const INFLATE_OUTPUT_CHUNK = 128 * 1024;
const MIN_OUTPUT_CHUNK = 16 * 1024;
/** Files whose decoder is still draining while the read moves on: bounds memory however many files. */
const MAX_FINISHING = 2;

/** Hashes one embedded file's decoded bytes as its encoded bytes arrive. */
class FileHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly md5: Hash | null;
  private readonly inflater: Inflate | null;
  private size = 0;
  private error: string | undefined;
  /** A failure of the sink (the disk): ends the pass, unlike damaged data, which is a finding. */
  sinkError: unknown = undefined;
  private readonly done: Promise<void>;

  constructor(
    deflated: boolean,
    declaredSize: number | null,
    wantMd5: boolean,
    private readonly sink: DecodedSink | null,
  ) {
    this.md5 = wantMd5 ? createHash('md5') : null;
    if (!deflated) {
      this.inflater = null;
      this.done = Promise.resolve();
      return;
    }
    // Inflation runs on libuv's thread pool: compressed input is queued (up to INFLATE_QUEUE
    // bytes) instead of awaited chunk by chunk, so it overlaps with reading and hashing the
    // rest of the file. A decoder exists only while its file is being read (see hashPass).
    // zlib streams pass stream options through to Transform, though ZlibOptions does not list them.
    // A small file gets a small output buffer: thousands of files must not churn 128 KiB each.
    const chunkSize = Math.max(MIN_OUTPUT_CHUNK, Math.min(INFLATE_OUTPUT_CHUNK, declaredSize ?? INFLATE_OUTPUT_CHUNK));
    const options: ZlibOptions & TransformOptions = { chunkSize, writableHighWaterMark: INFLATE_QUEUE };
    const inflater = createInflate(options);
    this.inflater = inflater;
    inflater.on('data', (chunk: Buffer) => this.decoded(chunk));
    this.done = new Promise((resolve) => {
      inflater.on('end', resolve);
      inflater.on('error', (e: Error) => {
        // The first failure is the cause; writes refused after it must not replace its message.
        this.error ??= `its compressed data is damaged (${e.message})`;
        resolve();
      });
    });
  }

  private decoded(chunk: Uint8Array): void {
    this.hash.update(chunk);
    this.md5?.update(chunk);
    this.size += chunk.length;
    if (!this.sink || this.sinkError !== undefined) return;
    try {
      this.sink.write(chunk);
    } catch (e) {
      this.sinkError = e;
    }
  }

  /**
   * `chunk` may be reused by the caller once this returns: compressed bytes are copied into
   * the decoder's queue (they are the small part of a pack). Returns a promise only when the
   * queue is full and the caller must wait.
   */
  update(chunk: Uint8Array): Promise<void> | undefined {
    if (!this.inflater) {
      this.decoded(chunk);
      return undefined;
    }
    if (this.error) return undefined;
    if (this.inflater.write(Buffer.from(chunk))) return undefined;
    // Damaged compressed data makes zlib fail mid-write, and then 'drain' never fires: the
    // decoder ending (or failing) must also release the wait.
    return new Promise<void>((resolve) => {
      this.inflater!.once('drain', resolve);
      void this.done.then(resolve);
    });
  }

  async finish(): Promise<FileDigest> {
    this.inflater?.end();
    await this.done;
    const md5 = this.md5 ? this.md5.digest('hex') : null;
    const digest: FileDigest = this.error
      ? { sha256: null, size: this.size, md5: null, error: this.error }
      : { sha256: this.hash.digest('hex'), size: this.size, md5 };
    if (this.sinkError === undefined && this.sink) {
      try {
        this.sink.end(digest);
      } catch (e) {
        this.sinkError = e;
      }
    }
    return digest;
  }

  /** Stops a decoder the pass no longer needs (it failed or was cancelled). */
  destroy(): void {
    this.inflater?.destroy();
  }
}

/**
 * One sequential read of the file (SharedRead: both threads read, 128 KiB at a time, into a
 * shared ring) that feeds the signature's byte ranges and the whole-file hash on a second
 * thread and every embedded file's decoder, hash and sink on this one, each chunk while it is
 * still in the CPU's cache. Memory stays flat whatever the size or number of files: a file's
 * decoder and hash exist only from its first byte to its last.
 */
export async function hashPass(
  path: string,
  fileSize: number,
  ranges: readonly (readonly [number, number])[],
  streams: readonly EmbeddedStream[],
  options: HashPassOptions = {},
): Promise<HashPassResult> {
  const { signal } = options;
  const ordered = [...streams].sort((a, b) => a.start - b.start);
  const files = new Map<EmbeddedStream, FileDigest>();
  const active: { stream: EmbeddedStream; hasher: FileHasher }[] = [];
  const finishing = new Set<Promise<void>>();
  const all = new Set<FileHasher>();
  let next = 0;
  let sinkError: unknown = undefined;

  const begin = (stream: EmbeddedStream) => {
    const sink = options.sinkFor?.(stream) ?? null;
    const hasher = new FileHasher(stream.deflated, stream.params.size, stream.params.checksum !== null, sink);
    all.add(hasher);
    active.push({ stream, hasher });
  };
  const close = async (entry: { stream: EmbeddedStream; hasher: FileHasher }) => {
    const finished = entry.hasher.finish().then((digest) => {
      files.set(entry.stream, digest);
      sinkError ??= entry.hasher.sinkError;
      all.delete(entry.hasher);
    });
    finishing.add(finished);
    void finished.then(
      () => finishing.delete(finished),
      () => finishing.delete(finished),
    );
    // Waits only while more than a few files are still being decoded, not for the oldest one.
    if (finishing.size > MAX_FINISHING) await Promise.race(finishing);
  };
  const throwIfFailed = () => {
    for (const { hasher } of active) sinkError ??= hasher.sinkError;
    if (sinkError !== undefined) throw sinkError;
  };

  /** Feeds the bytes at [from, to) of the file, held in `piece`, to every embedded file they belong to. */
  const feed = async (piece: Buffer, from: number) => {
    const to = from + piece.length;
    while (next < ordered.length && ordered[next]!.start < to) begin(ordered[next++]!);
    for (let i = 0; i < active.length;) {
      const entry = active[i]!;
      const end = entry.stream.start + entry.stream.length;
      const s = Math.max(entry.stream.start, from);
      const e = Math.min(end, to);
      if (s < e) await entry.hasher.update(piece.subarray(s - from, e - from));
      if (end <= to) {
        active.splice(i, 1);
        await close(entry);
      } else i += 1;
    }
    throwIfFailed();
  };

  let opened: number | null = null;
  const ownThread = options.thread ? null : new SharedRead();
  const thread = options.thread ?? ownThread!;
  try {
    // One descriptor for both threads: the bytes the signature's hash sees are the bytes the
    // embedded files' hashes see, even if the path is replaced meanwhile.
    const fd = options.fd ?? (opened = openSync(path, 'r'));
    const turns = new EventLoopTurns(TURN_EVERY_BYTES);
    let done = 0;
    const digests = await thread.run(
      { fd, size: fileSize, ranges, wholeFile: options.wholeFile === true },
      feed,
      (n) => {
        done += n;
        options.onBytes?.(done, fileSize);
        return turns.after(n);
      },
      () => {
        if (signal?.aborted) throw verifyCancelled(path);
      },
    );
    // Files that run past the end of the file (or start beyond it) end with what there was.
    while (next < ordered.length) begin(ordered[next++]!);
    for (const entry of active.splice(0)) await close(entry);
    await Promise.all([...finishing]);
    throwIfFailed();
    if (signal?.aborted) throw verifyCancelled(path);
    return { rangeDigest: digests.signed, wholeDigest: digests.whole, files };
  } finally {
    for (const hasher of all) hasher.destroy();
    // The thread stops before the descriptor it reads is closed (and its number reused). A
    // caller's thread reading the caller's descriptor is the caller's to stop, in that order.
    if (ownThread || opened !== null) await thread.close();
    if (opened !== null) closeSync(opened);
  }
}

function verifyCancelled(path: string): SscpError {
  return SscpError.because({ code: 'pack-verify-cancelled', fileName: basename(path) });
}
