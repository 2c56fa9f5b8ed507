import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { TransformOptions } from 'node:stream';
import { createInflate, type Inflate, type ZlibOptions } from 'node:zlib';
import { cancelledError } from '../embed-evidence';
import { ParallelSha256, SLOT_BYTES } from '../parallel-sha256';
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
  readonly files: ReadonlyMap<EmbeddedStream, FileDigest>;
}

const INFLATE_QUEUE = 8 * 1024 * 1024;
const INFLATE_OUTPUT_CHUNK = 256 * 1024;

/** Hashes one embedded file's decoded bytes as its encoded bytes arrive. */
class FileHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly md5: Hash | null;
  private readonly inflater: Inflate | null;
  private size = 0;
  private error: string | undefined;
  private readonly done: Promise<void>;

  constructor(deflated: boolean, wantMd5: boolean) {
    this.md5 = wantMd5 ? createHash('md5') : null;
    if (!deflated) {
      this.inflater = null;
      this.done = Promise.resolve();
      return;
    }
    // Inflation runs on libuv's thread pool: compressed input is queued (up to INFLATE_QUEUE
    // bytes) instead of awaited chunk by chunk, so it overlaps with reading and hashing the
    // rest of the file; decoded bytes arrive in large pieces to keep the hashing calls few.
    // zlib streams pass stream options through to Transform, though ZlibOptions does not list them.
    const options: ZlibOptions & TransformOptions = { chunkSize: INFLATE_OUTPUT_CHUNK, writableHighWaterMark: INFLATE_QUEUE };
    const inflater = createInflate(options);
    this.inflater = inflater;
    inflater.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.md5?.update(chunk);
      this.size += chunk.length;
    });
    this.done = new Promise((resolve) => {
      inflater.on('end', resolve);
      inflater.on('error', (e: Error) => {
        // The first failure is the cause; writes refused after it must not replace its message.
        this.error ??= `its compressed data is damaged (${e.message})`;
        resolve();
      });
    });
  }

  /**
   * `chunk` may be reused by the caller once this returns: compressed bytes are copied into
   * the decoder's queue (they are the small part of a pack), and this waits only when the
   * queue is full.
   */
  async update(chunk: Buffer): Promise<void> {
    if (!this.inflater) {
      this.hash.update(chunk);
      this.md5?.update(chunk);
      this.size += chunk.length;
      return;
    }
    if (this.error) return;
    if (this.inflater.write(Buffer.from(chunk))) return;
    // Damaged compressed data makes zlib fail mid-write, and then 'drain' never fires: the
    // decoder ending (or failing) must also release the wait.
    await new Promise<void>((resolve) => {
      this.inflater!.once('drain', resolve);
      void this.done.then(resolve);
    });
  }

  async finish(): Promise<FileDigest> {
    this.inflater?.end();
    await this.done;
    const md5 = this.md5 ? this.md5.digest('hex') : null;
    return this.error
      ? { sha256: null, size: this.size, md5: null, error: this.error }
      : { sha256: this.hash.digest('hex'), size: this.size, md5 };
  }
}

/**
 * One sequential read of the file that feeds both the signature's byte ranges and every
 * embedded file's decoder and hash: the file is read once however large, in fixed chunks,
 * so memory stays flat.
 */
export async function hashPass(
  path: string,
  fileSize: number,
  ranges: readonly (readonly [number, number])[],
  streams: readonly EmbeddedStream[],
  onBytes: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<HashPassResult> {
  // The signed ranges are hashed on a second thread while this one feeds the file hashers.
  const rangeHash = new ParallelSha256();
  const ordered = [...streams].sort((a, b) => a.start - b.start);
  const hashers = new Map(ordered.map((s) => [s, new FileHasher(s.deflated, s.params.checksum !== null)]));
  const handle = await open(path, 'r');
  try {
    for (let offset = 0; offset < fileSize;) {
      if (signal?.aborted) throw cancelledError();
      // Read straight into shared memory: the range hash thread reads the same bytes, no copy.
      const slot = await rangeHash.acquire();
      const want = Math.min(SLOT_BYTES, fileSize - offset);
      let bytesRead = 0;
      while (bytesRead < want) {
        const r = await handle.read(slot.view, bytesRead, want - bytesRead, offset + bytesRead);
        if (r.bytesRead === 0) break;
        bytesRead += r.bytesRead;
      }
      if (bytesRead === 0) {
        rangeHash.commit(slot, 0, 0);
        break;
      }
      const chunk = slot.view.subarray(0, bytesRead);
      const end = offset + bytesRead;
      for (const stream of ordered) {
        const s = Math.max(stream.start, offset);
        const e = Math.min(stream.start + stream.length, end);
        if (s < e) await hashers.get(stream)!.update(chunk.subarray(s - offset, e - offset));
      }
      const pieces = ranges.map(([from, to]) => [Math.max(from, offset), Math.min(to, end)] as const).filter(([s, e]) => s < e);
      if (pieces.length === 0) rangeHash.commit(slot, 0, 0);
      else {
        // Later pieces (rare: only where the signature gap falls in this chunk) are copied first.
        const rest = pieces.slice(1).map(([s, e]) => Buffer.from(chunk.subarray(s - offset, e - offset)));
        rangeHash.commit(slot, pieces[0]![0] - offset, pieces[0]![1] - pieces[0]![0]);
        for (const piece of rest) await rangeHash.update(piece);
      }
      offset = end;
      onBytes(offset, fileSize);
    }
    const files = new Map<EmbeddedStream, FileDigest>();
    for (const [stream, hasher] of hashers) files.set(stream, await hasher.finish());
    return { rangeDigest: await rangeHash.digest(), files };
  } finally {
    await handle.close();
    await rangeHash.close();
  }
}
