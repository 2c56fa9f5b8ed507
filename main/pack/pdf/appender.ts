import type { FileHandle } from 'node:fs/promises';
import { serialize, type PdfDict, type PdfValue } from './objects';

/** Receives every byte written, in order: the signature's first byte range is hashed as it goes. */
export interface ByteObserver {
  update(chunk: Uint8Array): void | Promise<void>;
}

const COALESCE_BYTES = 256 * 1024;

/**
 * Appends PDF objects to a file from a known offset, remembering where each object starts
 * for the cross-reference table. Small writes (object headers, dictionaries) are gathered
 * into one system call; big chunks go straight through.
 */
export class PdfAppender {
  readonly objectOffsets = new Map<number, number>();
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private written: number;

  constructor(
    private readonly handle: FileHandle,
    startOffset: number,
    private readonly observer: ByteObserver,
  ) {
    this.written = startOffset;
  }

  /** Offset the next byte will have in the file. */
  get offset(): number {
    return this.written + this.pendingBytes;
  }

  async write(data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
    await this.observer.update(bytes);
    if (bytes.length >= COALESCE_BYTES) {
      await this.flush();
      await this.writeFully(bytes);
      return;
    }
    this.pending.push(Buffer.from(bytes));
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= COALESCE_BYTES) await this.flush();
  }

  async flush(): Promise<void> {
    if (this.pendingBytes === 0) return;
    const joined = Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    await this.writeFully(joined);
  }

  private async writeFully(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.handle.write(bytes, done, bytes.length - done, this.written);
      done += bytesWritten;
      this.written += bytesWritten;
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
