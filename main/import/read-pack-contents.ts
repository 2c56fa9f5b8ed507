import { detailsWithheldFrom } from '../../shared/domain/recipient-view';
import { basename } from 'node:path';
import type { EvidenceItem } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { duplicateAttachmentNames } from '../pack/attachment-checks';
import { ASSESSMENT_NAME, MANIFEST_NAME, safeAttachmentName } from '../pack/attachment-names';
import { MANIFEST_SCHEMA_VERSION, manifestSchema, type Manifest, type ManifestFile } from '../pack/manifest';
import { PdfFileReader } from '../pack/pdf/file-reader';
import { PdfSyntaxError, PdfXrefStreamError } from '../pack/pdf/parser';
import { openEmbeddedFileIndex, type EmbeddedFileIndex, type EmbeddedStream } from '../pack/read-embedded';
import { scanForSignature } from '../pack/verify/locate';
import { catalogFor } from '../services/validate';
import { cleanAssessmentText } from '../../shared/domain/assessment-text';
import { TEXT_FIELDS } from '../../shared/domain/text-rules';
import { parseAssessmentExport, type AssessmentExport } from './assessment-export';
import { count } from '../../shared/format/plural';

/** One evidence file of a pack: its record, its manifest entry, and where its bytes are (null when withheld). */
export interface PackEvidenceEntry {
  /** The sender's evidence item, its file name made safe if it had to be. */
  readonly item: EvidenceItem;
  readonly manifest: ManifestFile;
  readonly stream: EmbeddedStream | null;
}

/** Everything an import needs from a pack, read and cross-checked, nothing written. */
export interface PackContents {
  readonly path: string;
  readonly fileName: string;
  readonly fileSize: number;
  readonly manifest: Manifest;
  readonly data: AssessmentExport;
  readonly evidence: readonly PackEvidenceEntry[];
  /** Evidence whose recorded name was not a safe file name, and the name it is stored under instead. */
  readonly renamed: readonly { readonly from: string; readonly to: string }[];
  /** Fields whose control, bidirectional or invisible characters were taken out, one sentence each. */
  readonly cleaned: readonly string[];
}

/**
 * Reads a pack's structure, manifest.json and assessment.json, and checks that they agree
 * with each other and with the attachments actually embedded: every name safe and unique,
 * every listed file there (or withheld), nothing extra, stored sizes as recorded. Reads only
 * the cross-reference data and the two small JSON files; never the evidence bytes.
 */
export async function readPackContents(path: string): Promise<PackContents> {
  const fileName = basename(path);
  let index: EmbeddedFileIndex;
  try {
    index = await openEmbeddedFileIndex(path);
  } catch (e) {
    // An ordinary modern PDF is another document, not a damaged pack, unless a signature shows it was one.
    if (e instanceof PdfXrefStreamError && !(await carriesSignature(path)))
      throw notAPack(fileName, 'it is not signed, and it is laid out as no evidence pack is (compressed cross-reference streams)');
    throw damaged(fileName, e);
  }
  try {
    return await readFromIndex(path, fileName, index);
  } catch (e) {
    throw damaged(fileName, e);
  } finally {
    await index.close();
  }
}

function notAPack(fileName: string, why: string): SscpError {
  return SscpError.because({ code: 'pdf-not-a-pack', fileName, why });
}

/** Whether a signature dictionary can be found in the file's last bytes, however damaged the rest. */
async function carriesSignature(path: string): Promise<boolean> {
  const reader = await PdfFileReader.open(path);
  try {
    return (await scanForSignature(reader)) !== null;
  } finally {
    await reader.close();
  }
}

/** Structure errors from the PDF reader and zlib become one plain message; anything else is a bug and propagates. */
function damaged(fileName: string, e: unknown): unknown {
  if (e instanceof SscpError) return e;
  if (e instanceof PdfSyntaxError) return SscpError.because({ code: 'pack-incomplete', fileName, detail: e.message });
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (code.startsWith('Z_') || code === 'ERR_BUFFER_TOO_LARGE')) {
    return SscpError.because({ code: 'pack-compressed-part-damaged', fileName, detail: (e as Error).message });
  }
  return e;
}

async function readJson(index: EmbeddedFileIndex, file: EmbeddedStream, fileName: string): Promise<unknown> {
  const bytes = await index.readSmall(file);
  try {
    return JSON.parse(bytes.toString('utf8')) as unknown;
  } catch {
    throw SscpError.because({ code: 'pack-part-not-json', fileName, part: file.name });
  }
}

async function readFromIndex(path: string, fileName: string, index: EmbeddedFileIndex): Promise<PackContents> {
  const duplicates = duplicateAttachmentNames(index.files);
  if (duplicates.length > 0) throw SscpError.because({ code: 'pack-attachments-duplicate', fileName, names: duplicates });
  const streams = new Map<string, EmbeddedStream>(index.files.map((f) => [f.name, f]));
  const manifestStream = streams.get(MANIFEST_NAME);
  const dataStream = streams.get(ASSESSMENT_NAME);
  if (!manifestStream && !dataStream) throw notAPack(fileName, 'it carries no manifest of evidence');
  if (!manifestStream) throw SscpError.because({ code: 'pack-manifest-missing', fileName, part: MANIFEST_NAME });
  if (!dataStream) throw SscpError.because({ code: 'pack-data-missing', fileName, part: ASSESSMENT_NAME });

  const manifestJson = await readJson(index, manifestStream, fileName);
  const manifestVersion = (manifestJson as { schemaVersion?: unknown } | null)?.schemaVersion;
  if (typeof manifestVersion === 'number' && manifestVersion > MANIFEST_SCHEMA_VERSION) {
    throw SscpError.because({ code: 'pack-manifest-newer', fileName, version: manifestVersion });
  }
  const parsedManifest = manifestSchema.safeParse(manifestJson);
  if (!parsedManifest.success) {
    const issue = parsedManifest.error.issues[0];
    throw SscpError.because({
      code: 'pack-manifest-invalid',
      fileName,
      part: MANIFEST_NAME,
      where: issue ? `${issue.path.join('.') || 'the top level'}: ${issue.message}` : 'unknown shape',
    });
  }
  const manifest = parsedManifest.data;
  const signedData = parseAssessmentExport(await readJson(index, dataStream, fileName), fileName);
  checkAgreement(fileName, manifest, signedData);
  catalogFor(signedData.detail.assessment);
  checkNames(fileName, [...manifest.files, ...(manifest.dataFiles ?? [])]);

  // The same text rules as typing it in: hidden characters are taken out (and said so), text
  // over a limit is refused rather than cut. The pack file itself stays exactly as signed.
  const text = cleanAssessmentText(signedData.detail);
  if (text.tooLong) {
    const { where, length, max } = text.tooLong;
    throw SscpError.because({ code: 'pack-text-too-long', fileName, where, length, max });
  }
  const data: AssessmentExport = { ...signedData, detail: text.detail };

  const listed = new Set([...manifest.files, ...(manifest.dataFiles ?? [])].map((f) => f.name));
  for (const name of streams.keys()) {
    if (name !== MANIFEST_NAME && name !== ASSESSMENT_NAME && !listed.has(name))
      throw SscpError.because({ code: 'pack-attachment-unlisted', fileName, name });
  }

  const renamed: { from: string; to: string }[] = [];
  const fileItems = data.detail.evidence.filter((e) => e.kind === 'file');
  const evidence = manifest.files.map((entry, i): PackEvidenceEntry => {
    const original = fileItems[i]!;
    const stream = streams.get(entry.name) ?? null;
    if (entry.embedded && !stream) throw SscpError.because({ code: 'pack-attachment-absent', fileName, name: entry.name });
    if (!entry.embedded && stream) throw SscpError.because({ code: 'pack-attachment-withheld-present', fileName, name: entry.name });
    if (stream && !stream.deflated && stream.length !== entry.size) {
      throw SscpError.because({
        code: 'pack-attachment-size-wrong',
        fileName,
        name: entry.name,
        length: count(stream.length, 'byte'),
        size: entry.size,
      });
    }
    // The evidence name is data, never a path; it is replaced only if it would not be a safe
    // file name at any length an evidence name may have (a long name is not a reason).
    const safeName =
      safeAttachmentName(original.fileName, TEXT_FIELDS.evidenceName.max) === original.fileName ? original.fileName : entry.name;
    if (safeName !== original.fileName) renamed.push({ from: original.fileName, to: safeName });
    return { item: { ...original, fileName: safeName }, manifest: entry, stream };
  });
  return { path, fileName, fileSize: index.fileSize, manifest, data, evidence, renamed, cleaned: text.notes };
}

/** manifest.json and assessment.json are written together from one assessment; any disagreement means tampering or damage. */
function checkAgreement(fileName: string, manifest: Manifest, data: AssessmentExport): void {
  const a = data.detail.assessment;
  const disagree = (what: string) => SscpError.because({ code: 'pack-inconsistent', fileName, what });
  if (manifest.packId !== data.packId) throw disagree('the pack id');
  if (manifest.profile !== data.profile) throw disagree('who the pack is for');
  if (manifest.catalog.id !== data.catalog.id || manifest.catalog.version !== data.catalog.version) throw disagree('the catalog version');
  if (a.catalogId !== data.catalog.id || a.catalogVersion !== data.catalog.version) throw disagree('the catalog version');
  if (manifest.assessmentId !== a.id) throw disagree('the assessment id');
  const files = data.detail.evidence.filter((e) => e.kind === 'file');
  const references = data.detail.evidence.filter((e) => e.kind === 'reference');
  if (manifest.files.length !== files.length) throw disagree('how many evidence files there are');
  const listedReferences = manifest.references ?? [];
  if (listedReferences.length !== references.length) throw disagree('how many references there are');
  listedReferences.forEach((entry, i) => {
    const item = references[i]!;
    const claims = data.detail.links.filter((l) => l.evidenceId === item.id).map((l) => l.claimId);
    if (
      entry.location !== item.fileName ||
      entry.description !== item.description ||
      entry.owner !== item.owner ||
      entry.confidential !== item.confidential ||
      (entry.detailsWithheld ?? false) !== detailsWithheldFrom(item, data.profile) ||
      entry.claims.join('\n') !== claims.join('\n')
    ) {
      throw disagree(`reference ${i + 1}`);
    }
  });
  manifest.files.forEach((entry, i) => {
    const item = files[i]!;
    if (
      entry.sha256 !== item.sha256 ||
      entry.size !== item.size ||
      entry.originalName !== item.fileName ||
      entry.confidential !== item.confidential ||
      (entry.detailsWithheld ?? false) !== detailsWithheldFrom(item, data.profile)
    ) {
      throw disagree(`evidence file ${i + 1} ("${entry.name}")`);
    }
  });
}

/**
 * Attachment names are only ever looked up, never used as paths here (blobs are stored by
 * hash), but a name the builder would not have written means a crafted file: refuse it.
 */
function checkNames(fileName: string, files: readonly Pick<ManifestFile, 'name'>[]): void {
  const seen = new Set<string>([MANIFEST_NAME, ASSESSMENT_NAME]);
  for (const f of files) {
    if (safeAttachmentName(f.name) !== f.name) {
      throw SscpError.because({ code: 'pack-attachment-name-unsafe', fileName, name: f.name });
    }
    const key = f.name.toLowerCase();
    if (seen.has(key)) throw SscpError.because({ code: 'pack-attachment-name-twice', fileName, name: f.name });
    seen.add(key);
  }
}
