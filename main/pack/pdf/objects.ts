/**
 * A small PDF object model: enough to read the pack's own structure back (catalog, names
 * tree, signature dictionary, stream headers) and to write the objects appended after
 * pdfkit's report. Streams are never held here: only their dictionaries and offsets.
 */

export class PdfName {
  constructor(readonly name: string) {}
}

/** A string object as raw bytes; `hex` remembers how it was (or should be) written. */
export class PdfString {
  constructor(
    readonly bytes: Uint8Array,
    readonly hex = false,
  ) {}
}

export class PdfRef {
  constructor(
    readonly num: number,
    readonly gen = 0,
  ) {}
}

/** Pre-formatted syntax written verbatim, e.g. a fixed-width /ByteRange to patch later. */
export class PdfRaw {
  constructor(readonly text: string) {}
}

export class PdfDict {
  readonly entries: Map<string, PdfValue>;
  constructor(entries?: Iterable<[string, PdfValue]> | Record<string, PdfValue | undefined>) {
    this.entries = new Map();
    if (!entries) return;
    const pairs = Symbol.iterator in entries ? entries : Object.entries(entries);
    for (const [k, v] of pairs as Iterable<[string, PdfValue | undefined]>) if (v !== undefined) this.entries.set(k, v);
  }
  get(key: string): PdfValue | undefined {
    return this.entries.get(key);
  }
  set(key: string, value: PdfValue): this {
    this.entries.set(key, value);
    return this;
  }
  has(key: string): boolean {
    return this.entries.has(key);
  }
}

export type PdfValue = null | boolean | number | PdfName | PdfString | PdfRef | PdfRaw | PdfDict | PdfValue[];

export const name = (n: string): PdfName => new PdfName(n);
export const ref = (num: number): PdfRef => new PdfRef(num, 0);
export const dict = (entries: Record<string, PdfValue | undefined>): PdfDict => new PdfDict(entries);

/** A text string: PDFDocEncoding-compatible ASCII as is, anything else as UTF-16BE with a BOM. */
export function textString(text: string): PdfString {
  if (/^[\x20-\x7e]*$/.test(text)) return new PdfString(Buffer.from(text, 'latin1'));
  const utf16 = Buffer.from(`\ufeff${text}`, 'utf16le');
  utf16.swap16();
  return new PdfString(utf16);
}

/** Decodes a text string written either as UTF-16BE (with BOM), UTF-8 (with BOM) or ASCII. */
export function decodeTextString(s: PdfString): string {
  const b = s.bytes;
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
    const copy = Buffer.from(b.subarray(2));
    copy.swap16();
    return copy.toString('utf16le');
  }
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return Buffer.from(b.subarray(3)).toString('utf8');
  return Buffer.from(b).toString('latin1');
}

/** `D:20261122141744Z`: the PDF date format, always in UTC. */
export function pdfDate(date: Date): PdfString {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const s = `D:${p(date.getUTCFullYear(), 4)}${p(date.getUTCMonth() + 1)}${p(date.getUTCDate())}${p(date.getUTCHours())}${p(date.getUTCMinutes())}${p(date.getUTCSeconds())}Z`;
  return new PdfString(Buffer.from(s, 'latin1'));
}

/** Parses the `D:YYYYMMDDHHmmSS` form (with Z or an offset) back to an instant, or null. */
export function parsePdfDate(text: string): Date | null {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(text);
  if (!m) return null;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', tz = 'Z'] = m;
  let offsetMinutes = 0;
  if (tz !== 'Z') {
    const sign = tz.startsWith('-') ? -1 : 1;
    const digits = tz.replace(/[^0-9]/g, '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || '0'));
  }
  const utc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * 60_000;
  return Number.isNaN(utc) ? null : new Date(utc);
}

const NAME_REGULAR = /^[!-~]$/;
const NAME_DELIMITERS = new Set(['(', ')', '<', '>', '[', ']', '{', '}', '/', '%', '#']);

function serializeName(n: string): string {
  let out = '/';
  for (const byte of Buffer.from(n, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += NAME_REGULAR.test(ch) && !NAME_DELIMITERS.has(ch) ? ch : `#${byte.toString(16).padStart(2, '0')}`;
  }
  return out;
}

function serializeLiteralString(bytes: Uint8Array): string {
  let out = '(';
  for (const byte of bytes) {
    if (byte === 0x28 || byte === 0x29 || byte === 0x5c) out += `\\${String.fromCharCode(byte)}`;
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x0a) out += '\\n';
    else out += String.fromCharCode(byte);
  }
  return `${out})`;
}

function serializeNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`Cannot write ${n} into a PDF`);
  if (Number.isInteger(n)) return String(n);
  return n.toFixed(4).replace(/0+$/, '').replace(/\.$/, '');
}

/** PDF syntax for a value, as a latin1 string (one char per byte). */
export function serialize(value: PdfValue): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') return serializeNumber(value);
  if (value instanceof PdfName) return serializeName(value.name);
  if (value instanceof PdfString) {
    return value.hex ? `<${Buffer.from(value.bytes).toString('hex')}>` : serializeLiteralString(value.bytes);
  }
  if (value instanceof PdfRef) return `${value.num} ${value.gen} R`;
  if (value instanceof PdfRaw) return value.text;
  if (value instanceof PdfDict) {
    const parts: string[] = [];
    for (const [k, v] of value.entries) parts.push(`${serializeName(k)} ${serialize(v)}`);
    return `<<${parts.join(' ')}>>`;
  }
  return `[${value.map(serialize).join(' ')}]`;
}

// Readers' helpers: typed access that says what is wrong when a pack is malformed.

export function asDict(v: PdfValue | undefined): PdfDict | null {
  return v instanceof PdfDict ? v : null;
}
export function asName(v: PdfValue | undefined): string | null {
  return v instanceof PdfName ? v.name : null;
}
export function asNumber(v: PdfValue | undefined): number | null {
  return typeof v === 'number' ? v : null;
}
export function asArray(v: PdfValue | undefined): PdfValue[] | null {
  return Array.isArray(v) ? v : null;
}
export function asString(v: PdfValue | undefined): PdfString | null {
  return v instanceof PdfString ? v : null;
}
export function asRef(v: PdfValue | undefined): PdfRef | null {
  return v instanceof PdfRef ? v : null;
}
