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
  let count = 0;
  const header = Buffer.alloc(TAR_BLOCK);
  for (;;) {
    if (at + TAR_BLOCK > fileSize) throw new TarRefusal('it ends in the middle of an entry (the file was cut short)');
    const { bytesRead } = await handle.read(header, 0, TAR_BLOCK, at);
    if (bytesRead !== TAR_BLOCK) throw new TarRefusal('it ends in the middle of an entry (the file was cut short)');
    if (header.every((b) => b === 0)) break;
    if (!checksumOk(header)) throw new TarRefusal(`its entry header at byte ${at} is damaged`);
    count += 1;
    if (count > limits.maxEntries) throw new TarRefusal(`it holds more than ${limits.maxEntries} entries, far more than any contribution`);
    const magic = header.subarray(257, 262).toString('ascii');
    if (magic !== 'ustar') throw new TarRefusal('it is not a POSIX (ustar) tar archive');
    const prefix = header.subarray(345, 500).toString('utf8').replace(/\0.*$/s, '');
    const base = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    const name = prefix ? `${prefix}/${base}` : base;
    const type = String.fromCharCode(header[156]!);
    const size = readOctal(header, 124, 12, 'size');
    const dataStart = at + TAR_BLOCK;
    const padded = size + ((TAR_BLOCK - (size % TAR_BLOCK)) % TAR_BLOCK);
    if (dataStart + padded > fileSize) throw new TarRefusal(`its entry "${name}" runs past the end of the file (the file was cut short)`);
    if (type === '5') {
      if (size !== 0) throw new TarRefusal(`its folder entry "${name}" is damaged`);
    } else if (type === '0' || type === '\0') {
      if (seen.has(name)) throw new TarRefusal(`it holds "${name}" twice`);
      seen.add(name);
      entries.push({ name, offset: dataStart, size });
    } else {
      const what =
        type === '1' || type === '2'
          ? 'a link'
          : type === 'x' || type === 'g' || type === 'L' || type === 'K'
            ? 'an extended header'
            : 'a special file';
      throw new TarRefusal(`its entry "${name}" is ${what}, which a contribution never holds`);
    }
    at = dataStart + padded;
  }
  return entries;
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
