import { readSync, writeSync } from 'node:fs';
import { SLOT_BYTES, type ParallelSha256, type RingSlot } from '../parallel-sha256';
import { EventLoopTurns } from '../../fs/event-loop-turns';
import { serialize, type PdfDict, type PdfValue } from './objects';

/** How often a long copy lets the event loop run (progress, a cancel), in bytes. */
const TURN_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * Appends PDF objects to a file from a known offset, remembering where each object starts
 * for the cross-reference table. Every byte goes through `sink`, whose thread hashes it (the
 * signature's first byte range) and writes it to the file: small writes (object headers,
 * dictionaries) are gathered in one ring slot, and file copies are read straight into slots.
 */
export class PdfAppender {
  readonly objectOffsets = new Map<number, number>();
  private slot: RingSlot | null = null;
  private filled = 0;
  private written: number;

  constructor(
    private readonly sink: ParallelSha256,
    startOffset: number,
  ) {
    this.written = startOffset;
  }

  /** The hashing thread the bytes go through, for other hashes of the same work (an evidence file's own). */
  get ring(): ParallelSha256 {
    return this.sink;
  }

  /** Offset the next byte will have in the file. */
  get offset(): number {
    return this.written + this.filled;
  }

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    for (let done = 0; done < bytes.length;) {
      this.slot ??= await this.sink.acquire();
      const n = Math.min(SLOT_BYTES - this.filled, bytes.length - done);
      this.slot.view.set(bytes.subarray(done, done + n), this.filled);
      this.filled += n;
      done += n;
      if (this.filled === SLOT_BYTES) this.flush();
    }
  }

  /** Hands the bytes gathered so far to the sink (they are in the file once it has drained). */
  flush(): void {
    if (!this.slot) return;
    this.sink.commit(this.slot, 0, this.filled, 0, this.written);
    this.written += this.filled;
    this.slot = null;
    this.filled = 0;
  }

  /**
   * Appends the rest of an open file, read from `position` straight into ring slots; each
   * chunk is shown to `visit` (which may hash it) before it is written. Returns the bytes
   * copied. Reads are synchronous and small, so the chunk is still in cache when it is hashed
   * and written; every few MiB the event loop runs, so progress and a cancel get through.
   */
  async appendFile(fd: number, position: number, visit: (chunk: Buffer) => void, signal?: AbortSignal): Promise<number> {
    this.flush();
    let copied = 0;
    const turns = new EventLoopTurns(TURN_EVERY_BYTES);
    for (;;) {
      if (signal?.aborted) return copied;
      const slot = await this.sink.acquire();
      const n = readSync(fd, slot.view, 0, SLOT_BYTES, position + copied);
      if (n === 0) {
        this.sink.commit(slot, 0, 0);
        return copied;
      }
      visit(slot.view.subarray(0, n));
      if (this.sink.fd >= 0 && this.sink.behind) {
        // The sink's thread is behind: write this piece here, while it is still in cache.
        for (let done = 0; done < n;) done += writeSync(this.sink.fd, slot.view, done, n - done, this.written + done);
        this.sink.commitWritten(slot, n);
      } else this.sink.commit(slot, 0, n, 0, this.written);
      this.written += n;
      copied += n;
      const turn = turns.after(n);
      if (turn) await turn;
    }
  }

  async beginObject(num: number): Promise<void> {
    this.objectOffsets.set(num, this.offset);
    await this.write(`${num} 0 obj\n`);
  }

  async writeObject(num: number, value: PdfValue): Promise<void> {
    await this.beginObject(num);
    await this.write(`${serialize(value)}\nendobj\n`);
  }

  /** A stream whose data is already in memory (manifest, appearance). */
  async writeStreamObject(num: number, streamDict: PdfDict, data: Uint8Array): Promise<void> {
    streamDict.set('Length', data.length);
    await this.beginObject(num);
    await this.write(`${serialize(streamDict)}\nstream\n`);
    await this.write(data);
    await this.write('\nendstream\nendobj\n');
  }
}

/**
 * A classic cross-reference section for the objects of one incremental update, grouped
 * into runs of consecutive numbers. Each entry is exactly 20 bytes, as the format demands.
 */
export function xrefSection(objectOffsets: ReadonlyMap<number, number>): string {
  const nums = [...objectOffsets.keys()].sort((a, b) => a - b);
  let out = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j += 1;
    out += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k += 1) {
      const offset = objectOffsets.get(nums[k]!)!;
      if (offset > 9_999_999_999) throw new Error('The pack is larger than a classic PDF cross-reference table can address (10 GB).');
      out += `${String(offset).padStart(10, '0')} 00000 n \n`;
    }
    i = j + 1;
  }
  return out;
}
