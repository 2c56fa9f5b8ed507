import { basename } from 'node:path';
import { SscpError } from '../../../shared/errors';
import { NOT_DOCX_HINT } from '../../../shared/error-reasons/form';
import { openRegularFile, readCapped } from '../../fs/regular-file';
import { DEFAULT_ZIP_LIMITS, listZipEntries, readZipEntry, ZipRefusal, type ZipLimits } from './safe-unzip';

/** A .docx bigger than this is not a filled-in form (the real one is well under 1 MB). */
const MAX_DOCX_BYTES = 200 * 1024 * 1024;

/**
 * Opens a .docx safely and returns the text of its main document part
 * (`word/document.xml`). Anything that is not a sound Word document is an 'unreadable' error.
 */
export async function readDocumentXml(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<string> {
  const name = basename(path);
  const bytes = await readDocxBytes(path, name);
  refuseCompoundFile(bytes, name);
  try {
    const entries = listZipEntries(bytes, limits);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) {
      throw new ZipRefusal('it has no Word document inside');
    }
    const documentEntry = entries.find((e) => e.name === 'word/document.xml');
    if (!documentEntry) throw new ZipRefusal('it has no Word document inside');
    const xml = readZipEntry(bytes, documentEntry, limits.maxTotalUncompressed);
    return new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch (e) {
    if (e instanceof ZipRefusal) throw notDocx(name, e.message);
    if (e instanceof TypeError) throw notDocx(name, 'its text is not valid UTF-8');
    throw e;
  }
}

/** Every part of a .docx, unpacked, in the archive's order, and the text of its main document. */
export interface DocxArchive {
  readonly parts: readonly { readonly name: string; readonly data: Uint8Array }[];
  readonly documentXml: string;
}

/**
 * Opens a .docx safely and unpacks every part (within the same limits as readDocumentXml),
 * for a writer that changes the main document and keeps everything else as it was.
 */
export async function readDocxArchive(path: string, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<DocxArchive> {
  const name = basename(path);
  const bytes = await readDocxBytes(path, name);
  refuseCompoundFile(bytes, name);
  try {
    const entries = listZipEntries(bytes, limits);
    const names = new Set(entries.map((e) => e.name));
    if (!names.has('[Content_Types].xml') || !names.has('word/document.xml')) throw new ZipRefusal('it has no Word document inside');
    if (names.size !== entries.length) throw new ZipRefusal('it holds two parts with the same name');
    let budget = limits.maxTotalUncompressed;
    const parts = entries.map((entry) => {
      const data = readZipEntry(bytes, entry, budget);
      budget -= data.byteLength;
      return { name: entry.name, data };
    });
    const main = parts.find((p) => p.name === 'word/document.xml') as { data: Uint8Array };
    return { parts, documentXml: new TextDecoder('utf-8', { fatal: true }).decode(main.data) };
  } catch (e) {
    if (e instanceof ZipRefusal) throw notDocx(name, e.message);
    if (e instanceof TypeError) throw notDocx(name, 'its text is not valid UTF-8');
    throw e;
  }
}

/** The signature of an OLE compound file: what Word writes for a password-protected document, and for an old .doc. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] as const;

function refuseCompoundFile(bytes: Uint8Array, name: string): void {
  if (COMPOUND_FILE.every((b, i) => bytes[i] === b)) {
    throw SscpError.because({ code: 'form-encrypted', name });
  }
}

async function readDocxBytes(path: string, name: string): Promise<Uint8Array> {
  // A folder, pipe or device is refused from the opened file, and no more than the cap is ever read.
  const { handle, size } = await openRegularFile(path, { what: 'Word form', hint: NOT_DOCX_HINT });
  let bytes: Buffer | null;
  try {
    if (size === 0) throw notDocx(name, 'it is empty');
    bytes = await readCapped(handle, size, MAX_DOCX_BYTES);
  } catch (e) {
    if (e instanceof SscpError) throw e;
    throw SscpError.because({ code: 'form-read-failed', name, errno: (e as NodeJS.ErrnoException).code ?? null });
  } finally {
    await handle.close();
  }
  if (!bytes) throw notDocx(name, `it is larger than ${MAX_DOCX_BYTES / (1024 * 1024)} MB`);
  if (bytes.length === 0) throw notDocx(name, 'it is empty');
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length);
}

function notDocx(name: string, why: string): SscpError {
  return SscpError.because({ code: 'form-not-docx', name, why });
}
