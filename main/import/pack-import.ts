import type { EvidenceItem } from '../../shared/domain/types';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PackImportPreviewOf, PackImportResultOf } from '../../shared/domain/pack-import';
import type { ClaimResult } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { openRegularFile, type FileRole } from '../fs/regular-file';
import { embeddedFileStream, type EmbeddedStream } from '../pack/read-embedded';
import type { PackProfile } from '../pack/types';
import type { PackVerification } from '../pack/verify/types';
import { verifyPackReading, type PackReading } from '../pack/verify/verify-pack';
import { normaliseFingerprint } from '../signing/fingerprint';
import { ESTABLISH_TRUST_HINT, type TrustPolicyInputs } from '../signing/trust-policy';
import { alreadyImported } from '../services/import-support';
import type { Workspace } from '../services/workspace';
import { PackStaging, StagingFailed, type StagedFile } from './pack-staging';
import { readPackContents, type PackContents, type PackEvidenceEntry } from './read-pack-contents';

/**
 * Whom to trust as the signer (main/signing/trust-policy.ts): organisation roots and signer
 * fingerprints, every one of which must hold; with none, the user's own identities.
 */
export interface PackTrust extends TrustPolicyInputs {
  /** One fingerprint the person gave (the app's field); counted with `fingerprints`. */
  readonly fingerprint?: string;
}

export type PackImportPhase = 'verify' | 'store' | 'record';

export interface PackImportProgress {
  readonly phase: PackImportPhase;
  readonly bytesDone: number;
  readonly bytesTotal: number;
}

export interface PackImportOptions {
  readonly onProgress?: (progress: PackImportProgress) => void;
  readonly signal?: AbortSignal;
  /**
   * The SHA-256 fingerprint of a signer nothing vouches for whom the user accepted anyway,
   * having seen it (and, one hopes, compared it with one from the organisation). The import
   * is then recorded as from an unverified signer. Any other untrusted signer is refused.
   */
  readonly acceptUntrustedSigner?: string;
}

export interface PreparePackImportOptions extends PackImportOptions {
  /**
   * The evidence folder of the database the pack will be imported into: its evidence is then
   * written there (as temp files) during the one read that verifies the pack, instead of by a
   * second read once it has verified. The prepared import must then be stored or discarded.
   */
  readonly stageInto?: string;
}

/** What a person sees before deciding to import: who signed, whether it holds, what is in it. */
export interface PackImportPreview extends PackImportPreviewOf<PackVerification, PackProfile> {
  readonly schemaVersion: number;
}

export type PackImportResult = PackImportResultOf<PackImportPreview>;

/**
 * A pack that failed verification: the import is refused. Carries the whole verification so
 * the CLI and UI can show every failed check (the CLI exits 1 for it).
 */
export class PackVerificationFailed extends SscpError {
  constructor(
    readonly verification: PackVerification,
    fileName: string,
  ) {
    super(
      'integrity',
      `${fileName} failed verification, so it was not imported: ${verification.problems[0] ?? verification.summary}`,
      'Ask the sender for a fresh copy of the pack. If you expected a different signer, check the root certificate or fingerprint you gave.',
    );
  }
}

/**
 * A pack that verifies but whose signer nobody vouched for: refused unless the user accepts
 * that very signer (the CLI exits 3 for it, as `verify` does).
 */
export class UntrustedSignerRefused extends SscpError {
  constructor(
    readonly verification: PackVerification,
    fileName: string,
    acceptedOther: boolean,
  ) {
    super(
      'untrusted-signer',
      acceptedOther
        ? `${fileName} is signed by a different certificate (SHA-256 ${verification.fingerprint ?? 'unknown'}) from the one you accepted, so it was not imported.`
        : `${fileName} is intact, but nothing establishes who signed it, so it was not imported: ${verification.trust?.message ?? 'the signer is unknown.'}`,
      `${ESTABLISH_TRUST_HINT} Or, if you have compared the signer's fingerprint with one the organisation gave you, accept this signer explicitly; the assessment is then marked as from an unverified signer.`,
    );
  }
}

/** A pack read and verified, nothing written yet: what `storePackImport` imports. */
export interface PreparedPackImport {
  /** `alreadyImported` is always null here: only a workspace can tell (see previewPackImport). */
  readonly preview: PackImportPreview;
  readonly contents: PackContents;
  /** The file as it was when reading began: an import refuses a file that changed since. */
  readonly identity: FileIdentity;
  /** The evidence written out while the pack was verified (`stageInto`); null when it was not. */
  readonly staged: PackStaging | null;
}

/** Deletes what a prepared import wrote out (`stageInto`) and will not be stored: after a refusal, or a decision not to import. */
export async function discardPreparedImport(prepared: PreparedPackImport): Promise<void> {
  await prepared.staged?.discard();
}

/**
 * Reads and verifies a pack without any database: a file that is not a readable pack throws
 * SscpError; a pack whose signature fails comes back with `verification.valid === false`.
 */
export async function preparePackImport(
  packPath: string,
  trust: PackTrust = {},
  options: PreparePackImportOptions = {},
): Promise<PreparedPackImport> {
  const identity = await fileIdentity(packPath);
  return inspect(packPath, trust, options, identity);
}

/**
 * Verifies a pack and reads what it holds, writing nothing: for the "import this pack?"
 * screen and the CLI's summary, including whether this database imported it before.
 */
export async function previewPackImport(
  ws: Workspace,
  packPath: string,
  trust: PackTrust = {},
  options: PackImportOptions = {},
): Promise<PackImportPreview> {
  const { preview } = await preparePackImport(packPath, trust, options);
  return withEarlierImport(ws, preview);
}

/**
 * Imports a signed evidence pack as a read-only signed assessment. Nothing is written unless
 * the pack reads cleanly, its signature verifies, and its signer is trusted or was accepted
 * by the user as unverified (options.acceptUntrustedSigner). Evidence is streamed out of the PDF into the store, each file re-hashed
 * against its manifest entry; withheld files become listed-but-absent items. The database
 * changes in one transaction at the end, so a failure or a kill at any point leaves it as it
 * was (at worst a complete, unreferenced blob stays in the store).
 */
export async function importPack(
  ws: Workspace,
  packPath: string,
  trust: PackTrust = {},
  options: PackImportOptions = {},
): Promise<PackImportResult> {
  // One read of the pack: verified, hashed whole, and its evidence written out as it is checked.
  return storePackImport(ws, await preparePackImport(packPath, trust, { ...options, stageInto: ws.evidenceDir }), options);
}

/**
 * The second half of importPack, for callers that showed the prepared preview first. Whatever
 * the prepared import wrote out and this does not store is deleted, whether it succeeds or not.
 */
export async function storePackImport(
  ws: Workspace,
  prepared: PreparedPackImport,
  options: PackImportOptions = {},
): Promise<PackImportResult> {
  try {
    return await storePrepared(ws, prepared, options);
  } finally {
    await discardPreparedImport(prepared);
  }
}

async function storePrepared(ws: Workspace, prepared: PreparedPackImport, options: PackImportOptions): Promise<PackImportResult> {
  const { contents } = prepared;
  const preview = withEarlierImport(ws, prepared.preview);
  const packPath = contents.path;
  if (!preview.verification.valid) throw packRefusal(preview.verification, contents.fileName);
  const acceptedUnverified = checkSignerAccepted(preview.verification, contents.fileName, options.acceptUntrustedSigner);
  if (preview.alreadyImported) throw alreadyImported(preview.alreadyImported.importedAt, preview.alreadyImported.assessmentId);

  const bytesTotal = contents.evidence.reduce((sum, e) => sum + (e.stream ? e.manifest.size : 0), 0);
  let bytesDone = 0;
  const report = (phase: PackImportPhase) => options.onProgress?.({ phase, bytesDone, bytesTotal });
  report('store');
  // Files written out during the verifying read, if they went to this database's store.
  const staged = prepared.staged && resolve(prepared.staged.evidenceDir) === resolve(ws.evidenceDir) ? prepared.staged : null;
  let stagedFiles: ReadonlyMap<string, StagedFile>;
  try {
    stagedFiles = staged ? await staged.files() : new Map();
  } catch (e) {
    if (e instanceof StagingFailed) throw stagingFailed(contents.fileName, e);
    throw e;
  }
  // Everything was read from the file we verified only if it did not change meanwhile.
  const checkUnchanged = async () => {
    const after = await fileIdentity(packPath);
    const before = prepared.identity;
    if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) {
      throw SscpError.because({ code: 'pack-changed-while-imported', fileName: contents.fileName });
    }
  };
  const present = new Set<string>();
  const handled = new Set<string>();
  /** Files to read from the pack again: none when the verifying read wrote them all out. */
  const toExtract: PackEvidenceEntry[] = [];
  for (const entry of contents.evidence) {
    if (!entry.stream) continue;
    const { sha256, size } = entry.manifest;
    if (handled.has(sha256) || stagedFiles.has(sha256) || blobHeld(ws, sha256, size)) {
      handled.add(sha256);
      continue;
    }
    handled.add(sha256);
    toExtract.push(entry);
  }
  let stored = 0;
  let alreadyHeld = 0;
  const extracted = new Set<string>();
  for (const entry of toExtract) {
    if (options.signal?.aborted) throw cancelled(contents.fileName);
    const { sha256, size } = entry.manifest;
    const result = await ws.putEvidenceFromStream(
      embeddedFileStream(packPath, entry.stream!, { signal: options.signal }),
      { sha256, size },
      {
        signal: options.signal,
        label: `"${entry.manifest.name}" in ${contents.fileName}`,
        onBytes: (n) => {
          bytesDone += n;
          report('store');
        },
      },
    );
    if (result.reused) alreadyHeld += 1;
    else stored += 1;
    extracted.add(sha256);
  }
  await checkUnchanged();
  // The last point a cancel stops the import: placing the files written out and recording the
  // assessment take moments and finish once begun.
  if (options.signal?.aborted) throw cancelled(contents.fileName);
  const placed = new Set<string>();
  for (const entry of contents.evidence) {
    if (!entry.stream) continue;
    const { sha256, size } = entry.manifest;
    present.add(entry.item.id);
    if (placed.has(sha256) || extracted.has(sha256)) continue;
    placed.add(sha256);
    const file = stagedFiles.get(sha256);
    if (!file) {
      alreadyHeld += 1;
      continue;
    }
    const result = await ws.placeStagedEvidence(file.tempPath, { sha256, size });
    staged!.taken(sha256);
    if (result.reused) alreadyHeld += 1;
    else stored += 1;
    bytesDone += size;
    report('store');
  }

  report('record');
  const v = preview.verification;
  const { assessment } = ws.restoreSignedAssessment({
    // Files as the pack holds them (a name that was not safe is replaced), references as listed.
    detail: {
      ...contents.data.detail,
      evidence: withFilesFrom(
        contents.data.detail.evidence,
        contents.evidence.map((e) => e.item),
      ),
    },
    presentEvidenceIds: present,
    source: {
      sha256: preview.file.sha256,
      packId: preview.packId,
      fileName: contents.fileName,
      profile: preview.profile,
      signedAt: preview.signedAt ?? contents.manifest.generatedAt,
      signerName: v.signer?.commonName ?? null,
      signerFingerprint: v.fingerprint ?? '',
      verification: { valid: v.valid, trusted: v.trusted, summary: v.summary },
      signerTrust: acceptedUnverified ? { trust: 'unverified', trustedBy: [] } : { trust: 'trusted', trustedBy: v.trust?.trustedBy ?? [] },
    },
  });
  return { preview, assessment, evidence: { stored, alreadyHeld, withheld: contents.evidence.filter((e) => !e.stream).length } };
}

/**
 * Whether the import goes ahead as from an unverified signer (true), as from a trusted one
 * (false), or not at all (throws UntrustedSignerRefused).
 */
function checkSignerAccepted(v: PackVerification, fileName: string, accepted: string | undefined): boolean {
  if (v.trusted) return false;
  if (accepted === undefined) throw new UntrustedSignerRefused(v, fileName, false);
  if (v.fingerprint === null || normaliseFingerprint(accepted) !== v.fingerprint) throw new UntrustedSignerRefused(v, fileName, true);
  return true;
}

function withEarlierImport(ws: Workspace, preview: PackImportPreview): PackImportPreview {
  const earlier = ws.findImport(preview.file.sha256, preview.packId);
  return { ...preview, alreadyImported: earlier ? { importedAt: earlier.importedAt, assessmentId: earlier.assessmentId } : null };
}

async function inspect(
  packPath: string,
  trust: PackTrust,
  options: PreparePackImportOptions,
  identity: FileIdentity,
): Promise<PreparedPackImport> {
  await requireFile(packPath);
  if (!(await readMagic(packPath, PDF_MAGIC.length)).equals(PDF_MAGIC)) {
    throw SscpError.because({ code: 'pack-not-pdf', path: packPath });
  }
  // Structure first: a file that is not a readable pack is refused before any hashing.
  const contents = await readPackContents(packPath);
  const staged = options.stageInto === undefined ? null : new PackStaging(options.stageInto, contents.evidence);
  let reading: PackReading;
  try {
    // One read of the file: the signature's ranges, the whole file's hash, every embedded file
    // (written out as it is checked, when staging).
    reading = await verifyPackReading(packPath, {
      rootsPem: trust.rootsPem,
      fingerprint: trust.fingerprint,
      fingerprints: trust.fingerprints,
      own: trust.own,
      signal: options.signal,
      wholeFile: true,
      ...(staged ? { sinkFor: (stream: EmbeddedStream) => staged.sinkFor(stream) } : {}),
      onProgress: (p) => options.onProgress?.({ phase: 'verify', bytesDone: p.bytesDone, bytesTotal: p.bytesTotal }),
    });
  } catch (e) {
    await staged?.discard();
    if (options.signal?.aborted) throw cancelled(contents.fileName);
    if (e instanceof StagingFailed) throw stagingFailed(contents.fileName, e);
    throw e;
  }
  const { verification } = reading;
  if (options.signal?.aborted) {
    await staged?.discard();
    throw cancelled(contents.fileName);
  }
  const preview = previewOf(packPath, contents, verification, reading.sha256 ?? '');
  return { preview, contents, identity, staged };
}

function previewOf(packPath: string, contents: PackContents, verification: PackVerification, sha256: string): PackImportPreview {
  const detail = contents.data.detail;
  const results = { 'not-assessed': 0, met: 0, 'partially-met': 0, 'not-met': 0, 'not-applicable': 0 } satisfies Record<
    ClaimResult,
    number
  >;
  for (const r of detail.responses) results[r.result] += 1;
  const a = detail.assessment;
  const preview: PackImportPreview = {
    file: { path: packPath, name: contents.fileName, size: verification.fileSize, sha256 },
    verification,
    schemaVersion: contents.data.schemaVersion,
    packId: contents.manifest.packId,
    profile: contents.manifest.profile,
    signedAt: verification.signedAt,
    assessment: {
      organisation: a.organisation,
      products: a.products,
      role: a.role,
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      sroName: a.sroName,
      sroRole: a.sroRole,
      catalog: `${a.catalogId} ${a.catalogVersion}`,
      claims: detail.responses.length,
      results,
      actions: detail.actions.length,
      evidenceFiles: contents.evidence.length,
      evidenceWithheld: contents.evidence.filter((e) => !e.stream).length,
    },
    alreadyImported: null,
    renamed: contents.renamed,
    cleaned: contents.cleaned,
  };
  return preview;
}

/**
 * The pack's own contents disagreeing with its manifest (a file missing, extra, or of the
 * wrong size) means the file is unusable, whatever the signature says; anything else that
 * fails is a refused signature.
 */
export function packRefusal(verification: PackVerification, fileName: string): SscpError {
  const broken = verification.files.find(
    (f) => f.status === 'missing' || f.status === 'unexpected' || (f.status === 'mismatch' && /bytes, not/.test(f.problem ?? '')),
  );
  const structure = verification.checks.find((c) => (c.id === 'structure' || c.id === 'manifest') && c.outcome === 'fail');
  if (structure) return SscpError.because({ code: 'pack-structure-damaged', fileName, detail: structure.message });
  if (broken) return SscpError.because({ code: 'pack-manifest-mismatch', fileName, name: broken.name, problem: broken.problem ?? null });
  return new PackVerificationFailed(verification, fileName);
}

/** The disk refused the evidence written out during the read: nothing was kept. */
function stagingFailed(fileName: string, e: StagingFailed): SscpError {
  return SscpError.because({ code: 'store-failed', label: `The evidence in ${fileName}`, detail: e.message });
}

function cancelled(fileName: string): SscpError {
  return SscpError.because({ code: 'pack-import-cancelled', fileName });
}

const PACK_FILE: FileRole = { hint: 'Give the path of the evidence pack (.pdf) you received.' };

/** The pack must be a regular, non-empty file: a folder, pipe or device is refused before it is read. */
async function requireFile(path: string): Promise<{ size: number; mtimeMs: number; ino: number }> {
  const { handle } = await openRegularFile(path, PACK_FILE);
  try {
    const st = await handle.stat();
    if (st.size === 0) throw SscpError.because({ code: 'pack-empty', path });
    return { size: st.size, mtimeMs: st.mtimeMs, ino: st.ino };
  } finally {
    await handle.close();
  }
}

function blobHeld(ws: Workspace, sha256: string, size: number): boolean {
  try {
    const st = statSync(ws.evidenceBlobPath(sha256));
    return st.isFile() && st.size === size;
  } catch {
    return false;
  }
}

/** The first bytes of a file: how importers tell a PDF from a .docx without trusting the name. */
export async function readMagic(path: string, length = 8, role: FileRole = PACK_FILE): Promise<Buffer> {
  const { handle } = await openRegularFile(path, role);
  try {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buf, 0, length, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

export const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

export interface FileIdentity {
  readonly size: number;
  readonly mtimeMs: number;
  readonly ino: number;
}

async function fileIdentity(path: string): Promise<FileIdentity> {
  return requireFile(path);
}

/** The assessment's evidence in its own order, each file replaced by the entry read from the pack. */
function withFilesFrom(all: readonly EvidenceItem[], files: readonly EvidenceItem[]): EvidenceItem[] {
  const byId = new Map(files.map((f) => [f.id, f]));
  return all.map((e) => (e.kind === 'file' ? (byId.get(e.id) ?? e) : e));
}
