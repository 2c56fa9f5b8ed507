import { findCatalog } from '../../shared/catalog/index';
import { localIsoDate } from '../../shared/domain/dates';
import { signoffBlockers, type SignoffBlocker } from '../../shared/domain/signoff';
import type { AuditEntry } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import type { Workspace } from '../services/workspace';
import { signDigest } from '../signing/cms';
import { certificateFingerprint } from '../signing/fingerprint';
import type { IdentityService } from '../signing/identity-service';
import { writePack } from './build-pack';
import { cancelledError } from './embed-evidence';
import type { BuildPackOptions, BuiltPack, PackAuditSummary, PackProfile } from './types';

export interface ExportPackRequest {
  readonly assessmentId: string;
  readonly identityLabel: string;
  readonly passphrase: string;
  readonly outPath: string;
  readonly profile: PackProfile;
  /** The SRO accepts the sign-off blockers listed, which the pack then prints. */
  readonly acceptExceptions: boolean;
  readonly now?: Date;
}

export interface ExportedPack extends BuiltPack {
  readonly acceptedExceptions: readonly string[];
  readonly warnings: readonly string[];
  readonly signerFingerprint: string;
}

/** Sign-off blockers stand in the way and were not accepted: the caller lists them. */
export class BlockedBySignoff extends SscpError {
  constructor(readonly blockers: readonly SignoffBlocker[]) {
    super(
      'conflict',
      `The assessment cannot be signed yet: ${blockers.length} sign-off ${blockers.length === 1 ? 'check fails' : 'checks fail'}.`,
      'Resolve them, or sign anyway with --accept-exceptions: the pack then lists each one as an exception you accepted.',
    );
  }
}

const KEY_ACTIONS = new Set(['assessment.created', 'assessment.imported', 'assessment.carried-forward', 'evidence.attached', 'assessment.signed', 'action.added']);

function describeEntry(e: AuditEntry): string {
  const d = e.detail as Record<string, unknown>;
  switch (e.action) {
    case 'evidence.attached':
      return `Evidence "${String(d.fileName ?? '')}" attached to claim ${String(d.claimId ?? '')}`;
    case 'action.added':
      return `Remedial action added for claim ${String(d.claimId ?? '')}`;
    case 'assessment.created':
      return 'Assessment created';
    case 'assessment.imported':
      return 'Assessment imported';
    default:
      return e.action;
  }
}

/** The audit log as the pack reports it: this assessment's entries, and the head of the whole chain. */
export function summariseAudit(ws: Workspace, assessmentId: string): PackAuditSummary {
  const all = ws.auditEntries();
  const mine = all.filter((e) => e.assessmentId === assessmentId);
  const head = all[all.length - 1];
  const key = mine.filter((e) => KEY_ACTIONS.has(e.action));
  // Keep the report readable: the first events and the most recent ones.
  const shown = key.length > 24 ? [...key.slice(0, 4), ...key.slice(-20)] : key;
  return {
    entries: mine.length,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? '0'.repeat(64),
    keyEvents: shown.map((e) => ({ at: e.at, action: e.action, summary: describeEntry(e) })),
  };
}

/** The steps of the signing journal (main/services/export-lease.ts), for the crash tests' seam. */
export type ExportStep = 'leased' | 'built' | 'renamed' | 'committed';

export interface ExportPackOptions extends BuildPackOptions {
  /**
   * Called synchronously as the export passes each step: after the assessment is taken and
   * snapshotted, after the pack is built and recorded in the journal, inside the commit right
   * after the rename, and after the commit. Tests stop or race the export here.
   */
  readonly onStep?: (step: ExportStep) => void;
}

/**
 * Exports and signs an assessment as one journalled step that edits cannot slip into:
 * takes the assessment for signing (a snapshot; from here edits and other exports are
 * refused, in any process), checks the sign-off rules on that snapshot, unlocks the SRO's
 * identity, builds the pack into a hidden temp file beside `outPath`, records it in the
 * journal, then renames it into place and records the signing in one transaction. A blocker
 * stops the export unless `acceptExceptions` is set. Any failure or cancel releases the
 * assessment and leaves no file; a crash is finished or undone when the database is next opened.
 */
export async function exportPack(ws: Workspace, identities: IdentityService, request: ExportPackRequest, options: ExportPackOptions = {}): Promise<ExportedPack> {
  const session = ws.beginSigning(request.assessmentId, request.outPath);
  let written: BuiltPack;
  let acceptedExceptions: string[];
  let warnings: string[];
  let fingerprint: string;
  try {
    options.onStep?.('leased');
    const { detail } = session;
    const { assessment } = detail;
    const catalog = findCatalog(assessment.catalogId, assessment.catalogVersion);
    if (!catalog) {
      throw new SscpError('unsupported-version', `This app does not know catalog ${assessment.catalogId} ${assessment.catalogVersion}.`, 'Update the app to a version that ships this catalog.');
    }
    const now = request.now ?? new Date();
    const checks = signoffBlockers(detail, catalog, localIsoDate(now));
    const blockers = checks.filter((c) => c.severity === 'blocker');
    if (blockers.length > 0 && !request.acceptExceptions) throw new BlockedBySignoff(blockers);
    warnings = checks.filter((c) => c.severity === 'warning').map((c) => c.message);

    const identity = await identities.unlock(request.identityLabel, request.passphrase);
    fingerprint = certificateFingerprint(identity.certificate.der);
    const commonName = identity.certificate.parsed.subjectName.getField('CN')[0] ?? assessment.sroName;
    acceptedExceptions = blockers.map((b) => b.message);
    const signerFingerprint = fingerprint;
    written = await writePack(
      {
        detail,
        catalog,
        evidencePath: (sha256) => ws.evidenceBlobPath(sha256),
        signer: { name: commonName, certificateFingerprint: signerFingerprint, sign: (digest, at) => signDigest(digest, identity, at) },
        profile: request.profile,
        acceptedExceptions,
        audit: summariseAudit(ws, assessment.id),
        generatedAt: now,
      },
      session.tempPath,
      options,
    );
    ws.recordSigningBuilt(session, {
      packSha256: written.sha256,
      packSize: written.size,
      packId: written.packId,
      signerFingerprint,
      signedAt: written.signedAt,
      profile: request.profile,
    });
    options.onStep?.('built');
    if (options.signal?.aborted) throw cancelledError();
  } catch (e) {
    ws.abandonSigning(session);
    throw e;
  }
  // Renames the pack into place and marks the assessment signed together; on failure it
  // removes the pack and releases the assessment itself.
  ws.commitSigning(session, { afterRename: () => options.onStep?.('renamed') });
  options.onStep?.('committed');
  return { ...written, path: request.outPath, acceptedExceptions, warnings, signerFingerprint: fingerprint };
}
