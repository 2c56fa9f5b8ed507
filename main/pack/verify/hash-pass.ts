import { createHash, type Hash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { createInflate, type Inflate } from 'node:zlib';
import { cancelledError } from '../embed-evidence';
import type { EmbeddedStream } from './locate';

const CHUNK_BYTES = 2 * 1024 * 1024;

export interface FileDigest {
  readonly sha256: string | null;
  readonly size: number;
  /** Set when the stream could not be decoded. */
  readonly error?: string;
}

export interface HashPassResult {
  /** SHA-256 over the given byte ranges, concatenated. */
  readonly rangeDigest: Buffer;
  readonly files: ReadonlyMap<EmbeddedStream, FileDigest>;
}

/** Hashes one embedded file's decoded bytes as its encoded bytes arrive. */
class FileHasher {
  private readonly hash: Hash = createHash('sha256');
  private readonly inflater: Inflate | null;
  private size = 0;
  private error: string | undefined;
  private readonly done: Promise<void>;

  constructor(deflated: boolean) {
    if (!deflated) {
      this.inflater = null;
      this.done = Promise.resolve();
      return;
    }
    const inflater = createInflate();
    this.inflater = inflater;
    inflater.on('data', (chunk: Buffer) => {
      this.hash.update(chunk);
      this.size += chunk.length;
    });
    this.done = new Promise((resolve) => {
      inflater.on('end', resolve);
      inflater.on('error', (e: Error) => {
        this.error = `its compressed data is damaged (${e.message})`;
        resolve();
      });
    });
  }

  async update(chunk: Buffer): Promise<void> {
    if (!this.inflater) {
      this.hash.update(chunk);
      this.size += chunk.length;
      return;
    }
    if (this.error) return;
    if (!this.inflater.write(chunk)) {
      await new Promise<void>((resolve) => {
        const settle = () => {
          this.inflater!.off('drain', settle);
          this.inflater!.off('error', settle);
          resolve();
        };
        this.inflater!.once('drain', settle);
        this.inflater!.once('error', settle);
      });
    }
  }

  async finish(): Promise<FileDigest> {
    this.inflater?.end();
    await this.done;
    return this.error ? { sha256: null, size: this.size, error: this.error } : { sha256: this.hash.digest('hex'), size: this.size };
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
  const rangeHash = createHash('sha256');
  const ordered = [...streams].sort((a, b) => a.start - b.start);
  const hashers = new Map(ordered.map((s) => [s, new FileHasher(s.deflated)]));
  const handle = await open(path, 'r');
  try {
    for (let offset = 0; offset < fileSize; ) {
      if (signal?.aborted) throw cancelledError();
      const buf = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, fileSize - offset));
      const { bytesRead } = await handle.read(buf, 0, buf.length, offset);
      if (bytesRead === 0) break;
      const chunk = buf.subarray(0, bytesRead);
      const end = offset + bytesRead;
      for (const [from, to] of ranges) {
        const s = Math.max(from, offset);
        const e = Math.min(to, end);
        if (s < e) rangeHash.update(chunk.subarray(s - offset, e - offset));
      }
      for (const stream of ordered) {
        const s = Math.max(stream.start, offset);
        const e = Math.min(stream.start + stream.length, end);
        if (s < e) await hashers.get(stream)!.update(chunk.subarray(s - offset, e - offset));
      }
      offset = end;
      onBytes(offset, fileSize);
    }
    const files = new Map<EmbeddedStream, FileDigest>();
    for (const [stream, hasher] of hashers) files.set(stream, await hasher.finish());
    return { rangeDigest: rangeHash.digest(), files };
  } finally {
    await handle.close();
  }
}
