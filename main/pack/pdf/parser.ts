import { PdfDict, PdfName, PdfRef, PdfString, type PdfValue } from './objects';

/** The buffer ended before the value did: the caller reads a bigger window and retries. */
export class NeedMoreBytes extends Error {
  constructor() {
    super('The PDF object continues beyond the bytes read.');
  }
}

/** Malformed syntax: a pack we wrote never has any. */
export class PdfSyntaxError extends Error {}

/**
 * Sound PDF, but laid out as no evidence pack is: its cross-reference data is a compressed
 * stream (PDF 1.5+, as most PDFs written today), where a pack has a plain table. With no
 * signature in sight, such a file is another document, not a damaged pack.
 */
export class PdfXrefStreamError extends PdfSyntaxError {}

const WHITESPACE = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIMITERS = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

const isRegular = (b: number) => !WHITESPACE.has(b) && !DELIMITERS.has(b);

const XREF_ENTRY_BYTES = 20;

/**
 * The entry of a cross-reference table at `at`, as the standard lays it out: a 10-digit offset,
 * a space, a 5-digit generation, a space, "n" or "f", and a two-byte end of line (SP CR, SP LF
 * or CR LF). The offset for "n", -1 for "f", null for anything else.
 */
function fixedXrefEntry(buf: Uint8Array, at: number): number | null {
  let offset = 0;
  for (let i = 0; i < 10; i += 1) {
    const b = buf[at + i]!;
    if (b < 0x30 || b > 0x39) return null;
    offset = offset * 10 + (b - 0x30);
  }
  if (buf[at + 10] !== 0x20 || buf[at + 16] !== 0x20) return null;
  for (let i = 11; i < 16; i += 1) {
    const b = buf[at + i]!;
    if (b < 0x30 || b > 0x39) return null;
  }
  const eol1 = buf[at + 18];
  const eol2 = buf[at + 19];
  if (!((eol1 === 0x20 && (eol2 === 0x0d || eol2 === 0x0a)) || (eol1 === 0x0d && eol2 === 0x0a))) return null;
  const kind = buf[at + 17];
  return kind === 0x6e ? offset : kind === 0x66 ? -1 : null;
}

/** The bytes from `start` to `end` as Latin-1 text, without copying them first. */
function latin1(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
}

/**
 * A recursive-descent reader over one window of a file. Positions are relative to the
 * window; `atEnd` says whether the window reaches the end of the file, so running out of
 * bytes is either "read more" or a real truncation.
 */
export class PdfParser {
  pos = 0;
  constructor(
    readonly buf: Uint8Array,
    private readonly atEnd: boolean,
  ) {}

  private byte(at = this.pos): number {
    if (at >= this.buf.length) {
      if (this.atEnd) throw new PdfSyntaxError('The file ends in the middle of a PDF object.');
      throw new NeedMoreBytes();
    }
    return this.buf[at]!;
  }

  skipWhitespace(): void {
    for (;;) {
      if (this.pos >= this.buf.length) {
        if (this.atEnd) return;
        throw new NeedMoreBytes();
      }
      const b = this.buf[this.pos]!;
      if (WHITESPACE.has(b)) this.pos += 1;
      else if (b === 0x25) {
        while (this.pos < this.buf.length && this.buf[this.pos] !== 0x0a && this.buf[this.pos] !== 0x0d) this.pos += 1;
      } else return;
    }
  }

  /** A bare word (keyword or number) at the current position. */
  word(): string {
    const start = this.pos;
    for (;;) {
      if (this.pos >= this.buf.length) {
        if (this.atEnd) break;
        throw new NeedMoreBytes();
      }
      if (!isRegular(this.buf[this.pos]!)) break;
      this.pos += 1;
    }
    return latin1(this.buf, start, this.pos);
  }

  peekKeyword(keyword: string): boolean {
    this.skipWhitespace();
    const end = this.pos + keyword.length;
    if (end >= this.buf.length && !this.atEnd) throw new NeedMoreBytes();
    const text = latin1(this.buf, this.pos, Math.min(end, this.buf.length));
    return text === keyword && (end >= this.buf.length || !isRegular(this.buf[end]!));
  }

  expectKeyword(keyword: string): void {
    if (!this.peekKeyword(keyword)) throw new PdfSyntaxError(`Expected "${keyword}" in the PDF structure.`);
    this.pos += keyword.length;
  }

  readInteger(): number {
    this.skipWhitespace();
    const start = this.pos;
    let value = 0;
    for (; this.pos < this.buf.length; this.pos += 1) {
      const b = this.buf[this.pos]!;
      if (b < 0x30 || b > 0x39) break;
      value = value * 10 + (b - 0x30);
    }
    if (this.pos >= this.buf.length && !this.atEnd) throw new NeedMoreBytes();
    // Digits up to a delimiter or whitespace, and at least one: else it is some other word.
    if (this.pos === start || (this.pos < this.buf.length && isRegular(this.buf[this.pos]!))) {
      this.pos = start;
      const w = this.word();
      throw new PdfSyntaxError(`Expected a number in the PDF structure, found "${w.slice(0, 20)}".`);
    }
    return value;
  }

  /**
   * A cross-reference subsection's `count` entries, from object `first` on: the number and
   * offset of each one in use ("n") go into `into`. Every entry is 20 bytes exactly (ISO
   * 32000-1, 7.5.4), so a table written to the standard, as every pack's is, is read by
   * position; one that is not is read word by word, as leniently as before.
   */
  readXrefEntries(first: number, count: number, into: [number, number][]): void {
    this.skipWhitespace();
    const start = this.pos;
    const end = start + count * XREF_ENTRY_BYTES;
    if (end > this.buf.length && !this.atEnd) throw new NeedMoreBytes();
    if (end <= this.buf.length) {
      const fixed: [number, number][] = [];
      let i = 0;
      for (; i < count; i += 1) {
        const offset = fixedXrefEntry(this.buf, start + i * XREF_ENTRY_BYTES);
        if (offset === null) break;
        if (offset >= 0) fixed.push([first + i, offset]);
      }
      if (i === count) {
        for (const entry of fixed) into.push(entry);
        this.pos = end;
        return;
      }
    }
    for (let i = 0; i < count; i += 1) {
      const entryOffset = this.readInteger();
      this.readInteger();
      this.skipWhitespace();
      const kind = this.word();
      if (kind === 'n') into.push([first + i, entryOffset]);
      else if (kind !== 'f') throw new PdfSyntaxError('A cross-reference entry is neither "n" nor "f".');
    }
  }

  /** `N G obj`: returns the object number and generation. */
  readObjectHeader(): { num: number; gen: number } {
    const num = this.readInteger();
    const gen = this.readInteger();
    this.expectKeyword('obj');
    return { num, gen };
  }

  readValue(depth = 0): PdfValue {
    if (depth > 64) throw new PdfSyntaxError('PDF objects are nested too deeply.');
    this.skipWhitespace();
    const b = this.byte();
    if (b === 0x2f) return this.readName();
    if (b === 0x28) return this.readLiteralString();
    if (b === 0x3c) {
      if (this.byte(this.pos + 1) === 0x3c) return this.readDict(depth);
      return this.readHexString();
    }
    if (b === 0x5b) {
      this.pos += 1;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhitespace();
        if (this.byte() === 0x5d) {
          this.pos += 1;
          return items;
        }
        items.push(this.readValue(depth + 1));
      }
    }
    const start = this.pos;
    const w = this.word();
    if (w === 'true') return true;
    if (w === 'false') return false;
    if (w === 'null') return null;
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) {
      // An integer may start an indirect reference: `12 0 R`.
      if (/^\d+$/.test(w)) {
        const save = this.pos;
        this.skipWhitespace();
        const g = this.word();
        if (/^\d+$/.test(g)) {
          this.skipWhitespace();
          if (this.word() === 'R') return new PdfRef(Number(w), Number(g));
        }
        this.pos = save;
      }
      return Number(w);
    }
    this.pos = start;
    throw new PdfSyntaxError(`Unexpected "${w.slice(0, 20) || String.fromCharCode(b)}" in the PDF structure.`);
  }

  private readName(): PdfName {
    this.pos += 1;
    const raw = this.word();
    const decoded = raw.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    return new PdfName(Buffer.from(decoded, 'latin1').toString('utf8'));
  }

  private readDict(depth: number): PdfDict {
    this.pos += 2;
    const d = new PdfDict();
    for (;;) {
      this.skipWhitespace();
      if (this.byte() === 0x3e && this.byte(this.pos + 1) === 0x3e) {
        this.pos += 2;
        return d;
      }
      if (this.byte() !== 0x2f) throw new PdfSyntaxError('A PDF dictionary key is not a name.');
      const key = this.readName().name;
      d.set(key, this.readValue(depth + 1));
    }
  }

  private readHexString(): PdfString {
    this.pos += 1;
    const start = this.pos;
    while (this.byte() !== 0x3e) this.pos += 1;
    const text = Buffer.from(this.buf.subarray(start, this.pos))
      .toString('latin1')
      .replace(/[\s\0]/g, '');
    this.pos += 1;
    if (!/^[0-9a-fA-F]*$/.test(text))
      throw new PdfSyntaxError('A hexadecimal string in the PDF holds characters that are not hexadecimal.');
    return new PdfString(Buffer.from(text.length % 2 ? `${text}0` : text, 'hex'), true);
  }

  private readLiteralString(): PdfString {
    this.pos += 1;
    const out: number[] = [];
    let nesting = 1;
    for (;;) {
      const b = this.byte();
      this.pos += 1;
      if (b === 0x5c) {
        const e = this.byte();
        this.pos += 1;
        const simple: Record<number, number> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
          0x28: 0x28,
          0x29: 0x29,
          0x5c: 0x5c,
        };
        if (e in simple) out.push(simple[e]!);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let i = 0; i < 2 && this.byte() >= 0x30 && this.byte() <= 0x37; i += 1) {
            v = v * 8 + (this.byte() - 0x30);
            this.pos += 1;
          }
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (this.byte() === 0x0a) this.pos += 1;
        } else if (e !== 0x0a) out.push(e);
      } else if (b === 0x28) {
        nesting += 1;
        out.push(b);
      } else if (b === 0x29) {
        nesting -= 1;
        if (nesting === 0) return new PdfString(Uint8Array.from(out));
        out.push(b);
      } else out.push(b);
    }
  }

  /**
   * After a stream dictionary: consumes `stream` and its end-of-line, returning the
   * offset (in the window) where the data starts, or null if no stream follows.
   */
  readStreamStart(): number | null {
    if (!this.peekKeyword('stream')) return null;
    this.pos += 'stream'.length;
    if (this.byte() === 0x0d) this.pos += 1;
    if (this.byte() === 0x0a) this.pos += 1;
    return this.pos;
  }
}
