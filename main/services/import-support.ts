import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { listClaims } from '../../shared/catalog/index';
import type { Assessment, AssessmentDetail, ClaimResponse, EvidenceItem, RemedialAction } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { EVIDENCE_FILE_MODE, type BlobStore } from '../evidence/index';
import { newFile } from '../fs/new-file';
import { fsyncFile } from '../fs/durable-fs';
import { insertAction } from '../store/actions-repo';
import { insertAssessment, markAssessmentSigned } from '../store/assessments-repo';
import { appendAudit } from '../store/audit-log';
import { nowInstant } from '../store/clock';
import { insertEvidence, insertLink } from '../store/evidence-repo';
import { newId } from '../store/ids';
import type { ImportSignerTrust } from '../../shared/domain/signer-trust';
import { findImport, insertImport } from '../store/imports-repo';
import { insertResponse } from '../store/responses-repo';
import { assertStillStored } from './evidence-removal';
import { inWriteTransaction, requireAssessment, type StoreContext } from './store-context';
import { catalogFor, checkClaimId, checkSha256 } from './validate';

/** The bytes a stream must turn out to be: a manifest's word for them. */
export interface ExpectedBlob {
  readonly sha256: string;
  readonly size: number;
}

export interface PutBlobOptions {
  readonly signal?: AbortSignal;
  /** Called with each chunk's length as it is written. */
  readonly onBytes?: (bytes: number) => void;
  /** How to name the file in a message ("build-log.txt in pack.pdf"). */
  readonly label?: string;
}

export interface PutBlobResult extends ExpectedBlob {
  /** The store already held these bytes; the stream was checked and then discarded. */
  readonly reused: boolean;
}

/** Raised inside the copy when a stream runs past its expected size: no point reading on. */
class TooLarge extends Error {}

/**
 * Stores a blob from a stream whose SHA-256 and size are known in advance (an attachment
 * listed in a pack's manifest). The bytes go to a temp file in the store's tmp/ folder, are
 * hashed and counted on the way, fsynced, and only renamed under their hash when both match.
 * A mismatch, an error or a cancel keeps nothing. A stream that runs past its size is cut off
 * at once, so a decompression bomb costs at most `size` bytes of disk.
 */
export async function putBlobFromStream(
  blobs: BlobStore,
  source: AsyncIterable<Uint8Array>,
  expected: ExpectedBlob,
  options: PutBlobOptions = {},
): Promise<PutBlobResult> {
  const sha256 = checkSha256(expected.sha256, 'The expected file hash');
  if (!Number.isSafeInteger(expected.size) || expected.size < 0) {
    throw SscpError.because({ code: 'expected-size-invalid', label: options.label ?? 'the file', size: String(expected.size) });
  }
  const label = options.label ?? 'The file';
  const tempPath = blobs.newTempPath();
  const hash = createHash('sha256');
  let size = 0;
  const out = newFile(tempPath, EVIDENCE_FILE_MODE);
  try {
    await pipeline(
      source,
      async function* hashAndCount(chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          size += chunk.length;
          if (size > expected.size) throw new TooLarge();
          hash.update(chunk);
          options.onBytes?.(chunk.length);
          yield chunk;
        }
      },
      out.stream,
      { signal: options.signal },
    );
    if (size !== expected.size) throw sizeMismatch(label, size, expected.size);
    const actual = hash.digest('hex');
    if (actual !== sha256) {
      throw SscpError.because({ code: 'file-hash-mismatch', label, sha256, actual });
    }
    await fsyncFile(tempPath);
    const reused = await blobs.moveIntoPlace(tempPath, sha256, size);
    return { sha256, size, reused };
  } catch (e) {
    await out.discard();
    if (options.signal?.aborted) throw SscpError.because({ code: 'store-cancelled', label });
    if (e instanceof TooLarge) throw sizeMismatch(label, `more than ${expected.size}`, expected.size);
    if (e instanceof SscpError) throw e;
    const err = e as NodeJS.ErrnoException;
    // zlib reports damaged compressed data with Z_* codes; anything else is the disk or the source.
    if (typeof err.code === 'string' && err.code.startsWith('Z_')) {
      throw SscpError.because({ code: 'compressed-data-damaged', label, detail: err.message });
    }
    throw SscpError.because({ code: 'store-failed', label, detail: err.message });
  }
}

/**
 * Puts a temp file written into the store's tmp/ folder, synced and found to hold exactly the
 * expected bytes while it was written (main/import/pack-staging.ts), in place as that blob. Only
 * a file in this store's own tmp/ folder is taken, and only at the expected size.
 */
export async function placeStagedBlob(blobs: BlobStore, tempPath: string, expected: ExpectedBlob): Promise<PutBlobResult> {
  const sha256 = checkSha256(expected.sha256, 'The expected file hash');
  const label = 'the staged file';
  if (dirname(tempPath) !== blobs.tmpDir) throw SscpError.because({ code: 'store-failed', label, detail: 'it is not in the store' });
  const size = (await stat(tempPath)).size;
  if (size !== expected.size) throw sizeMismatch(label, size, expected.size);
  const reused = await blobs.moveIntoPlace(tempPath, sha256, size);
  return { sha256, size, reused };
}

function sizeMismatch(label: string, actual: number | string, expected: number): SscpError {
  return SscpError.because({ code: 'file-size-mismatch', label, actual: String(actual), expected });
}

/** Where a restored assessment came from: written to the imports table, the pack columns and the audit log. */
export interface ImportedPackSource {
  /** SHA-256 of the whole pack file. */
  readonly sha256: string;
  readonly packId: string;
  /** The pack file's own name (no folder), for the audit entry. */
  readonly fileName: string;
  readonly profile: string;
  /** When the signer signed, from the signature: the restored assessment's signedAt. */
  readonly signedAt: string;
  readonly signerName: string | null;
  readonly signerFingerprint: string;
  readonly verification: { readonly valid: boolean; readonly trusted: boolean; readonly summary: string };
  /** How the signer was established: trusted (and by what), or accepted unverified by the user. */
  readonly signerTrust: { readonly trust: ImportSignerTrust; readonly trustedBy: readonly string[] };
}

export interface RestoreSignedInput {
  /** The assessment exactly as the pack carried it (ids are the sender's and are replaced). */
  readonly detail: AssessmentDetail;
  /** Evidence items (by the sender's id) whose bytes are now in the store; the rest become listed-but-absent. */
  readonly presentEvidenceIds: ReadonlySet<string>;
  readonly source: ImportedPackSource;
}

export interface RestoredAssessment {
  readonly assessment: Assessment;
  readonly evidenceIds: ReadonlyMap<string, string>;
}

/**
 * Creates, in one transaction, a signed (read-only) copy of an assessment read from a pack:
 * a new id, origin `imported-pack`, state `signed` at the signature's time; its responses,
 * actions, evidence items (withheld ones as `present: false`, listed by hash) and links,
 * all under new ids so nothing in this database is ever overwritten; the import record; and
 * one audit entry saying where it came from. A pack imported before is refused.
 */
export function restoreSignedAssessment(ctx: StoreContext, input: RestoreSignedInput): RestoredAssessment {
  catalogFor(input.detail.assessment);
  checkSha256(input.source.sha256, 'The pack file hash');
  const now = nowInstant();
  try {
    return restoreInTransaction(ctx, input, now);
  } catch (e) {
    // The importer validates everything first; a constraint the schema still refuses means
    // data no build of this app writes, so say so rather than show SQLite's words alone.
    const code = (e as { code?: unknown } | null)?.code;
    if (e instanceof Error && typeof code === 'string' && code.startsWith('SQLITE_CONSTRAINT')) {
      throw inconsistent(`it cannot be stored (${e.message})`);
    }
    throw e;
  }
}

function restoreInTransaction(ctx: StoreContext, input: RestoreSignedInput, now: string): RestoredAssessment {
  const { detail, source } = input;
  const catalog = catalogFor(detail.assessment);
  return inWriteTransaction(ctx, () => {
    const earlier = findImport(ctx.db, source.sha256, source.packId);
    if (earlier) throw alreadyImported(earlier.importedAt, earlier.assessmentId);
    // The files were stored before this transaction; a removal made final meanwhile may have
    // deleted the same bytes. Under the write lock the answer holds until the commit.
    assertStillStored(
      ctx,
      detail.evidence.filter((e) => e.kind === 'file' && input.presentEvidenceIds.has(e.id)).map((e) => e.sha256),
      'the pack',
    );
    const original = detail.assessment;
    const assessment: Assessment = {
      ...original,
      id: newId(),
      state: 'signed',
      origin: 'imported-pack',
      // The sender's earlier assessment lives in their database, not this one.
      previousId: null,
      updatedAt: now,
      signedAt: source.signedAt,
    };
    insertAssessment(ctx.db, assessment);
    markAssessmentSigned(
      ctx.db,
      assessment.id,
      {
        packSha256: source.sha256,
        packId: source.packId,
        signerFingerprint: source.signerFingerprint,
        signedAt: source.signedAt,
        profile: source.profile,
      },
      now,
    );

    const byClaim = new Map<string, ClaimResponse>();
    for (const r of detail.responses) {
      checkClaimId(catalog, r.claimId);
      if (byClaim.has(r.claimId)) throw inconsistent(`claim ${r.claimId} is answered twice`);
      byClaim.set(r.claimId, r);
    }
    for (const { claim } of listClaims(catalog)) {
      const r = byClaim.get(claim.id);
      insertResponse(ctx.db, {
        assessmentId: assessment.id,
        claimId: claim.id,
        status: r?.status ?? 'not-started',
        result: r?.result ?? 'not-assessed',
        evidenceText: r?.evidenceText ?? '',
        arguments: r?.arguments ?? '',
        updatedAt: r?.updatedAt ?? now,
      });
    }

    for (const a of detail.actions) {
      const action: RemedialAction = { ...a, id: newId(), assessmentId: assessment.id, claimId: checkClaimId(catalog, a.claimId) };
      insertAction(ctx.db, action);
    }

    const evidenceIds = new Map<string, string>();
    for (const e of detail.evidence) {
      if (evidenceIds.has(e.id)) throw inconsistent(`evidence ${e.id} is listed twice`);
      const item: EvidenceItem =
        e.kind === 'reference'
          ? { ...e, id: newId(), sha256: '', size: 0, present: false }
          : { ...e, id: newId(), sha256: checkSha256(e.sha256, `The hash of ${e.fileName}`), present: input.presentEvidenceIds.has(e.id) };
      insertEvidence(ctx.db, item);
      evidenceIds.set(e.id, item.id);
    }
    let links = 0;
    for (const l of detail.links) {
      const evidenceId = evidenceIds.get(l.evidenceId);
      if (!evidenceId) throw inconsistent(`claim ${l.claimId} links to evidence ${l.evidenceId}, which the pack does not list`);
      if (insertLink(ctx.db, { assessmentId: assessment.id, claimId: checkClaimId(catalog, l.claimId), evidenceId })) links += 1;
    }

    insertImport(ctx.db, {
      sourceSha256: source.sha256,
      packId: source.packId,
      assessmentId: assessment.id,
      kind: 'pack',
      importedAt: now,
      signerTrust: source.signerTrust.trust,
      signerTrustedBy: source.signerTrust.trustedBy,
    });
    appendAudit(
      ctx.db,
      {
        assessmentId: assessment.id,
        action: 'assessment.imported',
        detail: {
          from: 'pack',
          fileName: source.fileName,
          packSha256: source.sha256,
          packId: source.packId,
          profile: source.profile,
          originalAssessmentId: original.id,
          organisation: assessment.organisation,
          catalog: `${catalog.id} ${catalog.version}`,
          signedAt: source.signedAt,
          signer: source.signerName,
          signerFingerprint: source.signerFingerprint,
          verification: { valid: source.verification.valid, trusted: source.verification.trusted, summary: source.verification.summary },
          signerTrust: source.signerTrust.trust,
          signerTrustedBy: [...source.signerTrust.trustedBy],
          responses: detail.responses.length,
          actions: detail.actions.length,
          evidence: detail.evidence.length,
          evidenceWithheld: detail.evidence.filter((e) => !input.presentEvidenceIds.has(e.id)).length,
          links,
        },
      },
      now,
    );
    return { assessment: requireAssessment(ctx, assessment.id), evidenceIds };
  });
}

/** The message for a second import of the same pack: where the first one went. */
export function alreadyImported(importedAt: string, assessmentId: string): SscpError {
  return SscpError.because({ code: 'pack-already-imported', importedAt, assessmentId });
}

function inconsistent(what: string): SscpError {
  return SscpError.because({ code: 'pack-data-inconsistent', what });
}
