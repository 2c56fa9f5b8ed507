import { readSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { readFully } from '../../fs/read-fully';
import { asNumber, asRef, PdfDict, PdfName, PdfRef, type PdfValue } from './objects';
import { NeedMoreBytes, PdfParser, PdfSyntaxError, PdfXrefStreamError } from './parser';

/** An object read from the file: its value, and where its stream data starts if it has one. */
export interface PdfObjectAt {
  readonly num: number;
  readonly offset: number;
  readonly value: PdfValue;
  /** Absolute file offset of the first byte of stream data. */
  readonly streamOffset: number | null;
}

export interface XrefSection {
  readonly offset: number;
  readonly trailer: PdfDict;
}

const FIRST_WINDOW = 4096;
// No object in a pack comes near this; a bigger one means the file is not what it claims.
const MAX_OBJECT_BYTES = 256 * 1024 * 1024;

/** Whether the parser stands at an object whose dictionary says /Type /XRef (a cross-reference stream). */
function isXrefStream(p: PdfParser): boolean {
  try {
    p.readObjectHeader();
    const value = p.readValue();
    return value instanceof PdfDict && value.get('Type') instanceof PdfName && (value.get('Type') as PdfName).name === 'XRef';
  } catch (e) {
    if (e instanceof NeedMoreBytes) throw e;
    return false;
  }
}

/**
 * Random access to a PDF through its cross-reference tables, reading only the bytes asked
 * for: a multi-GiB pack costs a few small reads, never a load of the whole file.
 */
export class PdfFileReader {
  private readonly offsets = new Map<number, number>();
  private readonly cache = new Map<number, PdfObjectAt>();
  /** Newest first: the last revision's table, then each /Prev. */
  sections: XrefSection[] = [];
  startxref = 0;

  private constructor(
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  static async open(path: string): Promise<PdfFileReader> {
    return PdfFileReader.over(await open(path, 'r'));
  }

  /** A reader of a file already open (and checked); it owns the handle from now on, and closes it. */
  static async over(handle: FileHandle): Promise<PdfFileReader> {
    try {
      const { size } = await handle.stat();
      return new PdfFileReader(handle, size);
    } catch (e) {
      await handle.close();
      throw e;
    }
  }

  /** The descriptor read: for another pass over the very same file (never the path opened again). */
  get fd(): number {
    return this.handle.fd;
  }

  async close(): Promise<void> {
    await this.handle.close();
  }

  /**
   * The bytes at `offset`. Read synchronously: finding a pack's structure takes hundreds of
   * small reads of a local file, and a trip through libuv's pool for each cost more than the
   * read itself (for a pack of 76 files, 39 ms of reading its attachments' entries became 22).
   */
  async readAt(offset: number, length: number): Promise<Buffer> {
    const len = Math.max(0, Math.min(length, this.size - offset));
    const buf = Buffer.allocUnsafe(len);
    const done = readFully(readSync, this.handle.fd, buf, 0, len, offset);
    return done === len ? buf : buf.subarray(0, done);
  }

  /** Runs `parse` over a growing window at `offset` until it has the bytes it needs. */
  async parseAt<T>(offset: number, parse: (p: PdfParser) => T): Promise<T> {
    if (offset < 0 || offset >= this.size) throw new PdfSyntaxError(`An offset in the PDF (${offset}) points outside the file.`);
    for (let window = FIRST_WINDOW; ; window *= 4) {
      const buf = await this.readAt(offset, window);
      const atEnd = offset + buf.length >= this.size;
      try {
        return parse(new PdfParser(buf, atEnd));
      } catch (e) {
        if (!(e instanceof NeedMoreBytes) || atEnd || window >= MAX_OBJECT_BYTES) throw e;
      }
    }
  }

  /** Reads `startxref` and every cross-reference section it chains to. */
  async readStructure(): Promise<void> {
    const tailLength = Math.min(this.size, 2048);
    const tail = (await this.readAt(this.size - tailLength, tailLength)).toString('latin1');
    const at = tail.lastIndexOf('startxref');
    const m = at < 0 ? null : /^startxref\s+(\d+)/.exec(tail.slice(at));
    if (!m) throw new PdfSyntaxError('The end of the file has no "startxref": the PDF is truncated or damaged.');
    this.startxref = Number(m[1]);
    const seen = new Set<number>();
    let next: number | null = this.startxref;
    while (next !== null) {
      if (seen.has(next)) throw new PdfSyntaxError('The cross-reference tables of the PDF loop.');
      seen.add(next);
      const section = await this.readXrefSection(next);
      this.sections.push(section);
      next = asNumber(section.trailer.get('Prev'));
    }
  }

  private async readXrefSection(offset: number): Promise<XrefSection> {
    const entries: [number, number][] = [];
    const trailer = await this.parseAt(offset, (p) => {
      entries.length = 0;
      if (!p.peekKeyword('xref')) {
        if (isXrefStream(p))
          throw new PdfXrefStreamError('The PDF keeps its cross-reference data in a compressed stream, which evidence packs never do.');
        throw new PdfSyntaxError('The cross-reference table of the PDF is damaged: "startxref" does not point at one.');
      }
      p.expectKeyword('xref');
      while (!p.peekKeyword('trailer')) {
        const first = p.readInteger();
        const count = p.readInteger();
        p.readXrefEntries(first, count, entries);
      }
      p.expectKeyword('trailer');
      const value = p.readValue();
      if (!(value instanceof PdfDict)) throw new PdfSyntaxError('The PDF trailer is not a dictionary.');
      return value;
    });
    // Newer sections were read first and win.
    for (const [num, entryOffset] of entries) if (!this.offsets.has(num)) this.offsets.set(num, entryOffset);
    return { offset, trailer };
  }

  get trailer(): PdfDict {
    const newest = this.sections[0];
    if (!newest) throw new Error('readStructure() has not run');
    return newest.trailer;
  }

  offsetOf(num: number): number | undefined {
    return this.offsets.get(num);
  }

  get objectNumbers(): readonly number[] {
    return [...this.offsets.keys()];
  }

  async readObject(reference: PdfRef | number): Promise<PdfObjectAt> {
    const num = typeof reference === 'number' ? reference : reference.num;
    const cached = this.cache.get(num);
    if (cached) return cached;
    const offset = this.offsets.get(num);
    if (offset === undefined) throw new PdfSyntaxError(`The PDF refers to object ${num}, which it does not contain.`);
    const parsed = await this.parseAt(offset, (p) => {
      const header = p.readObjectHeader();
      if (header.num !== num) throw new PdfSyntaxError(`Object ${num} is not where the cross-reference table says.`);
      const value = p.readValue();
      const streamStart = value instanceof PdfDict ? p.readStreamStart() : null;
      return { value, streamStart };
    });
    const result: PdfObjectAt = {
      num,
      offset,
      value: parsed.value,
      streamOffset: parsed.streamStart === null ? null : offset + parsed.streamStart,
    };
    this.cache.set(num, result);
    return result;
  }

  /** Follows indirect references until a direct value. */
  async resolve(value: PdfValue | undefined): Promise<PdfValue | undefined> {
    let v = value;
    for (let hops = 0; v instanceof PdfRef; hops += 1) {
      if (hops > 32) throw new PdfSyntaxError('The PDF references loop.');
      v = (await this.readObject(v)).value;
    }
    return v;
  }

  /** A stream's data position and encoded length (resolving an indirect /Length). */
  async streamExtent(object: PdfObjectAt): Promise<{ start: number; length: number }> {
    if (!(object.value instanceof PdfDict) || object.streamOffset === null) {
      throw new PdfSyntaxError(`Object ${object.num} should be a stream and is not.`);
    }
    const lengthValue = object.value.get('Length');
    const length = asRef(lengthValue) ? asNumber(await this.resolve(lengthValue)) : asNumber(lengthValue);
    if (length === null || length < 0 || object.streamOffset + length > this.size) {
      throw new PdfSyntaxError(`The length of stream ${object.num} is missing or runs past the end of the file.`);
    }
    return { start: object.streamOffset, length };
  }
}
