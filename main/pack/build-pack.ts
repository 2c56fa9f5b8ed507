import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { detailAsRecipientSees, evidenceAsRecipientSees } from '../../shared/domain/recipient-view';
import type { EvidenceItem } from '../../shared/domain/types';
import { isSscpError, SscpError } from '../../shared/errors';
import { fsyncDirectory } from '../fs/durable-fs';
import { publishFile } from '../fs/destination';
import { asWriteFailure } from '../fs/write-errors';
import { ASSESSMENT_NAME, MANIFEST_NAME, uniqueAttachmentNames } from './attachment-names';
import { DeflateAhead } from './deflate-ahead';
import { cancelledError, CHUNK_BYTES, embedEvidenceStream, EVIDENCE_DEFLATE, shouldCompress } from './embed-evidence';
import {
  ASSESSMENT_EXPORT_SCHEMA_VERSION,
  MANIFEST_SCHEMA_VERSION,
  type Manifest,
  type ManifestFile,
  type ManifestReference,
} from './manifest';
import { ParallelSha256 } from './parallel-sha256';
import { PdfAppender, xrefSection } from './pdf/appender';
import { PdfFileReader } from './pdf/file-reader';
import type * as RenderReportModule from './report/render-report';
import {
  asArray,
  asDict,
  asRef,
  dict,
  name,
  PdfDict,
  PdfString,
  pdfDate,
  ref,
  serialize,
  textString,
  type PdfRef,
  type PdfValue,
} from './pdf/objects';
import { buildReportModel } from './report/model';
import {
  BYTE_RANGE_PLACEHOLDER,
  byteRangeText,
  emptyAppearance,
  SIGNATURE_CAPACITY_BYTES,
  SIGNATURE_HEX_LENGTH,
  signatureDictHead,
  signatureDictTail,
  signatureGap,
  signatureWidget,
} from './signature-field';
import { readBaseStructure, signatureFieldDescription, signatureStructure, type BaseStructure } from './signature-structure';
import { packAttestation } from '../attestation/pack-attestation';
import {
  GENERATOR_NAME,
  type BuildPackOptions,
  type BuiltPack,
  type PackInput,
  type PackPhase,
  type PackProgress,
  type PackSigner,
} from './types';
import { APP_VERSION } from '../version';

/** Where the report's own objects end and what the appended update must rewrite. */
interface BaseDocument {
  readonly size: number;
  readonly nextObject: number;
  readonly rootRef: PdfRef;
  readonly catalog: PdfDict;
  readonly namesRef: PdfRef | null;
  readonly names: PdfDict;
  readonly pageRef: PdfRef;
  readonly page: PdfDict;
  readonly trailer: PdfDict;
  readonly startxref: number;
  readonly structure: BaseStructure;
}

async function readBaseDocument(path: string): Promise<BaseDocument> {
  const reader = await PdfFileReader.open(path);
  try {
    await reader.readStructure();
    const trailer = reader.trailer;
    const rootRef = asRef(trailer.get('Root'));
    if (!rootRef) throw new Error('pdfkit wrote no /Root');
    const catalog = asDict((await reader.readObject(rootRef)).value)!;
    const namesRef = asRef(catalog.get('Names'));
    const names = (namesRef ? asDict((await reader.readObject(namesRef)).value) : asDict(catalog.get('Names'))) ?? new PdfDict();
    const pages = asDict(await reader.resolve(catalog.get('Pages')))!;
    const pageRef = asRef(asArray(pages.get('Kids'))?.[0]);
    if (!pageRef) throw new Error('pdfkit wrote no pages');
    const page = asDict((await reader.readObject(pageRef)).value)!;
    const structure = await readBaseStructure(reader, catalog);
    return {
      size: reader.size,
      nextObject: Number(trailer.get('Size')),
      rootRef,
      catalog,
      namesRef,
      names,
      pageRef,
      page,
      trailer,
      startxref: reader.startxref,
      structure,
    };
  } finally {
    await reader.close();
  }
}

/** Feeds the pdfkit part of the file to the signature hash, streaming. */
async function hashExisting(path: string, length: number, hash: ParallelSha256): Promise<void> {
  if (length === 0) return;
  for await (const chunk of createReadStream(path, { start: 0, end: length - 1, highWaterMark: 1024 * 1024 }))
    await hash.update(chunk as Buffer);
}

/** The manifest's file entries: the evidence files as the pack's recipient sees them (shared/domain/recipient-view.ts). */
function manifestFiles(input: UnsignedPackInput): ManifestFile[] {
  const shown = evidenceAsRecipientSees(input.detail, input.profile).filter((e) => e.kind === 'file');
  const names = uniqueAttachmentNames(shown.map((e) => e.name));
  return shown.map((e, i) => ({
    name: names[i]!,
    originalName: e.name,
    size: e.size ?? 0,
    sha256: e.sha256 ?? '',
    mediaType: e.mediaType,
    description: e.description,
    effectiveDate: e.effectiveDate,
    expiryDate: e.expiryDate,
    confidential: e.confidential,
    ...(e.detailsWithheld ? { detailsWithheld: true } : {}),
    claims: [...e.claims],
    embedded: e.embedded,
  }));
}

/** The manifest's references: evidence that is not a file, as the recipient sees it. */
function manifestReferences(input: UnsignedPackInput): ManifestReference[] {
  return evidenceAsRecipientSees(input.detail, input.profile)
    .filter((e) => e.kind === 'reference')
    .map((e) => ({
      location: e.name,
      description: e.description,
      effectiveDate: e.effectiveDate,
      expiryDate: e.expiryDate,
      owner: e.owner,
      confidential: e.confidential,
      ...(e.detailsWithheld ? { detailsWithheld: true } : {}),
      claims: [...e.claims],
    }));
}

function checkCatalog(input: UnsignedPackInput): void {
  const a = input.detail.assessment;
  if (a.catalogId !== input.catalog.id || a.catalogVersion !== input.catalog.version) {
    throw SscpError.because({
      code: 'pack-catalog-mismatch',
      catalogId: a.catalogId,
      catalogVersion: a.catalogVersion,
      askedId: input.catalog.id,
      askedVersion: input.catalog.version,
    });
  }
}

function checkSigner(signer: PackSigner): void {
  if (!/^[0-9a-f]{64}$/.test(signer.certificateFingerprint)) {
    throw SscpError.because({ code: 'pack-signer-fingerprint-invalid' });
  }
}

async function checkTargetFolder(target: string): Promise<void> {
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw SscpError.because({ code: 'pack-folder-missing', folder });
  }
}

function tempPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.partial`);
}

/**
 * Builds and signs an evidence pack at `outPath`: writes it to a hidden temp file beside the
 * target (see writePack), then renames it onto the target. A cancel or error leaves nothing.
 * The exporter (export-pack.ts) uses writePack itself, so that the rename and the database's
 * record of the signing happen as one journalled step.
 */
export async function buildPack(input: PackInput, outPath: string, options: BuildPackOptions = {}): Promise<BuiltPack> {
  await checkTargetFolder(outPath);
  const tempPath = tempPathFor(outPath);
  const built = await writePack(input, tempPath, options, outPath);
  try {
    await publishFile(tempPath, outPath, { replace: options.replace ?? true, what: 'pack', existsHint: options.existsHint });
    fsyncDirectory(dirname(outPath));
  } catch (e) {
    await rm(tempPath, { force: true }).catch(() => undefined);
    throw isSscpError(e) ? e : asWriteFailure(e, { path: outPath, what: 'pack', temp: tempPath });
  }
  return { ...built, path: outPath };
}

/**
 * Writes a signed evidence pack into `tempPath`, which must not be a finished pack's name:
 * startPack, then finishPack (see each). The exporter (export-pack.ts) calls the two itself,
 * so that what needs no signing key is done while the key is being unlocked.
 */
export async function writePack(
  given: PackInput,
  tempPath: string,
  options: BuildPackOptions = {},
  destination = tempPath,
): Promise<BuiltPack> {
  const started = await startPack(given, options.signal);
  return finishPack(started, given.signer, tempPath, options, destination);
}

/** A pack's input before the signing key is unlocked: everything but the signer. */
export type UnsignedPackInput = Omit<PackInput, 'signer'>;

/**
 * The part of a pack's build that needs neither the signing key nor a byte written: the plan
 * (the assessment as the recipient sees it, the manifest's entries, what to embed) and the
 * embedding order, each file sampled to decide whether to deflate it. Plain data: nothing to
 * close.
 */
export interface StartedPack {
  readonly plan: PackPlan<UnsignedPackInput>;
  readonly order: readonly ToEmbed[];
}

/**
 * Phase 1, gather: plans the pack, reading the evidence store (the samples) and writing
 * nothing, so the exporter runs it while the signing key is derived (a third of a second on
 * the thread pool, which this thread would otherwise wait out).
 */
export async function startPack(given: UnsignedPackInput, signal?: AbortSignal): Promise<StartedPack> {
  checkCatalog(given);
  if (signal?.aborted) throw cancelledError();
  const plan = planPack(given);
  const order = await embeddingOrder(plan);
  if (signal?.aborted) throw cancelledError();
  return { plan, order };
}

/**
 * Writes the started pack into `tempPath`, signed by `signer`, in phases, each a function below:
 * 2. layOutReport: pdfkit lays the report out into the file, and its structure is read back;
 * 3. an incremental update appends, hashing every byte of the first signed range as it is
 *    written: embedEvidence (streamed, each file re-hashed against its recorded SHA-256),
 *    writeDataFiles (manifest.json, assessment.json, attestation.cdx.json, the CycloneDX
 *    attestation of main/attestation), writeNamesTree, writeSignatureField (the field, its
 *    widget in the structure tree, the updated page and catalog with /AF and /AcroForm), and
 *    writeSignaturePlaceholder (the signature dictionary with a zero-filled /Contents, the
 *    cross-reference section and trailer);
 * 4. signIntoGap: the CMS over that digest is written into the gap and the file fsynced. The
 *    signature is the last write; a cancel or error deletes the file.
 * The files to deflate are deflated on another thread from the start (DeflateAhead), while
 * pdfkit keeps this one busy: not earlier, while the key is derived, as the derivation's
 * 128 MiB and the thread's memory together would take the export past its 256 MB.
 */
export async function finishPack(
  started: StartedPack,
  signer: PackSigner,
  tempPath: string,
  options: BuildPackOptions = {},
  destination = tempPath,
): Promise<BuiltPack> {
  checkSigner(signer);
  await checkTargetFolder(tempPath);
  const { signal } = options;
  const plan: PackPlan = { ...started.plan, input: { ...started.plan.input, signer } };
  const { order } = started;
  let ahead: DeflateAhead | null = null;
  const stopAhead = () => ahead?.stop();
  signal?.addEventListener('abort', stopAhead);
  const progress = new ProgressReporter(plan, options.onProgress);
  const checkAbort = () => {
    if (signal?.aborted) throw cancelledError();
  };

  let handle: FileHandle | null = null;
  let signatureHash: ParallelSha256 | null = null;
  try {
    checkAbort();
    const toDeflate = order.filter((e) => e.compress);
    ahead = toDeflate.length > 0 ? deflateAhead(plan, toDeflate) : null;
    progress.report(true);
    const base = await layOutReport(plan, tempPath);
    checkAbort();

    handle = await open(tempPath, 'r+');
    // Hashes every byte of the signed ranges, and writes the update, on a second thread while this one embeds.
    signatureHash = new ParallelSha256({ writeFd: handle.fd });
    await hashExisting(tempPath, base.size, signatureHash);
    const update: Update = { out: new PdfAppender(signatureHash, base.size), objects: new ObjectNumbers(base.nextObject) };

    progress.enter('embed');
    const evidenceSpecs = await embedEvidence(plan, order, ahead, update, progress, checkAbort, signal);
    checkAbort();
    await ahead?.close();
    ahead = null;

    progress.enter('sign');
    const dataSpecs = await writeDataFiles(plan, update);
    const filespecs = [...evidenceSpecs, ...dataSpecs];
    const treeNum = await writeNamesTree(update, filespecs);
    const signingTime = new Date();
    const sigNum = await writeSignatureField(plan, base, update, filespecs, treeNum);
    const placeholder = await writeSignaturePlaceholder(plan, base, update, sigNum, signingTime);
    const sha256 = await signIntoGap(plan, handle, signatureHash, placeholder, signingTime, checkAbort);
    // The thread writes through this file descriptor: it stops before the descriptor is closed.
    await signatureHash.close();
    signatureHash = null;
    await handle.close();
    handle = null;

    progress.enter('done');
    return {
      path: tempPath,
      packId: plan.packId,
      sha256,
      size: placeholder.fileSize,
      signedAt: signingTime.toISOString(),
      embeddedFiles: plan.toEmbed.length,
      withheldFiles: plan.files.length - plan.toEmbed.length,
    };
  } catch (e) {
    await ahead?.close().catch(() => undefined);
    ahead = null;
    await signatureHash?.close().catch(() => undefined);
    signatureHash = null;
    await handle?.close().catch(() => undefined);
    await rm(tempPath, { force: true }).catch(() => undefined);
    if (signal?.aborted) throw cancelledError();
    throw isSscpError(e) ? e : asWriteFailure(e, { path: destination, what: 'pack', temp: tempPath });
  } finally {
    signal?.removeEventListener('abort', stopAhead);
    await ahead?.close();
    await signatureHash?.close();
  }
}

/** Starts deflating the files to deflate, in the order they will be embedded. */
function deflateAhead(plan: PackPlan<UnsignedPackInput>, toDeflate: readonly ToEmbed[]): DeflateAhead {
  return new DeflateAhead(
    toDeflate.map((e) => ({ path: plan.input.evidencePath(e.item.sha256), size: e.item.size })),
    { chunkBytes: CHUNK_BYTES, zlib: EVIDENCE_DEFLATE },
  );
}

/** One pack's facts, settled before a byte is written. */
interface PackPlan<Input extends UnsignedPackInput = PackInput> {
  /** The input with the assessment as the pack's recipient sees it. */
  readonly input: Input;
  readonly packId: string;
  readonly generatedAt: Date;
  readonly files: readonly ManifestFile[];
  readonly references: readonly ManifestReference[];
  /** The evidence files that are embedded (not withheld), each with its manifest entry. */
  readonly toEmbed: readonly { readonly item: EvidenceItem; readonly file: ManifestFile }[];
}

/** Phase 1, gather: what goes into the pack. */
function planPack(given: UnsignedPackInput): PackPlan<UnsignedPackInput> {
  // Everything below reads the assessment as the recipient sees it, so a withheld name or
  // description cannot reach a page, an attachment, the manifest or assessment.json.
  const input: UnsignedPackInput = { ...given, detail: detailAsRecipientSees(given.detail, given.profile) };
  const generatedAt = input.generatedAt ?? new Date();
  const packId = randomUUID();
  const files = manifestFiles(input);
  const references = manifestReferences(input);
  const toEmbed = input.detail.evidence
    .filter((item) => item.kind === 'file')
    .map((item, i) => ({ item, file: files[i]! }))
    .filter((x) => x.file.embedded);
  return { input, packId, generatedAt, files, references, toEmbed };
}

/** Progress as the caller sees it: every phase change and file, and about every 0.5 % of the bytes. */
class ProgressReporter {
  private readonly progress: { -readonly [K in keyof PackProgress]: PackProgress[K] };
  private lastReported = -1;

  constructor(
    plan: PackPlan,
    private readonly onProgress: ((progress: PackProgress) => void) | undefined,
  ) {
    const bytesTotal = plan.toEmbed.reduce((s, x) => s + x.item.size, 0);
    this.progress = { phase: 'layout', bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: plan.toEmbed.length };
  }

  enter(phase: PackPhase): void {
    this.progress.phase = phase;
    this.report(true);
  }

  bytes(n: number): void {
    this.progress.bytesDone += n;
    this.report();
  }

  fileDone(): void {
    this.progress.filesDone += 1;
    this.report(true);
  }

  report(force = false): void {
    const step = Math.max(this.progress.bytesTotal / 200, 8 * 1024 * 1024);
    if (!force && this.progress.bytesDone - this.lastReported < step) return;
    this.lastReported = this.progress.bytesDone;
    this.onProgress?.({ ...this.progress });
  }
}

/**
 * The report renderer, loaded on first use: pdfkit and its fonts are the bulk of the
 * exporter's code, and the exporter loads them while it unlocks the signing key.
 */
export function preloadReportRenderer(): Promise<typeof RenderReportModule> {
  return import('./report/render-report');
}

/** Phase 2: pdfkit lays the report out into the file; returns what the update must rewrite. */
async function layOutReport(plan: PackPlan, tempPath: string): Promise<BaseDocument> {
  const model = buildReportModel(plan.input, plan.packId, plan.generatedAt, APP_VERSION, plan.files);
  const { renderReport } = await preloadReportRenderer();
  await renderReport(model, tempPath);
  return readBaseDocument(tempPath);
}

/** Object numbers for the update, following the report's own; `size` is the trailer's /Size. */
class ObjectNumbers {
  constructor(private next: number) {}

  allocate(): number {
    return this.next++;
  }

  get size(): number {
    return this.next;
  }
}

/** The incremental update being appended: the writer and its object numbers. */
interface Update {
  readonly out: PdfAppender;
  readonly objects: ObjectNumbers;
}

interface FileSpecRef {
  readonly name: string;
  readonly ref: PdfRef;
}

type ToEmbed = PackPlan['toEmbed'][number] & { readonly compress: boolean };

/**
 * The order the evidence is embedded in: files to deflate spread evenly, by bytes, among the
 * files stored as they are. Deflating is work for the processor and storing is work for the
 * disk, so mixed they overlap; grouped (a pack's logs together, say), one waits on the other.
 * The order inside the file is free: readers list attachments by the names tree, and the
 * manifest keeps the assessment's order.
 */
async function embeddingOrder(plan: PackPlan<UnsignedPackInput>): Promise<ToEmbed[]> {
  const decided: ToEmbed[] = [];
  for (const entry of plan.toEmbed) {
    const { item } = entry;
    // A file that cannot be sampled (gone from the store) is refused when it is embedded, in its own words.
    const compress = await shouldCompress(plan.input.evidencePath(item.sha256), item.size, item.mediaType).catch(() => false);
    decided.push({ ...entry, compress });
  }
  return interleaveByBytes(
    decided.filter((e) => e.compress),
    decided.filter((e) => !e.compress),
    (e) => e.item.size,
  );
}

/**
 * Merges two lists, each in its own order, so that each is spread evenly over the result by
 * its share of the bytes: after any prefix, each list has given about the same fraction of
 * its total.
 */
export function interleaveByBytes<T>(a: readonly T[], b: readonly T[], size: (item: T) => number): T[] {
  const total = (list: readonly T[]) => list.reduce((sum, e) => sum + size(e), 0) || 1;
  const [aTotal, bTotal] = [total(a), total(b)];
  const order: T[] = [];
  let [i, j, aDone, bDone] = [0, 0, 0, 0];
  while (i < a.length || j < b.length) {
    const fromA = j >= b.length || (i < a.length && aDone / aTotal <= bDone / bTotal);
    const next = fromA ? a[i++]! : b[j++]!;
    if (fromA) aDone += size(next);
    else bDone += size(next);
    order.push(next);
  }
  return order;
}

/** Phase 3a: each embedded evidence file, streamed and re-hashed, and its file specification. */
async function embedEvidence(
  plan: PackPlan,
  order: readonly ToEmbed[],
  ahead: DeflateAhead | null,
  { out, objects }: Update,
  progress: ProgressReporter,
  checkAbort: () => void,
  signal: AbortSignal | undefined,
): Promise<FileSpecRef[]> {
  const filespecs: FileSpecRef[] = [];
  let deflatedIndex = 0;
  for (const { item, file, compress } of order) {
    checkAbort();
    const streamNum = objects.allocate();
    const lengthNum = objects.allocate();
    // The files to deflate are DeflateAhead's, in this order: each is taken from it or done here.
    const deflated = compress && ahead ? await ahead.take(deflatedIndex) : null;
    if (compress) deflatedIndex += 1;
    checkAbort();
    await embedEvidenceStream(
      out,
      {
        label: item.fileName,
        path: plan.input.evidencePath(item.sha256),
        size: item.size,
        sha256: item.sha256,
        mediaType: item.mediaType,
        modifiedAt: new Date(item.addedAt),
        streamNum,
        lengthNum,
        compress,
        deflated,
      },
      (n) => progress.bytes(n),
      signal,
    );
    if (deflated) ahead?.release(deflated);
    const specNum = objects.allocate();
    await out.writeObject(specNum, fileSpec(file.name, item.description || file.originalName, 'Source', streamNum));
    filespecs.push({ name: file.name, ref: ref(specNum) });
    progress.fileDone();
  }
  return filespecs;
}

function manifestFor(plan: PackPlan, dataFiles: Manifest['dataFiles']): Manifest {
  const { input } = plan;
  return {
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    packId: plan.packId,
    assessmentId: input.detail.assessment.id,
    catalog: { id: input.catalog.id, version: input.catalog.version },
    profile: input.profile,
    generatedAt: plan.generatedAt.toISOString(),
    generator: { name: GENERATOR_NAME, version: APP_VERSION },
    files: [...plan.files],
    dataFiles,
    ...(plan.references.length > 0 ? { references: [...plan.references] } : {}),
  };
}

/** assessment.json: the whole assessment as data, for re-import. */
function assessmentExportFor(plan: PackPlan) {
  const { input } = plan;
  return {
    schemaVersion: ASSESSMENT_EXPORT_SCHEMA_VERSION,
    packId: plan.packId,
    catalog: { id: input.catalog.id, version: input.catalog.version },
    profile: input.profile,
    auditChainHead: { seq: input.audit.headSeq, hash: input.audit.headHash, entries: input.audit.entries },
    acceptedExceptions: input.acceptedExceptions,
    detail: input.detail,
  };
}

/** Phase 3b: manifest.json, assessment.json and the attestation, compressed, with their file specifications. */
async function writeDataFiles(plan: PackPlan, { out, objects }: Update): Promise<FileSpecRef[]> {
  const attestation = packAttestation(plan.input, plan.packId, plan.generatedAt);
  const jsonFile = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
  const filespecs: FileSpecRef[] = [];
  for (const [fileName, json, description, mediaType] of [
    [
      MANIFEST_NAME,
      jsonFile(manifestFor(plan, [attestation.entry])),
      'Signed list of every evidence file with its SHA-256',
      'application/json',
    ],
    [ASSESSMENT_NAME, jsonFile(assessmentExportFor(plan)), 'The whole assessment as data, for re-import', 'application/json'],
    [attestation.entry.name, attestation.bytes, attestation.entry.description, attestation.entry.mediaType],
  ] as const) {
    const streamNum = objects.allocate();
    await out.writeStreamObject(
      streamNum,
      dict({
        Type: name('EmbeddedFile'),
        Subtype: name(mediaType),
        Params: dict({ Size: json.length, ModDate: pdfDate(plan.generatedAt) }),
        Filter: name('FlateDecode'),
      }),
      deflateSync(json),
    );
    const specNum = objects.allocate();
    await out.writeObject(specNum, fileSpec(fileName, description, 'Data', streamNum));
    filespecs.push({ name: fileName, ref: ref(specNum) });
  }
  return filespecs;
}

/** Phase 3c: the names tree of the attachments, one leaf, keys sorted by their bytes as the format requires. */
async function writeNamesTree({ out, objects }: Update, filespecs: readonly FileSpecRef[]): Promise<number> {
  const sorted = filespecs
    .map((f) => ({ ...f, key: textString(f.name) }))
    .sort((x, y) => Buffer.compare(Buffer.from(x.key.bytes), Buffer.from(y.key.bytes)));
  const treeNum = objects.allocate();
  await out.writeObject(treeNum, dict({ Names: sorted.flatMap((f) => [f.key, f.ref] as PdfValue[]) }));
  return treeNum;
}

/**
 * Phase 3d: the signature field, its widget on the first page and in the structure tree, and
 * the page, names and catalog rewritten to point at them and the attachments. Returns the
 * object number reserved for the signature dictionary.
 */
async function writeSignatureField(
  plan: PackPlan,
  base: BaseDocument,
  { out, objects }: Update,
  filespecs: readonly FileSpecRef[],
  treeNum: number,
): Promise<number> {
  const signerName = plan.input.signer.name;
  const sigNum = objects.allocate();
  const widgetNum = objects.allocate();
  const appearanceNum = objects.allocate();
  const acroFormNum = objects.allocate();
  // The widget belongs to the logical structure (a Form element), as PDF/UA asks.
  const structure = signatureStructure(base.structure, objects.allocate(), widgetNum, base.pageRef, signerName);
  for (const [num, object] of structure.objects) await out.writeObject(num, object);
  await out.writeStreamObject(appearanceNum, emptyAppearance(), new Uint8Array(0));
  await out.writeObject(
    widgetNum,
    signatureWidget(sigNum, base.pageRef.num, appearanceNum, signatureFieldDescription(signerName), structure.structParent),
  );
  await out.writeObject(acroFormNum, dict({ Fields: [ref(widgetNum)], SigFlags: 3 }));
  const page = new PdfDict(base.page.entries);
  page.set('Annots', [...(asArray(page.get('Annots')) ?? []), ref(widgetNum)]);
  page.set('Tabs', name('S')); // Tab order follows the structure tree (PDF/UA, for the field).
  await out.writeObject(base.pageRef.num, page);
  const names = new PdfDict(base.names.entries).set('EmbeddedFiles', ref(treeNum));
  const catalog = new PdfDict(base.catalog.entries);
  if (base.namesRef) await out.writeObject(base.namesRef.num, names);
  else catalog.set('Names', names);
  catalog.set(
    'AF',
    filespecs.map((f) => f.ref),
  );
  catalog.set('AcroForm', ref(acroFormNum));
  // A certification signature: readers show the pack as certified and flag any later change.
  catalog.set('Perms', dict({ DocMDP: ref(sigNum) }));
  await out.writeObject(base.rootRef.num, catalog);
  return sigNum;
}

/** Where the signature goes: the zero-filled /Contents gap and everything after it, in memory. */
interface SignaturePlaceholder {
  readonly gap: Buffer;
  readonly gapStart: number;
  readonly gapEnd: number;
  readonly tail: Buffer;
  readonly fileSize: number;
}

/**
 * Phase 3e: the signature dictionary, last, so everything after its /Contents is small: its
 * head is appended (and hashed); the gap, the rest of the dictionary with the final
 * /ByteRange, the cross-reference section and the trailer are laid out in memory.
 */
async function writeSignaturePlaceholder(
  plan: PackPlan,
  base: BaseDocument,
  { out, objects }: Update,
  sigNum: number,
  signingTime: Date,
): Promise<SignaturePlaceholder> {
  await out.beginObject(sigNum);
  await out.write(
    signatureDictHead(plan.input.signer.name, signingTime, `Senior Responsible Owner's attestation of SSCP evidence pack ${plan.packId}`),
  );
  out.flush();
  const gapStart = out.offset;
  const gap = Buffer.from(signatureGap(), 'latin1');
  const gapEnd = gapStart + gap.length;
  const objectOffsets = new Map(out.objectOffsets);
  const xrefOffset = gapEnd + signatureDictTail(BYTE_RANGE_PLACEHOLDER).length;
  const originalId = asArray(base.trailer.get('ID'))?.[0];
  const trailer = dict({
    Size: objects.size,
    Root: base.rootRef,
    Info: base.trailer.get('Info'),
    ID: [originalId instanceof PdfString ? originalId : new PdfString(randomBytes(16), true), new PdfString(randomBytes(16), true)],
    Prev: base.startxref,
  });
  const afterXref = `${xrefSection(objectOffsets)}trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`;
  const tailLength = signatureDictTail(BYTE_RANGE_PLACEHOLDER).length + afterXref.length;
  const fileSize = gapEnd + tailLength;
  const tail = Buffer.from(signatureDictTail(byteRangeText(gapStart, gapEnd, fileSize - gapEnd)) + afterXref, 'latin1');
  if (tail.length !== tailLength) throw new Error('The signature byte range changed width');
  return { gap, gapStart, gapEnd, tail, fileSize };
}

/**
 * Phase 4: the gap and tail written, the CMS over the signed ranges' digest into the gap, and
 * the file fsynced. Returns the finished file's SHA-256.
 */
async function signIntoGap(
  plan: PackPlan,
  handle: FileHandle,
  signatureHash: ParallelSha256,
  { gap, gapStart, gapEnd, tail }: SignaturePlaceholder,
  signingTime: Date,
  checkAbort: () => void,
): Promise<string> {
  // Branch the running hash: one continues as the signature digest, one as the file's SHA-256.
  const fileHash = signatureHash.copy();
  await signatureHash.update(tail);
  const contentDigest = await signatureHash.digest();
  // Write the gap and tail unhashed (they are accounted for above), then sign.
  await handle.write(gap, 0, gap.length, gapStart);
  await handle.write(tail, 0, tail.length, gapEnd);
  checkAbort();
  const cms = await plan.input.signer.sign(new Uint8Array(contentDigest), signingTime);
  if (cms.length > SIGNATURE_CAPACITY_BYTES) {
    throw SscpError.because({ code: 'pack-signature-too-large', size: cms.length, capacity: SIGNATURE_CAPACITY_BYTES });
  }
  const hex = Buffer.from(Buffer.from(cms).toString('hex').padEnd(SIGNATURE_HEX_LENGTH, '0'), 'latin1');
  await signatureHash.update(gap.subarray(0, 1), fileHash);
  await signatureHash.update(hex, fileHash);
  await signatureHash.update(gap.subarray(gap.length - 1), fileHash);
  await signatureHash.update(tail, fileHash);
  checkAbort();
  await handle.write(hex, 0, hex.length, gapStart + 1);
  await handle.sync();
  return (await signatureHash.digest(fileHash)).toString('hex');
}

function fileSpec(fileName: string, description: string, relationship: 'Source' | 'Data', streamNum: number): PdfDict {
  const key = textString(fileName);
  return dict({
    Type: name('Filespec'),
    F: key,
    UF: key,
    Desc: textString(description),
    AFRelationship: name(relationship),
    EF: dict({ F: ref(streamNum), UF: ref(streamNum) }),
  });
}
