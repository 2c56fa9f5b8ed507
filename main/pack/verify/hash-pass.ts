import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import type { TransformOptions } from 'node:stream';
import { createInflate, type Inflate, type ZlibOptions } from 'node:zlib';
import { basename } from 'node:path';
import { isSscpError, SscpError } from '../../../shared/errors';
import { readFailed } from '../../fs/regular-file';
import { EventLoopTurns } from '../../fs/event-loop-turns';
import { HashThread, type HashThreadResult } from './hash-thread';
import type { EmbeddedStream } from './locate';

export interface FileDigest {
  readonly sha256: string | null;
  readonly size: number;
  /** MD5 of the decoded bytes, only for a stream that declares a /CheckSum to compare it with. */
  readonly md5: string | null;
  /** Set when the stream could not be decoded. */
  readonly error?: string;
  /** Set when decoding stopped because the stream decodes to more than this many bytes, its limit. */
  readonly oversize?: number;
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
  readonly thread?: HashThread;
  /**
   * The file, already open: a caller that read its structure through a descriptor passes that
   * one, so every byte checked comes from the same file. Else `path` is opened (and closed).
   */
  readonly fd?: number;
  /**
   * The most decoded bytes a compressed file may have (what its /Params /Size, or the
   * manifest, says it holds); decoding stops past it. Without it, the declared /Size bounds it.
   */
  readonly decodedLimit?: (stream: EmbeddedStream) => number | null;
}

/** How often the read loop gives the event loop a turn (progress, cancel, inflate output). */
const TURN_EVERY_BYTES = 4 * 1024 * 1024;
const INFLATE_QUEUE = 4 * 1024 * 1024;
const INFLATE_OUTPUT_CHUNK = 128 * 1024;
const MIN_OUTPUT_CHUNK = 16 * 1024;
/** Files whose decoder is still draining while the read moves on: bounds memory however many files. */
const MAX_FINISHING = 2;
/** How often progress is reported while only the second thread is still reading. */
const PROGRESS_EVERY_MS = 100;

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
  /** Ends the decoder's wait once decoding has been stopped (the file decodes past its limit). */
  private stopDecoding: () => void = () => undefined;
  private stopped = false;

  constructor(
    deflated: boolean,
    wantMd5: boolean,
    private readonly sink: DecodedSink | null,
    /** The most decoded bytes this file may have (what it declares): past it, decoding stops. */
    private limit: number | null = null,
  ) {
    this.md5 = wantMd5 ? createHash('md5') : null;
    // Stored bytes are bounded by the stream's own length in the file; only decoding can run away.
    if (!deflated) this.limit = null;
    if (!deflated) {
      this.inflater = null;
      this.done = Promise.resolve();
      return;
    }
    // Inflation runs on libuv's thread pool: compressed input is queued (up to INFLATE_QUEUE
    // bytes) instead of awaited chunk by chunk, so it overlaps with reading and hashing the
    // rest of the file. A decoder exists only while its file is being read (see hashPass).
    // zlib streams pass stream options through to Transform, though ZlibOptions does not list them.
    // A small file (its limit is what it declares it decodes to) gets a small output buffer:
    // thousands of files must not churn 128 KiB each.
    const chunkSize = Math.max(MIN_OUTPUT_CHUNK, Math.min(INFLATE_OUTPUT_CHUNK, limit ?? INFLATE_OUTPUT_CHUNK));
    const options: ZlibOptions & TransformOptions = { chunkSize, writableHighWaterMark: INFLATE_QUEUE };
    const inflater = createInflate(options);
    this.inflater = inflater;
    inflater.on('data', (chunk: Buffer) => this.decoded(chunk));
    this.done = new Promise((resolve) => {
      this.stopDecoding = resolve;
      inflater.on('end', resolve);
      inflater.on('error', (e: Error) => {
        // The first failure is the cause; writes refused after it must not replace its message.
        this.error ??= `its compressed data is damaged (${e.message})`;
        resolve();
      });
    });
  }

  private decoded(chunk: Uint8Array): void {
    if (this.stopped) return;
    if (this.limit !== null && this.size + chunk.length > this.limit) {
      // More than it declares: it cannot match, and a few kilobytes may inflate to terabytes
      // (a decompression bomb), so the decoding stops here instead of running them all.
      this.error ??= `it decodes to more than the ${this.limit} bytes it declares`;
      this.stopped = true;
      this.inflater?.destroy();
      this.stopDecoding();
      return;
    }
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
    if (this.error || this.stopped) return undefined;
    if (this.inflater.write(Buffer.from(chunk))) return undefined;
    // Damaged compressed data makes zlib fail mid-write, and then 'drain' never fires: the
    // decoder ending (or failing) must also release the wait.
    return new Promise<void>((resolve) => {
      this.inflater!.once('drain', resolve);
      void this.done.then(resolve);
    });
  }

  async finish(): Promise<FileDigest> {
    if (!this.stopped) this.inflater?.end();
    await this.done;
    const md5 = this.md5 ? this.md5.digest('hex') : null;
    const digest: FileDigest = this.error
      ? { sha256: null, size: this.size, md5: null, error: this.error, ...(this.stopped ? { oversize: this.limit! } : {}) }
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

/** Bytes this thread reads of an embedded file at a time. */
const READ_BYTES = 1024 * 1024;

/**
 * One pass over the file on two threads (HashThread): the second reads it all for the
 * signature's byte ranges and the whole file, and both share the embedded files, each taking
 * the next one not yet taken; this thread decodes, checks the checksum of and sinks the files
 * that need it, reading each from the same descriptor. Memory stays flat whatever the size
 * or number of files: a file's decoder and hash exist only while it is read, and a few
 * files' decoders while they drain.
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
  const finishing = new Set<Promise<void>>();
  const all = new Set<FileHasher>();
  let sinkError: unknown = undefined;

  let opened: number | null = null;
  const ownThread = options.thread ? null : new HashThread();
  const thread = options.thread ?? ownThread!;
  // A cancel stops the second thread at once, even while this one only waits for it.
  const stopThread = () => thread.stop();
  signal?.addEventListener('abort', stopThread);
  const check = () => {
    if (signal?.aborted) throw verifyCancelled(path);
    if (thread.failed) throw unreadable(path, thread.failed);
    if (sinkError !== undefined) throw sinkError;
  };
  try {
    // One descriptor for both threads: the bytes the signature's hash sees are the bytes the
    // embedded files' hashes see, even if the path is replaced meanwhile.
    const fd = options.fd ?? (opened = openSync(path, 'r'));
    thread.start({
      fd,
      size: fileSize,
      ranges,
      wholeFile: options.wholeFile === true,
      // A file with nothing to do but hash may go to either thread; one to decode, to check
      // against a declared MD5, or to write out (an import) stays on this one.
      files: ordered.map((s) => ({
        start: s.start,
        length: s.length,
        shared: !s.deflated && s.params.checksum === null && !options.sinkFor,
      })),
    });
    const turns = new EventLoopTurns(TURN_EVERY_BYTES);
    // Progress is the point up to which both threads are done: the second's read, and this one's file.
    let here = 0;
    const report = () => options.onBytes?.(Math.min(fileSize, thread.bytesRead, here), fileSize);
    const buffer = Buffer.allocUnsafe(READ_BYTES);
    for (let index = 0; index < ordered.length; index++) {
      check();
      if (!thread.claim(index)) continue;
      const stream = ordered[index]!;
      here = stream.start;
      const sink = options.sinkFor?.(stream) ?? null;
      const limit = options.decodedLimit ? options.decodedLimit(stream) : stream.params.size;
      const hasher = new FileHasher(stream.deflated, stream.params.checksum !== null, sink, limit);
      all.add(hasher);
      const end = stream.start + stream.length;
      for (let position = stream.start; position < end;) {
        let n: number;
        try {
          n = readSync(fd, buffer, 0, Math.min(READ_BYTES, end - position), position);
        } catch (e) {
          throw unreadable(path, e);
        }
        // The end of the file, however long it was when the pass began: the file ends with what there was.
        if (n === 0) break;
        const pending = hasher.update(buffer.subarray(0, n));
        if (pending) await pending;
        position += n;
        here = position;
        sinkError ??= hasher.sinkError;
        const turn = turns.after(n);
        if (turn) {
          await turn;
          report();
        }
        check();
      }
      const finished = hasher.finish().then((digest) => {
        files.set(stream, digest);
        sinkError ??= hasher.sinkError;
        all.delete(hasher);
      });
      finishing.add(finished);
      void finished.then(
        () => finishing.delete(finished),
        () => finishing.delete(finished),
      );
      // Waits only while more than a few files are still being decoded, not for the oldest one.
      if (finishing.size > MAX_FINISHING) await Promise.race(finishing);
    }
    here = fileSize;
    await Promise.all([...finishing]);
    check();
    // This thread is done; the second may still be reading. Its progress shows meanwhile.
    const ticker = options.onBytes ? setInterval(report, PROGRESS_EVERY_MS) : null;
    let digests: HashThreadResult | null;
    try {
      digests = await thread.result();
    } catch (e) {
      throw unreadable(path, e);
    } finally {
      if (ticker) clearInterval(ticker);
    }
    check();
    if (!digests) throw verifyCancelled(path);
    for (const [index, { sha256, size }] of digests.hashed) files.set(ordered[index]!, { sha256, size, md5: null });
    options.onBytes?.(fileSize, fileSize);
    return { rangeDigest: digests.signed, wholeDigest: digests.whole, files };
  } finally {
    for (const hasher of all) hasher.destroy();
    // The thread stops before the descriptor it reads is closed (and its number reused). A
    // caller's thread reading the caller's descriptor is the caller's to stop, in that order.
    signal?.removeEventListener('abort', stopThread);
    thread.stop();
    if (ownThread || opened !== null) await thread.close();
    if (opened !== null) closeSync(opened);
  }
}

/**
 * The pack could not be read to the end (a disk error, a network share gone, the second thread
 * lost): said of the pack, in the words every unreadable file gets, never as an unexpected error.
 */
function unreadable(path: string, e: unknown): SscpError {
  if (isSscpError(e)) return e;
  return readFailed(path, { what: 'evidence pack', hint: 'Copy the pack to a local disk and check it again.' }, e);
}

function verifyCancelled(path: string): SscpError {
  return SscpError.because({ code: 'pack-verify-cancelled', fileName: basename(path) });
}
