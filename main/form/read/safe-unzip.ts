import { Inflate } from 'fflate';

/** Limits that keep a hostile archive from filling memory. */
export interface ZipLimits {
  /** Sum of every entry's uncompressed size, declared and actual. */
  readonly maxTotalUncompressed: number;
  /** Largest uncompressed-to-compressed ratio allowed for an entry bigger than `ratioFloor`. */
  readonly maxEntryRatio: number;
  /** Entries smaller than this may compress as well as they like (tiny XML parts do). */
  readonly ratioFloor: number;
  readonly maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalUncompressed: 200 * 1024 * 1024,
  maxEntryRatio: 200,
  ratioFloor: 1024 * 1024,
  maxEntries: 10_000,
};

/** One entry of the central directory: the listing Word itself trusts. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly flags: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

/** Why an archive was refused, in words for the person who chose the file. */
export class ZipRefusal extends Error {
  override readonly name = 'ZipRefusal';
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const INFLATE_CHUNK = 64 * 1024;

/**
 * Lists a zip's entries from its central directory, refusing unsafe names and declared sizes
 * that add up to a zip bomb. Throws ZipRefusal; the caller words it for its file type.
 */
export function listZipEntries(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): readonly ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  const count = view.getUint16(eocd + 10, true);
  const directorySize = view.getUint32(eocd + 12, true);
  const directoryOffset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || directoryOffset === 0xffffffff || directorySize === 0xffffffff) {
    throw new ZipRefusal('it is a ZIP64 archive, which a Word document never needs');
  }
  if (count > limits.maxEntries) throw new ZipRefusal(`it holds ${count} parts, far more than any Word document`);
  if (directoryOffset + directorySize > eocd) throw new ZipRefusal('its table of contents is damaged');

  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  let at = directoryOffset;
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== CENTRAL_SIGNATURE) {
      throw new ZipRefusal('its table of contents is damaged');
    }
    const flags = view.getUint16(at + 8, true);
    const method = view.getUint16(at + 10, true);
    const compressedSize = view.getUint32(at + 20, true);
    const uncompressedSize = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const localHeaderOffset = view.getUint32(at + 42, true);
    if (at + 46 + nameLength > bytes.byteLength) throw new ZipRefusal('its table of contents is damaged');
    const name = new TextDecoder('utf-8').decode(bytes.subarray(at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;

    checkEntryName(name);
    if (flags & 0x1) throw new ZipRefusal(`its part "${name}" is encrypted`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      throw new ZipRefusal('it is a ZIP64 archive, which a Word document never needs');
    }
    declaredTotal += uncompressedSize;
    if (declaredTotal > limits.maxTotalUncompressed) {
      throw new ZipRefusal(`it would unpack to more than ${megabytes(limits.maxTotalUncompressed)} (a "zip bomb")`);
    }
    if (uncompressedSize > limits.ratioFloor && uncompressedSize / Math.max(compressedSize, 1) > limits.maxEntryRatio) {
      throw new ZipRefusal(`its part "${name}" is compressed implausibly tightly (a "zip bomb")`);
    }
    entries.push({ name, method, flags, compressedSize, uncompressedSize, localHeaderOffset });
  }
  return entries;
}

/**
 * Unpacks one entry, stopping as soon as it produces more than it declared or more than the
 * budget left, so a lying header cannot smuggle a bomb past `listZipEntries`.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, budget: number): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.byteLength || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new ZipRefusal(`its part "${entry.name}" is damaged`);
  }
  const dataStart = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const dataEnd = dataStart + entry.compressedSize;
  if (dataEnd > bytes.byteLength) throw new ZipRefusal(`its part "${entry.name}" is cut short`);
  const compressed = bytes.subarray(dataStart, dataEnd);
  const limit = Math.min(entry.uncompressedSize, budget);

  if (entry.method === 0) {
    if (compressed.byteLength !== entry.uncompressedSize) throw new ZipRefusal(`its part "${entry.name}" is damaged`);
    if (compressed.byteLength > budget) throw new ZipRefusal('it unpacks to more than is safe to read (a "zip bomb")');
    return compressed.slice();
  }
  if (entry.method !== 8) throw new ZipRefusal(`its part "${entry.name}" uses a compression method Word does not use`);

  const out = new Uint8Array(limit);
  let produced = 0;
  let finished = false;
  const inflate = new Inflate((chunk, final) => {
    if (produced + chunk.byteLength > limit) {
      throw new ZipRefusal(`its part "${entry.name}" unpacks to more than it declares (a "zip bomb")`);
    }
    out.set(chunk, produced);
    produced += chunk.byteLength;
    if (final) finished = true;
  });
  try {
    for (let offset = 0; offset < compressed.byteLength; offset += INFLATE_CHUNK) {
      const end = Math.min(offset + INFLATE_CHUNK, compressed.byteLength);
      inflate.push(compressed.subarray(offset, end), end === compressed.byteLength);
    }
    if (compressed.byteLength === 0) inflate.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof ZipRefusal) throw e;
    throw new ZipRefusal(`its part "${entry.name}" is damaged`);
  }
  if (!finished || produced !== entry.uncompressedSize) throw new ZipRefusal(`its part "${entry.name}" is damaged`);
  return out;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let at = view.byteLength - 22; at >= earliest; at--) {
    if (view.getUint32(at, true) === EOCD_SIGNATURE) return at;
  }
  throw new ZipRefusal('it is not a zip archive');
}

/** Names that would escape a folder if anything ever extracted them are refused outright. */
function checkEntryName(name: string): void {
  const unsafe =
    name.length === 0 ||
    name.includes('\0') ||
    name.startsWith('/') ||
    name.startsWith('\\') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split(/[/\\]/).some((segment) => segment === '..');
  if (unsafe) throw new ZipRefusal(`it contains a part with an unsafe path ("${name}")`);
}

function megabytes(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`;
}
