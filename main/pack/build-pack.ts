import { randomBytes, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { open, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { detailAsRecipientSees, evidenceAsRecipientSees } from '../../shared/domain/recipient-view';
import { isSscpError, SscpError } from '../../shared/errors';
import { fsyncDirectory } from '../fs/durable-fs';
import { publishFile } from '../fs/destination';
import { asWriteFailure } from '../fs/write-errors';
import { ASSESSMENT_NAME, MANIFEST_NAME, uniqueAttachmentNames } from './attachment-names';
import { cancelledError, embedEvidenceStream } from './embed-evidence';
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
import { renderReport } from './report/render-report';
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
import { GENERATOR_NAME, type BuildPackOptions, type BuiltPack, type PackInput, type PackProgress } from './types';
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
function manifestFiles(input: PackInput): ManifestFile[] {
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
function manifestReferences(input: PackInput): ManifestReference[] {
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

function checkInput(input: PackInput): void {
  const a = input.detail.assessment;
  if (a.catalogId !== input.catalog.id || a.catalogVersion !== input.catalog.version) {
    throw new SscpError(
      'conflict',
      `This assessment uses catalog ${a.catalogId} ${a.catalogVersion}, but the pack was asked to use ${input.catalog.id} ${input.catalog.version}.`,
      'Export with the catalog version the assessment was made with.',
    );
  }
  if (!/^[0-9a-f]{64}$/.test(input.signer.certificateFingerprint)) {
    throw new SscpError(
      'invalid-input',
      'The signing certificate fingerprint is not a SHA-256 hex string.',
      'Unlock the signing identity again.',
    );
  }
}

async function checkTargetFolder(target: string): Promise<void> {
  const folder = dirname(target);
  try {
    if (!(await stat(folder)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new SscpError(
      'not-found',
      `The folder ${folder} does not exist, so the pack cannot be written there.`,
      'Choose an existing folder for the pack.',
    );
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
 * 1. pdfkit lays the report out into the file;
 * 2. an incremental update appends the evidence (streamed, each file re-hashed against its
 *    recorded SHA-256), manifest.json, assessment.json, attestation.cdx.json (the CycloneDX
 *    attestation, main/attestation), the file specifications, an updated
 *    catalog with /AF and /AcroForm, and the signature dictionary with a zero-filled
 *    /Contents, hashing every byte of the first signed range as it is written;
 * 3. the CMS over that digest is written into the gap and the file fsynced. The signature
 *    is the last write; a cancel or error deletes the file.
 */
export async function writePack(
  given: PackInput,
  tempPath: string,
  options: BuildPackOptions = {},
  destination = tempPath,
): Promise<BuiltPack> {
  checkInput(given);
  // Everything below reads the assessment as the recipient sees it, so a withheld name or
  // description cannot reach a page, an attachment, the manifest or assessment.json.
  const input: PackInput = { ...given, detail: detailAsRecipientSees(given.detail, given.profile) };
  await checkTargetFolder(tempPath);
  const { signal } = options;
  const generatedAt = input.generatedAt ?? new Date();
  const packId = randomUUID();
  const files = manifestFiles(input);
  const references = manifestReferences(input);
  const toEmbed = input.detail.evidence
    .filter((item) => item.kind === 'file')
    .map((item, i) => ({ item, file: files[i]! }))
    .filter((x) => x.file.embedded);
  const bytesTotal = toEmbed.reduce((s, x) => s + x.item.size, 0);
  const progress = { phase: 'layout' as PackProgress['phase'], bytesDone: 0, bytesTotal, filesDone: 0, filesTotal: toEmbed.length };
  let lastReported = -1;
  const report = (force = false) => {
    const step = Math.max(bytesTotal / 200, 8 * 1024 * 1024);
    if (!force && progress.bytesDone - lastReported < step) return;
    lastReported = progress.bytesDone;
    options.onProgress?.({ ...progress });
  };
  const checkAbort = () => {
    if (signal?.aborted) throw cancelledError();
  };

  let handle: FileHandle | null = null;
  // Hashes every byte of the signed ranges on a second thread while this one embeds.
  const signatureHash = new ParallelSha256();
  try {
    report(true);
    const model = buildReportModel(input, packId, generatedAt, APP_VERSION, files);
    await renderReport(model, tempPath);
    checkAbort();
    const base = await readBaseDocument(tempPath);

    await hashExisting(tempPath, base.size, signatureHash);
    handle = await open(tempPath, 'r+');
    const out = new PdfAppender(handle, base.size, signatureHash);
    let nextNum = base.nextObject;
    const allocate = () => nextNum++;

    progress.phase = 'embed';
    report(true);
    const filespecs: { name: string; ref: PdfRef }[] = [];
    for (const { item, file } of toEmbed) {
      checkAbort();
      const streamNum = allocate();
      const lengthNum = allocate();
      await embedEvidenceStream(
        out,
        {
          label: item.fileName,
          path: input.evidencePath(item.sha256),
          size: item.size,
          sha256: item.sha256,
          mediaType: item.mediaType,
          modifiedAt: new Date(item.addedAt),
          streamNum,
          lengthNum,
        },
        (n) => {
          progress.bytesDone += n;
          report();
        },
        signal,
      );
      const specNum = allocate();
      await out.writeObject(specNum, fileSpec(file.name, item.description || file.originalName, 'Source', streamNum));
      filespecs.push({ name: file.name, ref: ref(specNum) });
      progress.filesDone += 1;
      report(true);
    }
    checkAbort();

    progress.phase = 'sign';
    report(true);
    const attestation = packAttestation(input, packId, generatedAt);
    const manifest: Manifest = {
      schemaVersion: MANIFEST_SCHEMA_VERSION,
      packId,
      assessmentId: input.detail.assessment.id,
      catalog: { id: input.catalog.id, version: input.catalog.version },
      profile: input.profile,
      generatedAt: generatedAt.toISOString(),
      generator: { name: GENERATOR_NAME, version: APP_VERSION },
      files,
      dataFiles: [attestation.entry],
      ...(references.length > 0 ? { references } : {}),
    };
    const assessmentExport = {
      schemaVersion: ASSESSMENT_EXPORT_SCHEMA_VERSION,
      packId,
      catalog: { id: input.catalog.id, version: input.catalog.version },
      profile: input.profile,
      auditChainHead: { seq: input.audit.headSeq, hash: input.audit.headHash, entries: input.audit.entries },
      acceptedExceptions: input.acceptedExceptions,
      detail: input.detail,
    };
    const jsonFile = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`, 'utf8');
    for (const [fileName, json, description, mediaType] of [
      [MANIFEST_NAME, jsonFile(manifest), 'Signed list of every evidence file with its SHA-256', 'application/json'],
      [ASSESSMENT_NAME, jsonFile(assessmentExport), 'The whole assessment as data, for re-import', 'application/json'],
      [attestation.entry.name, attestation.bytes, attestation.entry.description, attestation.entry.mediaType],
    ] as const) {
      const streamNum = allocate();
      await out.writeStreamObject(
        streamNum,
        dict({
          Type: name('EmbeddedFile'),
          Subtype: name(mediaType),
          Params: dict({ Size: json.length, ModDate: pdfDate(generatedAt) }),
          Filter: name('FlateDecode'),
        }),
        deflateSync(json),
      );
      const specNum = allocate();
      await out.writeObject(specNum, fileSpec(fileName, description, 'Data', streamNum));
      filespecs.push({ name: fileName, ref: ref(specNum) });
    }

    // The names tree: one leaf, keys sorted by their bytes as the format requires.
    const sorted = filespecs
      .map((f) => ({ ...f, key: textString(f.name) }))
      .sort((x, y) => Buffer.compare(Buffer.from(x.key.bytes), Buffer.from(y.key.bytes)));
    const treeNum = allocate();
    await out.writeObject(treeNum, dict({ Names: sorted.flatMap((f) => [f.key, f.ref] as PdfValue[]) }));

    const signingTime = new Date();
    const sigNum = allocate();
    const widgetNum = allocate();
    const appearanceNum = allocate();
    const acroFormNum = allocate();
    // The widget belongs to the logical structure (a Form element), as PDF/UA asks.
    const structure = signatureStructure(base.structure, allocate(), widgetNum, base.pageRef, input.signer.name);
    for (const [num, object] of structure.objects) await out.writeObject(num, object);
    await out.writeStreamObject(appearanceNum, emptyAppearance(), new Uint8Array(0));
    await out.writeObject(
      widgetNum,
      signatureWidget(sigNum, base.pageRef.num, appearanceNum, signatureFieldDescription(input.signer.name), structure.structParent),
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

    // The signature dictionary comes last, so everything after its /Contents is small and in memory.
    await out.beginObject(sigNum);
    await out.write(
      signatureDictHead(input.signer.name, signingTime, `Senior Responsible Owner's attestation of SSCP evidence pack ${packId}`),
    );
    await out.flush();
    const gapStart = out.offset;
    const gap = Buffer.from(signatureGap(), 'latin1');
    const gapEnd = gapStart + gap.length;
    const objectOffsets = new Map(out.objectOffsets);
    const xrefOffset = gapEnd + signatureDictTail(BYTE_RANGE_PLACEHOLDER).length;
    const originalId = asArray(base.trailer.get('ID'))?.[0];
    const trailer = dict({
      Size: nextNum,
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

    // Branch the running hash: one continues as the signature digest, one as the file's SHA-256.
    const fileHash = signatureHash.copy();
    await signatureHash.update(tail);
    const contentDigest = await signatureHash.digest();
    // Write the gap and tail unhashed (they are accounted for above), then sign.
    await handle.write(gap, 0, gap.length, gapStart);
    await handle.write(tail, 0, tail.length, gapEnd);
    checkAbort();
    const cms = await input.signer.sign(new Uint8Array(contentDigest), signingTime);
    if (cms.length > SIGNATURE_CAPACITY_BYTES) {
      throw new SscpError(
        'invalid-input',
        `The signature (${cms.length} bytes) does not fit the ${SIGNATURE_CAPACITY_BYTES} bytes reserved for it.`,
        'Use a signing identity with a shorter certificate chain.',
      );
    }
    const hex = Buffer.from(Buffer.from(cms).toString('hex').padEnd(SIGNATURE_HEX_LENGTH, '0'), 'latin1');
    await signatureHash.update(gap.subarray(0, 1), fileHash);
    await signatureHash.update(hex, fileHash);
    await signatureHash.update(gap.subarray(gap.length - 1), fileHash);
    await signatureHash.update(tail, fileHash);
    checkAbort();
    await handle.write(hex, 0, hex.length, gapStart + 1);
    await handle.sync();
    await handle.close();
    handle = null;

    progress.phase = 'done';
    report(true);
    return {
      path: tempPath,
      packId,
      sha256: (await signatureHash.digest(fileHash)).toString('hex'),
      size: fileSize,
      signedAt: signingTime.toISOString(),
      embeddedFiles: toEmbed.length,
      withheldFiles: files.length - toEmbed.length,
    };
  } catch (e) {
    await handle?.close().catch(() => undefined);
    await rm(tempPath, { force: true }).catch(() => undefined);
    if (signal?.aborted) throw cancelledError();
    throw isSscpError(e) ? e : asWriteFailure(e, { path: destination, what: 'pack', temp: tempPath });
  } finally {
    await signatureHash.close();
  }
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
