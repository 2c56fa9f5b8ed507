import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

/**
 * The POSIX ustar archive a contribution file is (docs/contributions.md): plain `tar -xf`
 * unpacks it, and it is written and read as a stream, so evidence of any size never sits in
 * memory. Only what a contribution needs: regular files with short ASCII names; the reader
 * also tolerates the directory entries `tar -cf` adds when someone repacks the folder.
 */

export const TAR_BLOCK = 512;

/** Why an archive was refused, in words for the person who chose the file. */
export class TarRefusal extends Error {
  override readonly name = 'TarRefusal';
}

function octal(value: number, width: number): string {
  // width - 1 digits, then NUL: what GNU tar and bsdtar write.
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

/** The 512-byte ustar header of a regular file. `name` is ASCII and at most 100 bytes. */
export function tarHeader(name: string, size: number, mtimeSeconds: number): Buffer {
  if (!/^[\x21-\x7e]{1,100}$/.test(name)) throw new Error(`Not a usable tar entry name: ${name}`);
  if (!Number.isSafeInteger(size) || size < 0 || size > 0o77777777777) throw new Error(`Not a usable tar entry size: ${size}`);
  const h = Buffer.alloc(TAR_BLOCK, 0);
  h.write(name, 0, 'ascii');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.max(0, Math.floor(mtimeSeconds)), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  let sum = 0;
  for (const b of h) sum += b;
  h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return h;
}

export function tarPadding(size: number): Buffer {
  const rest = size % TAR_BLOCK;
  return Buffer.alloc(rest === 0 ? 0 : TAR_BLOCK - rest, 0);
}

/** Two zero blocks end an archive. */
export const TAR_END = Buffer.alloc(TAR_BLOCK * 2, 0);

/** One file inside an archive: where its bytes are. */
export interface TarEntry {
  readonly name: string;
  readonly offset: number;
  readonly size: number;
}

export interface TarLimits {
  readonly maxEntries: number;
}

function readOctal(h: Buffer, start: number, length: number, what: string): number {
  const field = h.subarray(start, start + length);
  if ((field[0] ?? 0) & 0x80) throw new TarRefusal(`its ${what} field uses a binary encoding no contribution needs`);
  const text = field
    .toString('ascii')
    .replace(/[\0 ]+$/g, '')
    .replace(/^ +/, '');
  if (text === '') return 0;
  if (!/^[0-7]+$/.test(text)) throw new TarRefusal(`its ${what} field is damaged`);
  const n = parseInt(text, 8);
  if (!Number.isSafeInteger(n)) throw new TarRefusal(`its ${what} field is damaged`);
  return n;
}

function checksumOk(h: Buffer): boolean {
  const recorded = readOctal(h, 148, 8, 'checksum');
  let sum = 0;
  for (let i = 0; i < TAR_BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum === recorded;
}

/** What one header says: the end of the archive, a folder entry, or a regular file's name and size. */
type Header =
  { readonly kind: 'end' } | { readonly kind: 'folder' } | { readonly kind: 'file'; readonly name: string; readonly size: number };

/** Reads the header block at `at` of a `fileSize`-byte archive; throws TarRefusal as listTarEntries says. */
function parseHeader(header: Buffer, at: number, fileSize: number): Header {
  if (header.every((b) => b === 0)) return { kind: 'end' };
  if (!checksumOk(header)) throw new TarRefusal(`its entry header at byte ${at} is damaged`);
  const magic = header.subarray(257, 262).toString('ascii');
  if (magic !== 'ustar') throw new TarRefusal('it is not a POSIX (ustar) tar archive');
  const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
  const base = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
  const name = prefix ? `${prefix}/${base}` : base;
  const type = String.fromCharCode(header[156]!);
  const size = readOctal(header, 124, 12, 'size');
  if (at + TAR_BLOCK + paddedSize(size) > fileSize)
    throw new TarRefusal(`its entry "${name}" runs past the end of the file (the file was cut short)`);
  if (type === '5') {
    if (size !== 0) throw new TarRefusal(`its folder entry "${name}" is damaged`);
    return { kind: 'folder' };
  }
  if (type === '0' || type === '\0') return { kind: 'file', name, size };
  const what =
    type === '1' || type === '2'
      ? 'a link'
      : type === 'x' || type === 'g' || type === 'L' || type === 'K'
        ? 'an extended header'
        : 'a special file';
  throw new TarRefusal(`its entry "${name}" is ${what}, which a contribution never holds`);
}

function paddedSize(size: number): number {
  return size + ((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK);
}

/**
 * Lists the regular files of the archive in `handle` (of `fileSize` bytes) from their headers,
 * refusing anything that is not a plain file or folder entry (links, devices, long-name and
 * pax extensions), a damaged header, an entry running past the end of the file, a repeated
 * name, and more than `maxEntries` entries. Names are returned as written; the caller decides
 * which it accepts. Throws TarRefusal.
 */
export async function listTarEntries(handle: FileHandle, fileSize: number, limits: TarLimits): Promise<TarEntry[]> {
  const entries: TarEntry[] = [];
  const seen = new Set<string>();
  let at = 0;
  const header = Buffer.alloc(TAR_BLOCK);
  for (;;) {
    if (at + TAR_BLOCK > fileSize) throw new TarRefusal('it ends in the middle of an entry (the file was cut short)');
    const { bytesRead } = await handle.read(header, 0, TAR_BLOCK, at);
    if (bytesRead !== TAR_BLOCK) throw new TarRefusal('it ends in the middle of an entry (the file was cut short)');
    const parsed = parseHeader(header, at, fileSize);
    if (parsed.kind === 'end') break;
    countEntry(entries.length, seen, parsed, limits);
    if (parsed.kind === 'file') entries.push({ name: parsed.name, offset: at + TAR_BLOCK, size: parsed.size });
    at += TAR_BLOCK + (parsed.kind === 'file' ? paddedSize(parsed.size) : 0);
  }
  return entries;
}

/** Counts one more entry against the limit and refuses a repeated file name. */
function countEntry(counted: number, seen: Set<string>, parsed: Header, limits: TarLimits): void {
  // Folder entries count too: `counted` is the number of entries before this one.
  if (counted + 1 > limits.maxEntries)
    throw new TarRefusal(`it holds more than ${limits.maxEntries} entries, far more than any contribution`);
  if (parsed.kind !== 'file') return;
  if (seen.has(parsed.name)) throw new TarRefusal(`it holds "${parsed.name}" twice`);
  seen.add(parsed.name);
}

/** A regular file of a scanned archive: where it is, its SHA-256, and its bytes when the caller kept them. */
export interface ScannedTarEntry extends TarEntry {
  readonly sha256: string;
  readonly bytes: Buffer | null;
}

export interface ScannedTar {
  /** The SHA-256 of the whole file, every byte of it up to `fileSize`. */
  readonly sha256: string;
  readonly entries: readonly ScannedTarEntry[];
}

const SCAN_CHUNK = 1024 * 1024;

/**
 * Reads the archive in `handle` once, start to end: the headers as listTarEntries checks them,
 * the SHA-256 of every regular file and of the whole file, and the bytes of the entries `keep`
 * asks for (small ones: the caller checks sizes first). Everything returned comes from that one
 * read, so a file changed while (or after) it is read cannot make what was hashed differ from
 * what is used. Throws TarRefusal.
 */
export async function scanTar(
  handle: FileHandle,
  fileSize: number,
  limits: TarLimits & { readonly keep: (entry: TarEntry) => boolean },
): Promise<ScannedTar> {
  const whole = createHash('sha256');
  let at = 0;
  /** The next `n` bytes of the file, hashed into the whole file's SHA-256. */
  const next = async (n: number, cutShort: string): Promise<Buffer> => {
    const buf = Buffer.alloc(n);
    let done = 0;
    while (done < n) {
      const { bytesRead } = await handle.read(buf, done, n - done, at + done);
      if (bytesRead === 0) throw new TarRefusal(cutShort);
      done += bytesRead;
    }
    at += n;
    whole.update(buf);
    return buf;
  };
  const entries: ScannedTarEntry[] = [];
  const seen = new Set<string>();
  let counted = 0;
  for (;;) {
    const cutShort = 'it ends in the middle of an entry (the file was cut short)';
    if (at + TAR_BLOCK > fileSize) throw new TarRefusal(cutShort);
    const headerAt = at;
    const parsed = parseHeader(await next(TAR_BLOCK, cutShort), headerAt, fileSize);
    if (parsed.kind === 'end') break;
    countEntry(counted++, seen, parsed, limits);
    if (parsed.kind !== 'file') continue;
    const entry: TarEntry = { name: parsed.name, offset: at, size: parsed.size };
    const kept: Buffer[] | null = limits.keep(entry) ? [] : null;
    const hash = createHash('sha256');
    const entryCut = `its entry "${entry.name}" was cut short`;
    for (let left = entry.size; left > 0;) {
      const chunk = await next(Math.min(left, SCAN_CHUNK), entryCut);
      hash.update(chunk);
      kept?.push(chunk);
      left -= chunk.length;
    }
    await next(paddedSize(entry.size) - entry.size, entryCut);
    entries.push({ ...entry, sha256: hash.digest('hex'), bytes: kept ? Buffer.concat(kept) : null });
  }
  // The end-of-archive blocks and anything after them are part of the file, and of its hash.
  while (at < fileSize) await next(Math.min(fileSize - at, SCAN_CHUNK), 'it was cut short while it was read');
  return { sha256: whole.digest('hex'), entries };
}

/** The bytes of one entry as a stream, read from the already open file (so a rename of the path changes nothing). */
export function tarEntryStream(handle: FileHandle, entry: TarEntry): AsyncIterable<Uint8Array> {
  if (entry.size === 0) return (async function* empty() {})();
  return createReadStream('', { fd: handle, start: entry.offset, end: entry.offset + entry.size - 1, autoClose: false });
}

/** The whole entry, for the small JSON files; the caller has checked `size` against its cap. */
export async function readTarEntry(handle: FileHandle, entry: TarEntry): Promise<Buffer> {
  const buf = Buffer.alloc(entry.size);
  let done = 0;
  while (done < entry.size) {
    const { bytesRead } = await handle.read(buf, done, entry.size - done, entry.offset + done);
    if (bytesRead === 0) throw new TarRefusal(`its entry "${entry.name}" was cut short`);
    done += bytesRead;
  }
  return buf;
}
