import { createHash } from 'node:crypto';
import { readSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { promisify } from 'node:util';
import { constants as zlibConstants, deflateRaw, deflateRawSync } from 'node:zlib';
import { SscpError } from '../../shared/errors';
import { readFully } from '../fs/read-fully';
import { EventLoopTurns } from '../fs/event-loop-turns';
import { dict, name, pdfDate, ref, serialize } from './pdf/objects';
import type { PdfAppender } from './pdf/appender';
import type { Deflated } from './deflate-ahead';

/** Evidence is read (and deflated, in pieces) this much at a time. */
export const CHUNK_BYTES = 1024 * 1024;
const deflateRawAsync = promisify(deflateRaw);

/**
 * Formats whose data is compressed already (PDF streams, images, archives, office documents,
 * media): deflating them gains nothing, so they are stored without even sampling them.
 */
export function alreadyCompressed(mediaType: string): boolean {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  return (
    type === 'application/pdf' ||
    type.startsWith('image/') ||
    type.startsWith('video/') ||
    type.startsWith('audio/') ||
    type.startsWith('application/vnd.openxmlformats-officedocument.') ||
    type.startsWith('application/vnd.oasis.opendocument.') ||
    [
      'application/zip',
      'application/gzip',
      'application/x-gzip',
      'application/x-bzip2',
      'application/x-xz',
      'application/zstd',
      'application/x-7z-compressed',
      'application/x-rar-compressed',
      'application/vnd.rar',
      'application/java-archive',
      'application/x-tar+gzip',
      'application/epub+zip',
    ].includes(type)
  );
}

/** Samples deflated to decide; each this long, spread evenly over the file. */
export const SAMPLE_BYTES = 64 * 1024;
const SAMPLES = 4;
/**
 * Compress only when the samples shrink by at least this much. Logs, JSON, XML, CSV and
 * prose shrink by 60–90 % and deflate fast; base64 and hex dumps shrink by only ~25 %
 * (6 or 4 bits of information per 8-bit character) at a level-1 speed of ~40 MB/s per core,
 * which would cost several seconds per GiB to save a quarter of their size: they are stored.
 */
export const MIN_COMPRESSION_GAIN = 0.4;
/** Below this a file is stored: the saving is a few bytes at most. */
const MIN_COMPRESS_SIZE = 256;
/**
 * How evidence is deflated: the fastest level, with an 8 KiB window (windowBits 13). On logs
 * and JSON that is 15–35 % faster than zlib's default 32 KiB window at level 1 and compresses
 * as well or better (level 1 finds few matches further back); smaller windows lose ratio.
 */
export const EVIDENCE_DEFLATE = { level: 1, windowBits: 13, memLevel: 8 } as const;
/**
 * The zlib header (RFC 1950) of an evidence stream: CMF 0x58 (deflate, CINFO 5: an 8 KiB
 * window, as EVIDENCE_DEFLATE), FLG 0x09 (FLEVEL 0, the fastest; no dictionary; FCHECK 9,
 * so 0x5809 is a multiple of 31). An inflater set up for any larger window reads it too.
 */
export const EVIDENCE_ZLIB_HEADER: readonly number[] = [0x58, 0x09];

/**
 * Whether deflating this file pays: known-compressed formats never, otherwise by deflating
 * a few samples spread over the file and comparing the gain with MIN_COMPRESSION_GAIN. Reads
 * at most SAMPLES × SAMPLE_BYTES; the bytes embedded are hashed separately, so a file that
 * changes after sampling is still caught.
 */
export async function shouldCompress(path: string, size: number, mediaType: string): Promise<boolean> {
  if (size < MIN_COMPRESS_SIZE || alreadyCompressed(mediaType)) return false;
  const handle = await open(path, 'r');
  try {
    const sample = Buffer.allocUnsafe(SAMPLE_BYTES);
    let raw = 0;
    let packed = 0;
    const count = size <= SAMPLE_BYTES * SAMPLES ? Math.ceil(size / SAMPLE_BYTES) : SAMPLES;
    for (let i = 0; i < count; i++) {
      const at = count === 1 ? 0 : Math.floor(((size - SAMPLE_BYTES) * i) / (count - 1));
      const { bytesRead } = await handle.read(sample, 0, Math.min(SAMPLE_BYTES, size - Math.max(0, at)), Math.max(0, at));
      if (bytesRead === 0) break;
      raw += bytesRead;
      packed += deflateRawSync(sample.subarray(0, bytesRead), EVIDENCE_DEFLATE).length;
    }
    return raw > 0 && 1 - packed / raw >= MIN_COMPRESSION_GAIN;
  } finally {
    await handle.close();
  }
}

export interface EvidenceStreamSpec {
  readonly label: string;
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly mediaType: string;
  readonly modifiedAt: Date;
  /** Object number for the stream; `lengthNum` receives its length when compressed. */
  readonly streamNum: number;
  readonly lengthNum: number;
  /** Whether to deflate it, when already decided (shouldCompress); sampled here otherwise. */
  readonly compress?: boolean;
  /**
   * The file already read, hashed and deflated (DeflateAhead), when `compress`: written after
   * its size and SHA-256 are checked, instead of reading the file again.
   */
  readonly deflated?: Deflated | null;
}

function changedError(label: string, what: string): SscpError {
  return SscpError.because({ code: 'evidence-changed', label, what });
}

/**
 * Streams one evidence file into an embedded-file stream object, hashing it on the way and
 * refusing it if it is not exactly the file recorded: a pack must never carry bytes its
 * manifest does not vouch for. `onBytes` reports progress per chunk read.
 */
export async function embedEvidenceStream(
  out: PdfAppender,
  spec: EvidenceStreamSpec,
  onBytes: (n: number) => void,
  signal?: AbortSignal,
): Promise<void> {
  let actualSize: number;
  try {
    actualSize = (await stat(spec.path)).size;
  } catch {
    throw SscpError.because({ code: 'pack-evidence-missing', label: spec.label });
  }
  if (actualSize !== spec.size) throw changedError(spec.label, `changed size (${actualSize} bytes, not ${spec.size})`);

  const compress = spec.compress ?? (await shouldCompress(spec.path, spec.size, spec.mediaType));
  const streamDict = dict({
    Type: name('EmbeddedFile'),
    Subtype: name(spec.mediaType),
    Params: dict({ Size: spec.size, ModDate: pdfDate(spec.modifiedAt) }),
    Length: compress ? ref(spec.lengthNum) : spec.size,
    Filter: compress ? name('FlateDecode') : undefined,
  });
  const ahead = compress ? spec.deflated : null;
  if (ahead) {
    // Checked before a byte is written: these are exactly the bytes that were hashed.
    if (ahead.read !== spec.size) throw changedError(spec.label, 'changed size while it was being read');
    if (ahead.sha256 !== spec.sha256) throw changedError(spec.label, 'changed');
  }
  await out.beginObject(spec.streamNum);
  await out.write(`${serialize(streamDict)}\nstream\n`);
  const dataStart = out.offset;

  let copied: Copied;
  try {
    if (ahead) {
      await writeDeflated(out, ahead);
      onBytes(ahead.read);
      copied = ahead;
    } else if (compress) copied = await deflateChunks(spec.path, out, onBytes, signal);
    else copied = await copyRaw(spec.path, out, onBytes, signal);
  } catch (e) {
    if (signal?.aborted) throw cancelledError();
    throw e;
  }
  if (copied.read !== spec.size) throw changedError(spec.label, 'changed size while it was being read');
  if (copied.sha256 !== spec.sha256) throw changedError(spec.label, 'changed');

  const encodedLength = out.offset - dataStart;
  await out.write('\nendstream\nendobj\n');
  if (compress) await out.writeObject(spec.lengthNum, encodedLength);
}

/** Room for a whole deflated chunk: deflate's worst case is the input plus about 0.03 %. */
const DEFLATE_OUTPUT_BYTES = CHUNK_BYTES + 64 * 1024;

/** What copying one file into the pack read: its size and SHA-256 as read. */
interface Copied {
  readonly read: number;
  readonly sha256: string;
}

/** How often a long deflate lets the event loop run (progress, a cancel), in bytes. */
const TURN_EVERY_BYTES = 8 * 1024 * 1024;

/**
 * Deflates a file into one zlib stream, pigz-style: each 1 MiB chunk is deflated on its own,
 * ending with a sync flush (byte-aligned, not final), and the pieces are written in order; an
 * empty final block and the Adler-32 of the whole file close the stream. Any inflater reads
 * it as one ordinary zlib stream. Chunks lose their 8 KiB back-reference window at each
 * boundary, which costs well under 1 % of the compressed size. Files deflated ahead
 * (deflate-ahead.ts) are the same pieces, made on another thread before the embedding reaches them.
 *
 * Both cores deflate: every other chunk goes to libuv's thread pool while this thread
 * deflates the one after it in place, and the pack's hashing thread takes the file's own
 * SHA-256 and Adler-32 from a copy in its ring and hashes and writes the deflated pieces. At
 * most two chunks are in flight, in two reused buffers, so memory stays flat.
 */
async function deflateChunks(path: string, out: PdfAppender, onBytes: (n: number) => void, signal?: AbortSignal): Promise<Copied> {
  const handle = await open(path, 'r');
  const spare: Buffer[] = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
  const inFlight: { readonly deflated: Promise<Uint8Array>; readonly chunk: Buffer }[] = [];
  const writeOldest = async (): Promise<void> => {
    const oldest = inFlight.shift()!;
    await out.write(await oldest.deflated);
    spare.push(oldest.chunk);
  };
  // One output buffer big enough for the whole piece, so zlib never stops to grow it.
  const options = { ...EVIDENCE_DEFLATE, finishFlush: zlibConstants.Z_SYNC_FLUSH, chunkSize: DEFLATE_OUTPUT_BYTES };
  try {
    await out.write(Buffer.from(EVIDENCE_ZLIB_HEADER));
    const evidence = out.ring.begin(true);
    let position = 0;
    const turns = new EventLoopTurns(TURN_EVERY_BYTES);
    for (let n = 0; ; n++) {
      if (signal?.aborted) throw cancelledError();
      const chunk = spare.pop()!;
      const filled = readFully(readSync, handle.fd, chunk, 0, CHUNK_BYTES, position);
      if (filled === 0) {
        spare.push(chunk);
        break;
      }
      const data = chunk.subarray(0, filled);
      position += filled;
      await out.ring.update(data, evidence);
      const deflated = n % 2 === 0 ? deflateRawAsync(data, options) : Promise.resolve(deflateRawSync(data, options));
      // Awaited in order below; until then a failure must not surface as unhandled.
      deflated.catch(() => undefined);
      inFlight.push({ deflated, chunk });
      if (inFlight.length >= 2) await writeOldest();
      onBytes(filled);
      const turn = turns.after(filled);
      if (turn) await turn;
      if (filled < CHUNK_BYTES) break;
    }
    while (inFlight.length > 0) await writeOldest();
    const { sha256, adler32: adler } = await out.ring.finish(evidence);
    await out.write(zlibTrailer(adler!));
    return { read: position, sha256: sha256.toString('hex') };
  } finally {
    await handle.close();
  }
}

/** An empty final block with fixed Huffman codes (BFINAL=1, BTYPE=01, end-of-block), then the Adler-32. */
function zlibTrailer(adler: number): Buffer {
  const trailer = Buffer.alloc(6);
  trailer[0] = 0x03;
  trailer[1] = 0x00;
  trailer.writeUInt32BE(adler >>> 0, 2);
  return trailer;
}

/** A file deflated ahead (the same pieces deflateChunks writes), as one zlib stream. */
async function writeDeflated(out: PdfAppender, ahead: Deflated): Promise<void> {
  await out.write(Buffer.from(EVIDENCE_ZLIB_HEADER));
  for (const piece of ahead.data) await out.write(piece);
  await out.write(zlibTrailer(ahead.adler32));
}

/**
 * Copies a file into the pack, hashing each chunk on this thread while the pack's own thread
 * hashes and writes it (PdfAppender.appendFile): no allocation per chunk, so memory stays flat.
 */
async function copyRaw(path: string, out: PdfAppender, onBytes: (n: number) => void, signal?: AbortSignal): Promise<Copied> {
  const hash = createHash('sha256');
  const handle = await open(path, 'r');
  try {
    const copied = await out.appendFile(
      handle.fd,
      0,
      (chunk) => {
        hash.update(chunk);
        onBytes(chunk.length);
      },
      signal,
    );
    if (signal?.aborted) throw cancelledError();
    return { read: copied, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

export function cancelledError(): SscpError {
  return SscpError.because({ code: 'pack-export-cancelled' });
}
