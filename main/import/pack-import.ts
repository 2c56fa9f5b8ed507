import type { EvidenceItem } from '../../shared/domain/types';
import { statSync } from 'node:fs';
import type { PackImportPreviewOf, PackImportResultOf } from '../../shared/domain/pack-import';
import type { ClaimResult } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { hashFile } from '../evidence/index';
import { openRegularFile, type FileRole } from '../fs/regular-file';
import { embeddedFileStream } from '../pack/read-embedded';
import type { PackProfile } from '../pack/types';
import type { PackVerification } from '../pack/verify/types';
import { verifyPack } from '../pack/verify/verify-pack';
import { normaliseFingerprint } from '../signing/fingerprint';
import { ESTABLISH_TRUST_HINT, type TrustPolicyInputs } from '../signing/trust-policy';
import { alreadyImported } from '../services/import-support';
import type { Workspace } from '../services/workspace';
import { readPackContents, type PackContents } from './read-pack-contents';

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
}

/**
 * Reads and verifies a pack without any database: a file that is not a readable pack throws
 * SscpError; a pack whose signature fails comes back with `verification.valid === false`.
 */
export async function preparePackImport(
  packPath: string,
  trust: PackTrust = {},
  options: PackImportOptions = {},
): Promise<PreparedPackImport> {
  const identity = await fileIdentity(packPath);
  const { preview, contents } = await inspect(packPath, trust, options);
  return { preview, contents, identity };
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
  return storePackImport(ws, await preparePackImport(packPath, trust, options), options);
}

/** The second half of importPack, for callers that showed the prepared preview first. */
export async function storePackImport(
  ws: Workspace,
  prepared: PreparedPackImport,
  options: PackImportOptions = {},
): Promise<PackImportResult> {
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
  const present = new Set<string>();
  const handled = new Set<string>();
  let stored = 0;
  let alreadyHeld = 0;
  for (const entry of contents.evidence) {
    if (!entry.stream) continue;
    if (options.signal?.aborted) throw cancelled(contents.fileName);
    const { sha256, size } = entry.manifest;
    // Stored once by hash: a second copy in the pack, or bytes this database already holds, need no copy.
    if (handled.has(sha256) || blobHeld(ws, sha256, size)) {
      if (!handled.has(sha256)) alreadyHeld += 1;
      handled.add(sha256);
      present.add(entry.item.id);
      bytesDone += size;
      report('store');
      continue;
    }
    const result = await ws.putEvidenceFromStream(
      embeddedFileStream(packPath, entry.stream, { signal: options.signal }),
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
    handled.add(sha256);
    present.add(entry.item.id);
  }

  // Everything read above came from the file we verified only if it did not change meanwhile.
  const after = await fileIdentity(packPath);
  const before = prepared.identity;
  if (after.size !== before.size || after.mtimeMs !== before.mtimeMs || after.ino !== before.ino) {
    throw SscpError.because({ code: 'pack-changed-while-imported', fileName: contents.fileName });
  }
  if (options.signal?.aborted) throw cancelled(contents.fileName);
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
  options: PackImportOptions,
): Promise<{ preview: PackImportPreview; contents: PackContents }> {
  await requireFile(packPath);
  if (!(await readMagic(packPath, PDF_MAGIC.length)).equals(PDF_MAGIC)) {
    throw SscpError.because({ code: 'pack-not-pdf', path: packPath });
  }
  // Structure first: a file that is not a readable pack is refused before any hashing.
  const contents = await readPackContents(packPath);
  let hashed = 0;
  let verified = 0;
  const total = contents.fileSize * 2;
  const tick = () => options.onProgress?.({ phase: 'verify', bytesDone: hashed + verified, bytesTotal: total });
  const [verification, whole] = await Promise.all([
    verifyPack(packPath, {
      rootsPem: trust.rootsPem,
      fingerprint: trust.fingerprint,
      fingerprints: trust.fingerprints,
      own: trust.own,
      signal: options.signal,
      onProgress: (p) => {
        verified = p.bytesDone;
        tick();
      },
    }),
    hashFile(packPath).then((r) => {
      hashed = contents.fileSize;
      tick();
      return r;
    }),
  ]);
  if (options.signal?.aborted) throw cancelled(contents.fileName);
  const detail = contents.data.detail;
  const results = { 'not-assessed': 0, met: 0, 'partially-met': 0, 'not-met': 0, 'not-applicable': 0 } satisfies Record<
    ClaimResult,
    number
  >;
  for (const r of detail.responses) results[r.result] += 1;
  const a = detail.assessment;
  const preview: PackImportPreview = {
    file: { path: packPath, name: contents.fileName, size: whole.size, sha256: whole.sha256 },
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
  return { preview, contents };
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
