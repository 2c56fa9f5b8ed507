import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { createDeflate } from 'node:zlib';
import { SscpError } from '../../shared/errors';
import { dict, name, pdfDate, ref, serialize } from './pdf/objects';
import type { PdfAppender } from './pdf/appender';

const CHUNK_BYTES = 1024 * 1024;

/**
 * Compressing pays only for text-like files; PDFs, images, archives and office documents
 * are compressed already, and deflating them costs time for nothing.
 */
export function worthCompressing(mediaType: string): boolean {
  const type = mediaType.toLowerCase().split(';')[0]!.trim();
  return (
    type.startsWith('text/') ||
    type.endsWith('+json') ||
    type.endsWith('+xml') ||
    type === 'application/json' ||
    type === 'application/xml' ||
    type === 'application/yaml' ||
    type === 'application/x-yaml' ||
    type === 'application/javascript' ||
    type === 'application/x-ndjson' ||
    type === 'application/rtf' ||
    type === 'message/rfc822'
  );
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
    throw new SscpError(
      'not-found',
      `The evidence file "${spec.label}" is missing from the evidence folder.`,
      'Re-attach the file (or restore the evidence folder from a backup), then export again.',
    );
  }
  if (actualSize !== spec.size) throw changedError(spec.label, `changed size (${actualSize} bytes, not ${spec.size})`);

  const compress = worthCompressing(spec.mediaType);
  const streamDict = dict({
    Type: name('EmbeddedFile'),
    Subtype: name(spec.mediaType),
    Params: dict({ Size: spec.size, ModDate: pdfDate(spec.modifiedAt) }),
    Length: compress ? ref(spec.lengthNum) : spec.size,
    Filter: compress ? name('FlateDecode') : undefined,
  });
  await out.beginObject(spec.streamNum);
  await out.write(`${serialize(streamDict)}\nstream\n`);
  const dataStart = out.offset;

  const hash = createHash('sha256');
  let read = 0;
  try {
    if (compress) {
      const source = createReadStream(spec.path, { highWaterMark: CHUNK_BYTES });
      const verifyWhileReading = async function* (chunks: AsyncIterable<Buffer>) {
        for await (const chunk of chunks) {
          hash.update(chunk);
          read += chunk.length;
          onBytes(chunk.length);
          yield chunk;
        }
      };
      const writeOut = async (chunks: AsyncIterable<Buffer>) => {
        for await (const chunk of chunks) await out.write(chunk);
      };
      await pipeline(source, verifyWhileReading, createDeflate({ level: 6 }), writeOut, { signal });
    } else {
      read = await copyRaw(spec.path, out, hash, onBytes, signal);
    }
  } catch (e) {
    if (signal?.aborted) throw cancelledError();
    throw e;
  }
  if (read !== spec.size) throw changedError(spec.label, 'changed size while it was being read');
  if (hash.digest('hex') !== spec.sha256) throw changedError(spec.label, 'changed');

  const encodedLength = out.offset - dataStart;
  await out.write('\nendstream\nendobj\n');
  if (compress) await out.writeObject(spec.lengthNum, encodedLength);
}

/**
 * Copies a file into the pack through two reused buffers, reading the next chunk while the
 * current one is hashed and written: no allocation per chunk, so memory stays flat for any size.
 */
async function copyRaw(path: string, out: PdfAppender, hash: Hash, onBytes: (n: number) => void, signal?: AbortSignal): Promise<number> {
  const handle = await open(path, 'r');
  try {
    const buffers = [Buffer.allocUnsafe(CHUNK_BYTES), Buffer.allocUnsafe(CHUNK_BYTES)];
    let position = 0;
    let which = 0;
    let pending = handle.read(buffers[which]!, 0, CHUNK_BYTES, position);
    // A read still in flight when an error or cancel ends the loop must not surface unhandled.
    const settleLater = () => void pending.catch(() => undefined);
    try {
      for (;;) {
        const { bytesRead } = await pending;
        if (bytesRead === 0) return position;
        if (signal?.aborted) throw cancelledError();
        const chunk = buffers[which]!.subarray(0, bytesRead);
        position += bytesRead;
        which = 1 - which;
        pending = handle.read(buffers[which]!, 0, CHUNK_BYTES, position);
        hash.update(chunk);
        await out.write(chunk);
        onBytes(bytesRead);
      }
    } finally {
      settleLater();
    }
  } finally {
    await handle.close();
  }
}

export function cancelledError(): SscpError {
  return new SscpError('cancelled', 'The export was cancelled; no pack was written.', 'Start the export again when you are ready.');
}
