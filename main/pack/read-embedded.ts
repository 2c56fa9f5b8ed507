import { createReadStream } from 'node:fs';
import { pipeline, Readable } from 'node:stream';
import { createInflate } from 'node:zlib';
import { PdfFileReader } from './pdf/file-reader';
import { asDict } from './pdf/objects';
import { PdfSyntaxError } from './pdf/parser';
import { findEmbeddedFiles, readSmallEmbedded, type EmbeddedStream } from './verify/locate';

export type { EmbeddedStream } from './verify/locate';

/** A pack's embedded files located through its cross-reference table, without reading their data. */
export interface EmbeddedFileIndex {
  readonly fileSize: number;
  readonly files: readonly EmbeddedStream[];
  /** Reads a small embedded file (manifest.json, assessment.json) whole, inflated. */
  readSmall(file: EmbeddedStream): Promise<Buffer>;
  close(): Promise<void>;
}

/**
 * Opens a pack's structure with the pack's own reader (xref, catalog, names tree) and lists
 * its embedded files. Throws PdfSyntaxError when the structure cannot be read.
 */
export async function openEmbeddedFileIndex(path: string): Promise<EmbeddedFileIndex> {
  const reader = await PdfFileReader.open(path);
  try {
    await reader.readStructure();
    const catalog = asDict(await reader.resolve(reader.trailer.get('Root')));
    if (!catalog) throw new PdfSyntaxError('The PDF has no document catalog.');
    const files = await findEmbeddedFiles(reader, catalog);
    return {
      fileSize: reader.size,
      files,
      readSmall: (file) => readSmallEmbedded(reader, file),
      close: () => reader.close(),
    };
  } catch (e) {
    await reader.close();
    throw e;
  }
}

/**
 * The decoded bytes of one embedded file as a stream: a ranged read of the file, inflated
 * when the stream is FlateDecode. Memory stays at a chunk or two whatever the file's size.
 */
export function embeddedFileStream(path: string, file: EmbeddedStream, options: { signal?: AbortSignal } = {}): Readable {
  // A ranged read cannot be empty (end is inclusive); an empty stream still goes through inflate.
  const raw =
    file.length === 0
      ? Readable.from([])
      : createReadStream(path, {
          start: file.start,
          end: file.start + file.length - 1,
          highWaterMark: 1024 * 1024,
          signal: options.signal,
        });
  if (!file.deflated) return raw;
  // pipeline, not pipe: a decode error must also close the file, and a read error must reach the reader.
  return pipeline(raw, createInflate(), () => undefined);
}
