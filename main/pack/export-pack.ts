import { frozenReason } from '../../shared/domain/frozen';
import { findCatalog } from '../../shared/catalog/index';
import { localIsoDate } from '../../shared/domain/dates';
import { firstPackTextFault } from '../../shared/domain/assessment-text';
import { signoffBlockers, type SignoffBlocker } from '../../shared/domain/signoff';
import type { AuditEntry } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import type { Workspace } from '../services/workspace';
import { signDigest } from '../signing/cms';
import { certificateFingerprint } from '../signing/fingerprint';
import type { IdentityService } from '../signing/identity-service';
import { escapeUnsafe } from '../../shared/domain/text-rules';
import { attachmentRenameReason, uniqueAttachmentNames } from './attachment-names';
import { buildPack } from './build-pack';
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

/**
 * Exports and signs an assessment: checks the sign-off rules, unlocks the SRO's identity,
 * builds the pack, then records the pack's SHA-256 in the audit log and freezes the
 * assessment. A blocker stops the export unless `acceptExceptions` is set.
 */
export async function exportPack(ws: Workspace, identities: IdentityService, request: ExportPackRequest, options: BuildPackOptions = {}): Promise<ExportedPack> {
  const detail = ws.getAssessment(request.assessmentId);
  const { assessment } = detail;
  const frozen = frozenReason(assessment, 'sign');
  if (frozen) throw new SscpError('frozen', frozen.message, frozen.hint);
  const catalog = findCatalog(assessment.catalogId, assessment.catalogVersion);
  if (!catalog) {
    throw new SscpError('unsupported-version', `This app does not know catalog ${assessment.catalogId} ${assessment.catalogVersion}.`, 'Update the app to a version that ships this catalog.');
  }
  // Sign only what an import takes back: every field within its limit, no hidden characters.
  const fault = firstPackTextFault(detail);
  if (fault) throw new SscpError('invalid-input', `This assessment cannot be signed as it is. ${fault.message}`, fault.hint);
  const now = request.now ?? new Date();
  const checks = signoffBlockers(detail, catalog, localIsoDate(now));
  const blockers = checks.filter((c) => c.severity === 'blocker');
  if (blockers.length > 0 && !request.acceptExceptions) throw new BlockedBySignoff(blockers);

  const identity = await identities.unlock(request.identityLabel, request.passphrase);
  const fingerprint = certificateFingerprint(identity.certificate.der);
  const commonName = identity.certificate.parsed.subjectName.getField('CN')[0] ?? assessment.sroName;
  const acceptedExceptions = blockers.map((b) => b.message);
  const built = await buildPack(
    {
      detail,
      catalog,
      evidencePath: (sha256) => ws.evidenceBlobPath(sha256),
      signer: { name: commonName, certificateFingerprint: fingerprint, sign: (digest, at) => signDigest(digest, identity, at) },
      profile: request.profile,
      acceptedExceptions,
      audit: summariseAudit(ws, assessment.id),
      generatedAt: now,
    },
    request.outPath,
    options,
  );
  ws.markSigned(assessment.id, {
    packSha256: built.sha256,
    packId: built.packId,
    signerFingerprint: fingerprint,
    signedAt: built.signedAt,
    profile: request.profile,
  });
  const warnings = [...checks.filter((c) => c.severity === 'warning').map((c) => c.message), ...renamedAttachments(detail.evidence.map((e) => e.fileName))];
  return { ...built, acceptedExceptions, warnings, signerFingerprint: fingerprint };
}

/** One warning per evidence file attached under another name, saying which and why. */
function renamedAttachments(names: readonly string[]): string[] {
  const safe = uniqueAttachmentNames(names);
  return names.flatMap((original, i) => {
    const reason = attachmentRenameReason(original, safe[i]!);
    return reason ? [`The evidence file "${escapeUnsafe(original, false)}" is attached as "${safe[i]!}" because ${reason}.`] : [];
  });
}
