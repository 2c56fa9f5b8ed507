import type { EmbeddedStream } from './verify/locate';

/**
 * The checks on a pack's attachments themselves, shared by the verifier (`sscp verify`, the
 * app's Verify screen) and the importer, so neither accepts what the other refuses.
 */

/**
 * Names given to more than one attachment, as first spelled. Case-insensitive, as Windows and
 * macOS are: `pdfdetach -saveall` or a PDF reader's "save attachments" would let one
 * overwrite the other, and a reader could be shown either one.
 */
export function duplicateAttachmentNames(files: readonly Pick<EmbeddedStream, 'name'>[]): string[] {
  const seen = new Map<string, string>();
  const duplicates = new Set<string>();
  for (const f of files) {
    const key = f.name.normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first === undefined) seen.set(key, f.name);
    else duplicates.add(first);
  }
  return [...duplicates];
}

export function duplicateNamesProblem(names: readonly string[]): string | null {
  if (names.length === 0) return null;
  return `The pack holds two attachments named ${names.map((n) => `"${n}"`).join(', ')}: a reader could be shown either one, so the pack is not as it was made.`;
}

/** What the bytes of an attachment turned out to be, decoded. */
export interface AttachmentBytes {
  readonly size: number;
  /** MD5 of the decoded bytes, lower-case hex; computed only when the attachment declares a /CheckSum. */
  readonly md5: string | null;
}

/**
 * Where an attachment's declared parameters (/Params /Size and /CheckSum, which PDF readers
 * show and trust) disagree with its bytes; null when they agree or are not declared.
 */
export function attachmentParamsProblem(stream: EmbeddedStream, actual: AttachmentBytes): string | null {
  const params = stream.params;
  if (params.malformed) return `"${stream.name}" has damaged attachment parameters: ${params.malformed}.`;
  if (params.size !== null && params.size !== actual.size) {
    return `"${stream.name}" declares ${params.size} bytes (/Size) but holds ${actual.size}.`;
  }
  if (params.checksum !== null && actual.md5 !== null && params.checksum !== actual.md5) {
    return `"${stream.name}" declares a checksum (/CheckSum) that does not match its bytes.`;
  }
  return null;
}

/** An attachment whose bytes in the file begin inside an earlier one's, and that earlier one. */
export interface SharedBytes {
  readonly stream: EmbeddedStream;
  readonly with: EmbeddedStream;
}

/**
 * Attachments whose bytes in the file overlap an earlier attachment's (two names for one
 * stream, or ranges that cross). No pack this app writes has one: each file is its own stream.
 * A forged pack could list thousands over one large range so that a check hashes the same
 * gigabytes thousands of times; each overlapping one is reported, and hashed not at all.
 */
export function sharedBytes(streams: readonly EmbeddedStream[]): SharedBytes[] {
  const ordered = streams.filter((s) => s.length > 0).sort((a, b) => a.start - b.start || a.length - b.length);
  const shared: SharedBytes[] = [];
  let furthest: EmbeddedStream | null = null;
  for (const stream of ordered) {
    if (furthest && stream.start < furthest.start + furthest.length) shared.push({ stream, with: furthest });
    else if (!furthest || stream.start + stream.length > furthest.start + furthest.length) furthest = stream;
  }
  return shared;
}

export function sharedBytesProblem(shared: readonly SharedBytes[]): string | null {
  if (shared.length === 0) return null;
  const first = shared[0]!;
  const more = shared.length > 1 ? ` (and ${shared.length - 1} more)` : '';
  return `The attachment "${first.stream.name}" shares its bytes in the file with "${first.with.name}"${more}: an evidence pack holds each attachment in bytes of its own, so the pack is not as it was made.`;
}
