import { frozenReason } from '../../shared/domain/frozen';
import { findCatalog } from '../../shared/catalog/index';
import { localIsoDate } from '../../shared/domain/dates';
import { firstPackTextFault } from '../../shared/domain/assessment-text';
import { signoffBlockers, type SignoffBlocker } from '../../shared/domain/signoff';
import { auditContributors, describeAuditActor, describeAuditEntry } from '../../shared/domain/audit-wording';
import type { AuditEntry } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import { checkDestination } from '../fs/destination';
import type { Workspace } from '../services/workspace';
import { signDigest } from '../signing/cms';
import { certificateFingerprint } from '../signing/fingerprint';
import type { IdentityService } from '../signing/identity-service';
import { escapeUnsafe } from '../../shared/domain/text-rules';
import { attachmentRenameReason, uniqueAttachmentNames } from './attachment-names';
import { buildPack } from './build-pack';
import type { BuildPackOptions, BuiltPack, PackAuditEvent, PackAuditSummary, PackProfile } from './types';

export interface ExportPackRequest {
  readonly assessmentId: string;
  readonly identityLabel: string;
  readonly passphrase: string;
  readonly outPath: string;
  readonly profile: PackProfile;
  /** The SRO accepts the sign-off blockers listed, which the pack then prints. */
  readonly acceptExceptions: boolean;
  /** The person agreed to replace an existing file at outPath (the save dialog asked, or --force). */
  readonly replace?: boolean;
  /** What to do about an existing file; the CLI names its --force here. */
  readonly existsHint?: string;
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

/** One key event for the pack, in the app's own wording, with who made it. */
function describeEntry(e: AuditEntry): PackAuditEvent {
  return { at: e.at, action: e.action, summary: describeAuditEntry(e), who: describeAuditActor(e) };
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
    keyEvents: shown.map(describeEntry),
    contributors: auditContributors(mine).map(({ who, changes }) => ({ who, changes })),
  };
}

/**
 * Exports and signs an assessment: checks the sign-off rules, unlocks the SRO's identity,
 * builds the pack, then records the pack's SHA-256 in the audit log and freezes the
 * assessment. A blocker stops the export unless `acceptExceptions` is set. The destination
 * is checked first, before any work: never the open database, its companions or its
 * evidence folder, and an existing file only with `replace`.
 */
export async function exportPack(ws: Workspace, identities: IdentityService, request: ExportPackRequest, options: BuildPackOptions = {}): Promise<ExportedPack> {
  const replace = request.replace ?? false;
  const outPath = await checkDestination(request.outPath, { what: 'pack', database: ws.dbPath, replace, existsHint: request.existsHint, exampleName: 'evidence-pack.pdf' });
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
    outPath,
    { ...options, replace, existsHint: request.existsHint },
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
