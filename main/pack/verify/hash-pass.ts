import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { TransformOptions } from 'node:stream';
import { createInflate, type Inflate, type ZlibOptions } from 'node:zlib';
import { basename } from 'node:path';
import { SscpError } from '../../../shared/errors';
import { EventLoopTurns } from '../../fs/event-loop-turns';
import { ParallelSha256, SLOT_BYTES, type RingSlot } from '../parallel-sha256';
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
}

/**
 * Embedded files are fed this much at a time: small enough that a piece is still in the CPU's
 * cache when it is hashed and then written, large enough that the calls stay few.
 */
const FEED_BYTES = 128 * 1024;
/** One read: a ring slot's worth (the ring's slots are never smaller). */
const CHUNK_BYTES = Math.min(SLOT_BYTES, 2 * 1024 * 1024);
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
 * One sequential read of the file that feeds the signature's byte ranges (and the whole-file
 * hash) on a second thread and every embedded file's decoder, hash and sink on this one: the
 * file is read once however large, in small synchronous reads straight into the shared ring.
 * Memory stays flat whatever the number of files: a file's decoder and hash exist only from
 * its first byte to its last.
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

  // The signed ranges (and the whole file) are hashed on a second thread while this one
  // hashes the embedded files.
  const ringHash = new ParallelSha256();
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

  // The whole file's hash needs every byte, the signature's all but the gap. Where the gap is
  // near the end (the signature is a pack's last object), it branches off the signature's own
  // hash at the gap (see hashChunk); otherwise it needs its own ring (and thread), filled by its
  // own read of the same bytes (a copy between rings costs more).
  const branch = options.wholeFile ? branchPoint(ranges, fileSize) : null;
  let wholeId: number | null = null;
  const wholeHash = options.wholeFile && !branch ? new ParallelSha256() : null;
  /** Hands a chunk's bytes to the signature's hash and, when it branches off that, to the whole file's. */
  const hashChunk = async (slot: RingSlot, offset: number, end: number): Promise<void> => {
    if (!branch) return commitRanges(ringHash, slot, offset, end, ranges);
    const cuts = [offset, ...[branch.gapStart, branch.gapEnd].filter((c) => c > offset && c < end), end];
    // Every piece but the one the slot itself carries is copied first: once the slot is
    // committed, the ring may hand it out again (even to the copies below) and its bytes change.
    const pieces = cuts.slice(0, -1).map((from, k) => {
      const to = cuts[k + 1]!;
      return { from, to, signed: from < branch.gapStart || from >= branch.gapEnd };
    });
    const carried = pieces.find((p) => p.signed) ?? null;
    const copies = pieces.map((p) =>
      p === carried && wholeId === null && p.from < branch.gapStart
        ? null
        : Buffer.from(slot.view.subarray(p.from - offset, p.to - offset)),
    );
    // Commands go in the bytes' order: the branch is taken before the signature's hash goes past the gap.
    for (const [k, p] of pieces.entries()) {
      // Up to the gap both hashes are one: the whole file's branches off there.
      if (p.from >= branch.gapStart && wholeId === null) wholeId = ringHash.copy();
      if (p === carried) ringHash.commit(slot, p.from - offset, p.to - p.from);
      else if (p.signed) await ringHash.update(copies[k]!);
      // Past the gap start (the gap and the short tail after it), a copy for the branch.
      if (wholeId !== null) await ringHash.update(copies[k]!, wholeId);
    }
    if (!carried) ringHash.commit(slot, 0, 0);
  };
  let fd: number | null = null;
  let handle: FileHandle | null = null;
  try {
    // Read synchronously, a piece at a time, on this thread: each piece is hashed (and handed to
    // a sink) while still in the CPU's cache, and no read waits in libuv's queue behind inflation.
    fd = openSync(path, 'r');
    if (wholeHash) handle = await open(path, 'r');
    const turns = new EventLoopTurns(TURN_EVERY_BYTES);
    for (let offset = 0; offset < fileSize;) {
      if (signal?.aborted) throw verifyCancelled(path);
      // Read straight into shared memory: the hashing thread reads the same bytes, no copy.
      const slot = await ringHash.acquire();
      const want = Math.min(slot.view.length, CHUNK_BYTES, fileSize - offset);
      // The whole file's bytes go to their own ring by a read of their own, on libuv's pool.
      const whole = wholeHash && handle ? readInto(wholeHash, handle, offset, want) : null;
      whole?.catch(() => undefined);
      let filled = 0;
      while (filled < want) {
        const n = readSync(fd, slot.view, filled, Math.min(FEED_BYTES, want - filled), offset + filled);
        if (n === 0) break;
        await feed(slot.view.subarray(filled, filled + n), offset + filled);
        filled += n;
      }
      if (whole) {
        const w = await whole;
        wholeHash!.commit(w.slot, 0, Math.min(w.filled, filled));
      }
      if (filled === 0) {
        ringHash.commit(slot, 0, 0);
        break;
      }
      const end = offset + filled;
      await hashChunk(slot, offset, end);
      offset = end;
      options.onBytes?.(offset, fileSize);
      const turn = turns.after(filled);
      if (turn) await turn;
      if (filled < want) break;
    }
    // Files that run past the end of the file (or start beyond it) end with what there was.
    while (next < ordered.length) begin(ordered[next++]!);
    for (const entry of active.splice(0)) await close(entry);
    await Promise.all([...finishing]);
    throwIfFailed();
    if (signal?.aborted) throw verifyCancelled(path);
    // A file that ended before its gap: the whole file is what the signature's hash has seen.
    if (branch && wholeId === null) wholeId = ringHash.copy();
    const wholeDigest = wholeHash ? await wholeHash.digest() : wholeId !== null ? await ringHash.digest(wholeId) : null;
    const rangeDigest = await ringHash.digest();
    return { rangeDigest, wholeDigest, files };
  } finally {
    for (const hasher of all) hasher.destroy();
    if (fd !== null) closeSync(fd);
    await handle?.close();
    await ringHash.close();
    await wholeHash?.close();
  }
}

/** At most this much after the signature value, for the whole file's hash to branch off the signature's. */
const BRANCH_TAIL_MAX = 4 * 1024 * 1024;

/**
 * Where the whole file's hash can branch off the signature's: two signed ranges, from the
 * file's start and to its end, with a short tail after the gap; null otherwise.
 */
function branchPoint(ranges: readonly (readonly [number, number])[], fileSize: number): { gapStart: number; gapEnd: number } | null {
  if (ranges.length !== 2) return null;
  const [[a0, a1], [b0, b1]] = [ranges[0]!, ranges[1]!];
  if (a0 !== 0 || b1 !== fileSize || a1 > b0 || fileSize - b0 > BRANCH_TAIL_MAX) return null;
  return { gapStart: a1, gapEnd: b0 };
}

async function readInto(ring: ParallelSha256, file: FileHandle, offset: number, want: number): Promise<{ slot: RingSlot; filled: number }> {
  const slot = await ring.acquire();
  let filled = 0;
  try {
    while (filled < want) {
      const { bytesRead } = await file.read(slot.view, filled, want - filled, offset + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
  } catch (e) {
    ring.commit(slot, 0, 0);
    throw e;
  }
  return { slot, filled };
}

/** Hands the slot's bytes that fall in the signed ranges to the range hash; the slot returns to the ring once hashed. */
async function commitRanges(
  ringHash: ParallelSha256,
  slot: RingSlot,
  offset: number,
  end: number,
  ranges: readonly (readonly [number, number])[],
): Promise<void> {
  const pieces = ranges.map(([from, to]) => [Math.max(from, offset), Math.min(to, end)] as const).filter(([s, e]) => s < e);
  if (pieces.length === 0) {
    ringHash.commit(slot, 0, 0);
    return;
  }
  // Later pieces (rare: only where the signature gap falls in this chunk) are copied first.
  const rest = pieces.slice(1).map(([s, e]) => Buffer.from(slot.view.subarray(s - offset, e - offset)));
  ringHash.commit(slot, pieces[0]![0] - offset, pieces[0]![1] - pieces[0]![0]);
  for (const piece of rest) await ringHash.update(piece);
}

function verifyCancelled(path: string): SscpError {
  return SscpError.because({ code: 'pack-verify-cancelled', fileName: basename(path) });
}
