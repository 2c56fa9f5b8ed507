import { findCatalog } from '../../shared/catalog/index';
import { formatLongDate, localIsoDate } from '../../shared/domain/dates';
import { firstPackTextFault } from '../../shared/domain/assessment-text';
import { earlySigning, neverSignable, signoffBlockers, type SignoffBlocker } from '../../shared/domain/signoff';
import { auditContributors, describeAuditActor, describeAuditEntry } from '../../shared/domain/audit-wording';
import type { AssessmentDetail, AuditEntry } from '../../shared/domain/types';
import { withheldNames } from '../../shared/domain/recipient-view';
import { SscpError } from '../../shared/errors';
import { checkDestination } from '../fs/destination';
import { nowDate } from '../store/clock';
import type { Workspace } from '../services/workspace';
import { signDigest } from '../signing/cms';
import { certificateFingerprint } from '../signing/fingerprint';
import type { IdentityService } from '../signing/identity-service';
import { escapeUnsafe } from '../../shared/domain/text-rules';
import { attachmentRenameReason, uniqueAttachmentNames } from './attachment-names';
import { finishPack, preloadReportRenderer, startPack } from './build-pack';
import { cancelledError } from './embed-evidence';
import type { BuildPackOptions, BuiltPack, PackAuditEvent, PackAuditSummary, PackProfile } from './types';
import type { ExportedPack } from '../../shared/domain/pack-results';
import { REASON_KIND, REASON_MESSAGES, wordReason } from '../../shared/error-reasons';

export interface ExportPackRequest {
  readonly assessmentId: string;
  readonly identityLabel: string;
  readonly passphrase: string;
  readonly outPath: string;
  readonly profile: PackProfile;
  /** The SRO accepts the sign-off blockers listed, which the pack then prints. */
  readonly acceptExceptions: boolean;
  /**
   * The SRO signs knowing the assessment period has not ended yet; the pack then says it was
   * signed before the period ended. Without it such an export is refused.
   */
  readonly signBeforePeriodEnd?: boolean;
  /** The person agreed to replace an existing file at outPath (the save dialog asked, or --force). */
  readonly replace?: boolean;
  /** What to do about an existing file; the CLI names its --force here. */
  readonly existsHint?: string;
  readonly now?: Date;
}

export type { ExportedPack } from '../../shared/domain/pack-results';

/** Sign-off blockers stand in the way and were not accepted: the caller lists them. */
export class BlockedBySignoff extends SscpError {
  constructor(readonly blockers: readonly SignoffBlocker[]) {
    const reason = { code: 'signoff-blocked', count: blockers.length } as const;
    super(REASON_KIND[reason.code], wordReason(REASON_MESSAGES, reason), undefined, reason);
  }
}

/** The period has not ended and the SRO did not say they sign before its end: the caller asks. */
export class SigningBeforePeriodEnd extends SscpError {
  constructor(readonly finding: SignoffBlocker) {
    super(
      'conflict',
      `The assessment cannot be signed yet without your confirmation. ${finding.message}`,
      'Sign once the period has ended, or confirm that you are signing before it ends: the pack then says so on its cover and in the attestation.',
    );
  }
}

const KEY_ACTIONS = new Set([
  'assessment.created',
  'assessment.imported',
  'assessment.carried-forward',
  'evidence.attached',
  'assessment.signed',
  'action.added',
]);

/** One key event for the pack, in the app's own wording, with who made it. */
function describeEntry(e: AuditEntry): PackAuditEvent {
  return { at: e.at, action: e.action, summary: describeAuditEntry(e), who: describeAuditActor(e) };
}

/**
 * The audit log as the pack reports it: this assessment's entries, and the head of the whole
 * chain. Given the assessment and who the pack is for, an entry naming evidence whose details
 * are withheld from that recipient names it as the pack does ("Withheld file 1 (confidential)"):
 * by its id, any earlier version's id, or the name it had.
 */
export function summariseAudit(
  ws: Workspace,
  assessmentId: string,
  recipient?: { detail: AssessmentDetail; profile: PackProfile },
): PackAuditSummary {
  const all = ws.auditEntries();
  const mine = all.filter((e) => e.assessmentId === assessmentId);
  const head = all[all.length - 1];
  const key = mine.filter((e) => KEY_ACTIONS.has(e.action));
  // Keep the report readable: the first events and the most recent ones.
  const shown = key.length > 24 ? [...key.slice(0, 4), ...key.slice(-20)] : key;
  const hide = recipient ? hiddenNames(ws, recipient.detail, recipient.profile) : null;
  return {
    entries: mine.length,
    headSeq: head?.seq ?? 0,
    headHash: head?.hash ?? '0'.repeat(64),
    keyEvents: shown.map((e) => describeEntry(hide ? withoutHiddenNames(e, hide) : e)),
    contributors: auditContributors(mine).map(({ who, changes }) => ({ who, changes })),
  };
}

interface HiddenNames {
  readonly byId: ReadonlyMap<string, string>;
  readonly byName: ReadonlyMap<string, string>;
}

function hiddenNames(ws: Workspace, detail: AssessmentDetail, profile: PackProfile): HiddenNames | null {
  const { byId, byName } = withheldNames(detail, profile);
  if (byId.size === 0) return null;
  // Older versions of a withheld item (entries from before its details changed name them).
  const ids = new Map(byId);
  const replaced = new Map(ws.listEvidence().map((e) => [e.item.id, e.replacesId]));
  for (const [id, shownAs] of byId) {
    const seen = new Set<string>([id]);
    for (let older = replaced.get(id) ?? null; older !== null && !seen.has(older); older = replaced.get(older) ?? null) {
      seen.add(older);
      ids.set(older, shownAs);
    }
  }
  return { byId: ids, byName };
}

/** The entry with any withheld evidence name replaced by what the pack calls it. */
function withoutHiddenNames(entry: AuditEntry, hide: HiddenNames): AuditEntry {
  const detail = entry.detail as Record<string, unknown>;
  const fileName = detail.fileName;
  const id = typeof detail.evidenceId === 'string' ? detail.evidenceId : null;
  const shownAs = (id !== null ? hide.byId.get(id) : undefined) ?? (typeof fileName === 'string' ? hide.byName.get(fileName) : undefined);
  if (shownAs === undefined || typeof fileName !== 'string') return entry;
  return { ...entry, detail: { ...detail, fileName: shownAs } };
}

/** The steps of the signing journal (main/services/export-lease.ts), for the crash tests' seam. */
export type ExportStep = 'leased' | 'planned' | 'built' | 'renamed' | 'committed';

export interface ExportPackOptions extends BuildPackOptions {
  /**
   * Called synchronously as the export passes each step: after the assessment is taken and
   * snapshotted, after the pack is planned (its files sampled while the key may still be
   * unlocking; nothing written yet), after the pack is built and recorded in the journal,
   * inside the commit right after the rename, and after the commit. Tests stop or race the
   * export here.
   */
  readonly onStep?: (step: ExportStep) => void;
}

/**
 * Exports and signs an assessment as one journalled step that edits cannot slip into:
 * checks the destination first (never the open database, its companions or its evidence
 * folder; an existing file only with `replace`), takes the assessment for signing (a
 * snapshot; from here edits and other exports are refused, in any process), checks the
 * sign-off rules on that snapshot, unlocks the SRO's identity, builds the pack into a hidden
 * temp file beside `outPath`, records it in the journal, then puts it in place and records
 * the signing in one transaction. A blocker stops the export unless `acceptExceptions` is
 * set. Any failure or cancel releases the assessment and leaves no file; a crash is finished
 * or undone when the database is next opened.
 */
export async function exportPack(
  ws: Workspace,
  identities: IdentityService,
  request: ExportPackRequest,
  options: ExportPackOptions = {},
): Promise<ExportedPack> {
  const replace = request.replace ?? false;
  const outPath = await checkDestination(request.outPath, {
    what: 'pack',
    database: ws.dbPath,
    protect: [identities.keyStorePath],
    replace,
    existsHint: request.existsHint,
    exampleName: 'evidence-pack.pdf',
  });
  if (options.signal?.aborted) throw cancelledError();
  const session = ws.beginSigning(request.assessmentId, outPath, {
    replace,
    ...(request.existsHint !== undefined ? { existsHint: request.existsHint } : {}),
  });
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
      throw SscpError.because({
        code: 'pack-catalog-unknown',
        catalogId: assessment.catalogId,
        catalogVersion: assessment.catalogVersion,
      });
    }
    // Sign only what an import takes back: every field within its limit, no hidden characters.
    const fault = firstPackTextFault(detail);
    if (fault) throw SscpError.because({ code: 'pack-text-unsignable', detail: fault.message, fix: fault.hint });
    const now = request.now ?? nowDate();
    const checks = signoffBlockers(detail, catalog, localIsoDate(now));
    const blockers = checks.filter((c) => c.severity === 'blocker');
    const unsignable = neverSignable(checks)[0];
    if (unsignable) throw SscpError.because({ code: 'pack-never-signable', detail: unsignable.message });
    if (blockers.length > 0 && !request.acceptExceptions) throw new BlockedBySignoff(blockers);
    const early = earlySigning(checks);
    if (early && !request.signBeforePeriodEnd) throw new SigningBeforePeriodEnd(early);
    warnings = [
      ...checks.filter((c) => c.severity === 'warning' && c !== early).map((c) => c.message),
      ...(early
        ? [
            `Signed before the assessment period ends (${formatLongDate(detail.assessment.periodEnd!)}), as you confirmed; the pack says so.`,
          ]
        : []),
      ...renamedAttachments(detail.evidence.map((e) => e.fileName)),
    ];

    acceptedExceptions = blockers.map((b) => b.message);

    // Unlocking is deliberately slow (the key derivation, on another thread). Meanwhile this
    // thread does what needs no key and little memory, which it would otherwise wait out: the
    // report's layout code loads, the audit summary is read, and the pack is planned, each
    // evidence file sampled to decide whether to deflate it (startPack). Nothing is written
    // before the unlock succeeds. The layout and the deflating thread wait for it, so the
    // derivation's 128 MiB are gone before their memory is taken.
    const loading = preloadReportRenderer();
    const unlocking = identities.unlock(request.identityLabel, request.passphrase);
    // A wrong passphrase is reported once the planning is done; if the planning fails first, it is not left unhandled.
    unlocking.catch(() => undefined);
    const started = await startPack(
      {
        detail,
        catalog,
        evidencePath: (sha256) => ws.evidenceBlobPath(sha256),
        profile: request.profile,
        acceptedExceptions,
        audit: summariseAudit(ws, assessment.id, { detail, profile: request.profile }),
        contributedBy: Object.fromEntries(
          [...ws.contributionCredits(assessment.id).evidence].map(([evidenceId, c]) => [
            evidenceId,
            { name: c.name, acceptedAt: c.acceptedAt },
          ]),
        ),
        generatedAt: now,
        signedBeforePeriodEnd: early !== null,
      },
      options.signal,
    );
    options.onStep?.('planned');
    const identity = await unlocking;
    await loading;
    if (options.signal?.aborted) throw cancelledError();
    fingerprint = certificateFingerprint(identity.certificate.der);
    const commonName = identity.certificate.parsed.subjectName.getField('CN')[0] ?? assessment.sroName;
    const signerFingerprint = fingerprint;
    written = await finishPack(
      started,
      { name: commonName, certificateFingerprint: signerFingerprint, sign: (digest, at) => signDigest(digest, identity, at) },
      session.tempPath,
      options,
      outPath,
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
  // Puts the pack in place and marks the assessment signed together; on failure it removes
  // the pack and releases the assessment itself.
  ws.commitSigning(session, { afterRename: () => options.onStep?.('renamed') });
  options.onStep?.('committed');
  return { ...written, path: outPath, acceptedExceptions, warnings, signerFingerprint: fingerprint };
}

/** One warning per evidence file attached under another name, saying which and why. */
function renamedAttachments(names: readonly string[]): string[] {
  const safe = uniqueAttachmentNames(names);
  return names.flatMap((original, i) => {
    const reason = attachmentRenameReason(original, safe[i]!);
    return reason ? [`The evidence file "${escapeUnsafe(original, false)}" is attached as "${safe[i]!}" because ${reason}.`] : [];
  });
}
