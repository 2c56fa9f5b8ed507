import { inflateSync } from 'node:zlib';
import type { PdfDict } from '../pdf/objects';
import { asArray, asDict, asName, asNumber, asRef, asString, decodeTextString, PdfString, serialize, type PdfValue } from '../pdf/objects';
import type { PdfFileReader } from '../pdf/file-reader';
import { PdfParser, PdfSyntaxError } from '../pdf/parser';

/** An embedded file as found in the /EmbeddedFiles names tree. */
export interface EmbeddedStream {
  readonly name: string;
  readonly start: number;
  readonly length: number;
  readonly deflated: boolean;
  readonly relationship: string | null;
  /** What the attachment declares about its decoded bytes (/Params), checked against them. */
  readonly params: AttachmentParams;
}

/** An embedded file's /Params: its decoded size and MD5 (/CheckSum), when declared. */
export interface AttachmentParams {
  readonly size: number | null;
  /** Lower-case hex of the 16-byte MD5. */
  readonly checksum: string | null;
  /** Set when /Params is there but not readable as a size and a 16-byte checksum. */
  readonly malformed?: string;
}

async function readParams(reader: PdfFileReader, value: PdfValue | undefined): Promise<AttachmentParams> {
  const resolved = await reader.resolve(value);
  if (resolved === undefined || resolved === null) return { size: null, checksum: null };
  const params = asDict(resolved);
  if (!params) return { size: null, checksum: null, malformed: '/Params is not a dictionary' };
  const sizeValue = await reader.resolve(params.get('Size'));
  const checksumValue = await reader.resolve(params.get('CheckSum'));
  const size = sizeValue === undefined ? null : asNumber(sizeValue);
  if (sizeValue !== undefined && (size === null || !Number.isSafeInteger(size) || size < 0))
    return { size: null, checksum: null, malformed: '/Size is not a byte count' };
  const checksum = checksumValue === undefined ? null : asString(checksumValue);
  if (checksumValue !== undefined && (checksum === null || checksum.bytes.length !== 16))
    return { size, checksum: null, malformed: '/CheckSum is not a 16-byte MD5' };
  return { size, checksum: checksum ? Buffer.from(checksum.bytes).toString('hex') : null };
}

export interface SignatureDictionary {
  readonly byteRange: readonly number[] | null;
  readonly signingTime: string | null;
  readonly subFilter: string | null;
  /**
   * The DocMDP permission of a certification signature (its /Reference with /TransformMethod
   * /DocMDP): 1, 2 or 3, or another number as found; 2 when /P is left out, as the standard
   * says; null when the signature makes no DocMDP reference at all.
   */
  readonly docMdpPermission: number | null;
}

/** How the catalog's /Perms /DocMDP names a certification signature. */
export type CertificationLink = 'none' | 'this-signature' | 'other';

/**
 * Whether the document catalog's /Perms /DocMDP (what readers show as "certified") points at
 * `signature`: read from the catalog the last cross-reference section leads to, so a later
 * update that drops or redirects it is seen.
 */
export async function certificationLink(reader: PdfFileReader, catalog: PdfDict, signature: PdfDict): Promise<CertificationLink> {
  const perms = asDict(await reader.resolve(catalog.get('Perms')));
  const docMdp = perms?.get('DocMDP');
  if (docMdp === undefined || docMdp === null) return 'none';
  const target = asDict(await reader.resolve(docMdp));
  if (!target) return 'other';
  const same = (key: string) => serialize(target.get(key) ?? null) === serialize(signature.get(key) ?? null);
  return same('Contents') && same('ByteRange') && same('M') ? 'this-signature' : 'other';
}

/** Signature fields of the document's AcroForm: each one's /V dictionary (null when unsigned). */
export async function findSignatureFields(reader: PdfFileReader, catalog: PdfDict): Promise<(PdfDict | null)[]> {
  const acroForm = asDict(await reader.resolve(catalog.get('AcroForm')));
  if (!acroForm) return [];
  const found: (PdfDict | null)[] = [];
  const visit = async (value: PdfValue | undefined, depth: number): Promise<void> => {
    if (depth > 8) return;
    const field = asDict(await reader.resolve(value));
    if (!field) return;
    const kids = asArray(await reader.resolve(field.get('Kids')));
    if (asName(field.get('FT')) === 'Sig') found.push(asDict(await reader.resolve(field.get('V'))));
    else if (kids) for (const kid of kids) await visit(kid, depth + 1);
  };
  for (const field of asArray(await reader.resolve(acroForm.get('Fields'))) ?? []) await visit(field, 0);
  return found;
}

export function describeSignature(sig: PdfDict): SignatureDictionary {
  const range = asArray(sig.get('ByteRange'));
  const byteRange = range && range.length === 4 && range.every((n) => typeof n === 'number') ? range : null;
  const m = asString(sig.get('M'));
  return {
    byteRange,
    signingTime: m ? decodeTextString(m) : null,
    subFilter: asName(sig.get('SubFilter')),
    docMdpPermission: docMdpPermission(sig),
  };
}

function docMdpPermission(sig: PdfDict): number | null {
  for (const entry of asArray(sig.get('Reference')) ?? []) {
    const reference = asDict(entry);
    if (asName(reference?.get('TransformMethod')) !== 'DocMDP') continue;
    const p = asDict(reference?.get('TransformParams'))?.get('P');
    return p === undefined ? 2 : (asNumber(p) ?? Number.NaN);
  }
  return null;
}

/** Every (name, filespec) pair of a names tree, following /Kids. */
async function nameTreeEntries(reader: PdfFileReader, node: PdfValue | undefined, depth = 0): Promise<[string, PdfValue][]> {
  const d = asDict(await reader.resolve(node));
  if (!d || depth > 16) return [];
  const out: [string, PdfValue][] = [];
  const names = asArray(await reader.resolve(d.get('Names'))) ?? [];
  for (let i = 0; i + 1 < names.length; i += 2) {
    const key = names[i];
    if (key instanceof PdfString) out.push([decodeTextString(key), names[i + 1]!]);
  }
  for (const kid of asArray(await reader.resolve(d.get('Kids'))) ?? []) out.push(...(await nameTreeEntries(reader, kid, depth + 1)));
  return out;
}

export async function findEmbeddedFiles(reader: PdfFileReader, catalog: PdfDict): Promise<EmbeddedStream[]> {
  const names = asDict(await reader.resolve(catalog.get('Names')));
  if (!names) return [];
  const entries = await nameTreeEntries(reader, names.get('EmbeddedFiles'));
  const files: EmbeddedStream[] = [];
  for (const [name, specValue] of entries) {
    const spec = asDict(await reader.resolve(specValue));
    const ef = asDict(await reader.resolve(spec?.get('EF')));
    const streamRef = asRef(ef?.get('UF')) ?? asRef(ef?.get('F'));
    if (!spec || !streamRef) throw new PdfSyntaxError(`The attachment "${name}" has no embedded data.`);
    const object = await reader.readObject(streamRef);
    const extent = await reader.streamExtent(object);
    const filter = await reader.resolve((object.value as PdfDict).get('Filter'));
    const filters = Array.isArray(filter) ? filter.map(asName) : filter === undefined || filter === null ? [] : [asName(filter)];
    if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) {
      throw new PdfSyntaxError(`The attachment "${name}" uses an encoding this check does not read (${filters.join(', ')}).`);
    }
    const params = await readParams(reader, (object.value as PdfDict).get('Params'));
    files.push({
      name,
      start: extent.start,
      length: extent.length,
      deflated: filters.length === 1,
      relationship: asName(spec.get('AFRelationship')),
      params,
    });
  }
  return files;
}

const MAX_JSON_BYTES = 256 * 1024 * 1024;

/** Reads a small embedded file (the manifest) whole. */
export async function readSmallEmbedded(reader: PdfFileReader, file: EmbeddedStream): Promise<Buffer> {
  if (file.length > MAX_JSON_BYTES) throw new PdfSyntaxError(`"${file.name}" is too large to be a manifest.`);
  const raw = await reader.readAt(file.start, file.length);
  return file.deflated ? inflateSync(raw, { maxOutputLength: MAX_JSON_BYTES }) : raw;
}

/**
 * When the cross-reference table is damaged, the signature dictionary can still be found:
 * a pack writes it as the last object, just before its final table.
 */
export async function scanForSignature(reader: PdfFileReader): Promise<PdfDict | null> {
  const windowSize = Math.min(reader.size, 256 * 1024);
  const tail = await reader.readAt(reader.size - windowSize, windowSize);
  const text = tail.toString('latin1');
  const at = text.lastIndexOf('/Type /Sig');
  if (at < 0) return null;
  const objStart = text.lastIndexOf(' obj', at);
  const lineStart = objStart < 0 ? -1 : text.lastIndexOf('\n', objStart);
  if (lineStart < 0) return null;
  try {
    const p = new PdfParser(tail.subarray(lineStart + 1), true);
    p.readObjectHeader();
    return asDict(p.readValue());
  } catch {
    return null;
  }
}
