import { assertStillStored } from './evidence-removal';
import { randomBytes } from 'node:crypto';
import { isAssignedTo, sameOrganisation, type ClaimOwner } from '../../shared/domain/contribution';
import { cleanText, TEXT_FIELDS } from '../../shared/domain/text-rules';
import type { Assessment, ClaimResponse, EvidenceItem } from '../../shared/domain/types';
import { ownerFields, parseInput, rejectReason, type OwnerInput } from '../../shared/domain/inputs';
import { SscpError } from '../../shared/errors';
import type { PreparedContribution } from '../contribution/read-contribution';
import type { AcceptedClaimView } from '../../shared/ipc/views-contributions';
import { mediaTypeFor } from '../evidence/index';
import { findAssessment, listAssessmentRows } from '../store/assessments-repo';
import { appendAudit } from '../store/audit-log';
import { nowInstant } from '../store/clock';
import {
  contributedAnswers,
  contributedEvidence,
  decideContributionClaim,
  deleteOwner,
  findContribution,
  findContributionBySource,
  findOwner,
  insertContribution,
  insertContributionClaim,
  insertContributionFile,
  listContributionClaims,
  listContributionFiles,
  listContributions,
  listOwners,
  rememberContributorKey,
  rememberedContributorKeys,
  setContributionFileEvidence,
  upsertOwner,
  type ContributedBy,
  type ContributionClaimRecord,
  type ContributionFileRecord,
  type ContributionRecord,
} from '../store/contributions-repo';
import { insertEvidence, insertLink, listEvidenceForClaim } from '../store/evidence-repo';
import { newId } from '../store/ids';
import { findResponse, updateResponse } from '../store/responses-repo';
import { touch } from './changes';
import { assertNoExportInProgress } from './export-lease';
import { putBlobFromStream } from './import-support';
import { inWriteTransaction, requireAssessment, type StoreContext } from './store-context';
import { assertEditable, catalogFor, checkClaimId } from './validate';

export type { ClaimOwner } from '../../shared/domain/contribution';
export type { ContributedBy, ContributionRecord } from '../store/contributions-repo';

export type { OwnerInput } from '../../shared/domain/inputs';

/**
 * Assigns a claim of a draft to a person (name, team, email), or, with `null`, clears its
 * owner. Recorded in the audit log with the owner before and after.
 */
export function assignOwner(ctx: StoreContext, assessmentId: string, claimId: string, owner: OwnerInput | null): ClaimOwner | null {
  // The same schema the app's requests are parsed with: one rule for who an owner may be.
  const parsed = owner === null ? null : parseInput(ownerFields, owner);
  const checked = parsed === null ? null : { name: parsed.name, team: parsed.team ?? '', email: parsed.email ?? '' };
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, assessmentId);
    const a = requireAssessment(ctx, assessmentId);
    checkClaimId(catalogFor(a), claimId);
    assertEditable(a);
    const before = findOwner(ctx.db, assessmentId, claimId);
    const now = nowInstant();
    const describe = (o: Pick<ClaimOwner, 'name' | 'team' | 'email'> | null) => (o ? { name: o.name, team: o.team, email: o.email } : null);
    if (checked === null) {
      if (!before) return null;
      deleteOwner(ctx.db, assessmentId, claimId);
      appendAudit(ctx.db, { assessmentId, action: 'claim.assigned', detail: { claimId, from: describe(before), to: null } }, now);
      return null;
    }
    if (before && before.name === checked.name && before.team === checked.team && before.email === checked.email) return before;
    const after: ClaimOwner = { assessmentId, claimId, ...checked, assignedAt: now };
    upsertOwner(ctx.db, after);
    appendAudit(ctx.db, { assessmentId, action: 'claim.assigned', detail: { claimId, from: describe(before), to: describe(after) } }, now);
    return after;
  });
}

export function claimOwners(ctx: StoreContext, assessmentId: string): ClaimOwner[] {
  requireAssessment(ctx, assessmentId);
  return listOwners(ctx.db, assessmentId);
}

/** Fingerprints the SRO confirmed for earlier contributions. */
export function rememberedContributors(ctx: StoreContext): { fingerprint: string; name: string }[] {
  return rememberedContributorKeys(ctx.db);
}

export interface ImportContributionOptions {
  /** The assessment to add it to; otherwise the one open draft of the organisation it names. */
  readonly into?: string;
  /** The signer's fingerprint, when the SRO confirmed this new contributor (--allow-untrusted; the app's confirmation). */
  readonly confirmSigner?: string;
  readonly signal?: AbortSignal;
  readonly onBytes?: (bytes: number) => void;
}

export interface ImportedContribution {
  readonly contribution: ContributionRecord;
  readonly assessment: Assessment;
  readonly claims: readonly ContributionClaimRecord[];
  readonly files: { readonly stored: number; readonly alreadyHeld: number };
  /** The signer was confirmed just now and will be recognised next time. */
  readonly signerConfirmed: boolean;
}

function describeDraft(a: Assessment): string {
  return `${a.id} (${a.organisation}, ${a.periodStart ?? 'no period'} to ${a.periodEnd ?? 'no period'})`;
}

/** Where a contribution goes: the one the SRO named, the one its request named, or the organisation's one open draft. */
export function contributionTarget(
  ctx: StoreContext,
  prepared: Pick<PreparedContribution, 'contribution' | 'file'>,
  into: string | undefined,
): Assessment {
  const c = prepared.contribution;
  let target: Assessment;
  if (into !== undefined) {
    target = requireAssessment(ctx, into);
  } else {
    const requested = c.assessmentId ? findAssessment(ctx.db, c.assessmentId) : undefined;
    if (requested && requested.state === 'draft' && sameOrganisation(requested.organisation, c.organisation)) {
      target = requested;
    } else {
      const drafts = listAssessmentRows(ctx.db).filter((a) => a.state === 'draft' && sameOrganisation(a.organisation, c.organisation));
      if (drafts.length === 0) {
        throw SscpError.because({ code: 'contribution-no-draft', fileName: prepared.file.name, organisation: c.organisation });
      }
      if (drafts.length > 1) {
        throw SscpError.because({
          code: 'contribution-several-drafts',
          fileName: prepared.file.name,
          organisation: c.organisation,
          drafts: drafts.map(describeDraft),
        });
      }
      target = drafts[0]!;
    }
  }
  if (!sameOrganisation(target.organisation, c.organisation)) {
    throw SscpError.because({
      code: 'contribution-wrong-organisation',
      fileName: prepared.file.name,
      organisation: c.organisation,
      chosenOrganisation: target.organisation,
      assessmentId: target.id,
    });
  }
  assertEditable(target);
  const catalog = catalogFor(target);
  for (const claim of c.claims) {
    if (!catalog.themes.some((t) => t.principles.some((p) => p.claims.some((k) => k.id === claim.claimId)))) {
      throw SscpError.because({
        code: 'contribution-claim-not-in-catalog',
        fileName: prepared.file.name,
        claimId: claim.claimId,
        assessmentId: target.id,
        catalog: `${catalog.id} ${catalog.version}`,
      });
    }
  }
  return target;
}

function alreadyImported(earlier: ContributionRecord, fileName: string): SscpError {
  return SscpError.because({
    code: 'contribution-already-imported',
    fileName,
    importedAt: earlier.importedAt,
    contributionId: earlier.id,
    assessmentId: earlier.assessmentId,
  });
}

function newContributionId(ctx: StoreContext): string {
  for (;;) {
    const id = randomBytes(4).toString('hex');
    if (!findContribution(ctx.db, id)) return id;
  }
}

function safeFileName(name: string): string {
  const cleaned = cleanText(name, 'line').text.trim().replace(/[\\/]/g, '_');
  return [...(cleaned || 'evidence')].slice(0, TEXT_FIELDS.evidenceName.max).join('');
}

/**
 * Records a verified contribution as pending, changing nothing in the assessment: checks the
 * target (its organisation, a draft, every claim in its catalog), that this contribution was
 * not imported before, and that its signer is trusted, remembered, or confirmed now; stores
 * its evidence bytes (each checked against its hash again as it is copied); then writes the
 * contribution, its claims (each marked assigned or not) and files, and one audit entry, in
 * one transaction. Stored bytes without rows, if it dies part-way, are harmless and reused.
 */
export async function importContribution(
  ctx: StoreContext,
  prepared: PreparedContribution,
  options: ImportContributionOptions = {},
): Promise<ImportedContribution> {
  const c = prepared.contribution;
  const target = contributionTarget(ctx, prepared, options.into);
  const earlier = findContributionBySource(ctx.db, prepared.file.sha256, c.id);
  if (earlier) throw alreadyImported(earlier, prepared.file.name);
  const confirming = prepared.signerTrust === 'unknown' && options.confirmSigner === prepared.signerFingerprint;
  if (prepared.signerTrust === 'unknown' && !confirming) {
    throw SscpError.because({
      code: 'contribution-signer-unknown',
      fileName: prepared.file.name,
      trustMessage: prepared.trustMessage,
      fingerprint: prepared.signerFingerprint,
      contributor: c.contributor.name,
    });
  }

  let stored = 0;
  let alreadyHeld = 0;
  const seen = new Set<string>();
  for (const claim of c.claims) {
    for (const f of claim.files) {
      if (seen.has(f.sha256)) continue;
      seen.add(f.sha256);
      const r = await putBlobFromStream(
        ctx.blobs,
        prepared.evidenceStream(f.sha256),
        { sha256: f.sha256, size: f.size },
        {
          label: `${f.fileName} in ${prepared.file.name}`,
          ...(options.signal ? { signal: options.signal } : {}),
          ...(options.onBytes ? { onBytes: options.onBytes } : {}),
        },
      );
      if (r.reused) alreadyHeld += 1;
      else stored += 1;
    }
  }

  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, target.id);
    const again = requireAssessment(ctx, target.id);
    assertEditable(again);
    const dup = findContributionBySource(ctx.db, prepared.file.sha256, c.id);
    if (dup) throw alreadyImported(dup, prepared.file.name);
    assertStillStored(ctx, seen, 'the contribution');
    const now = nowInstant();
    const record: ContributionRecord = {
      id: newContributionId(ctx),
      uuid: c.id,
      sourceSha256: prepared.file.sha256,
      assessmentId: target.id,
      fileName: prepared.file.name,
      contributor: c.contributor,
      signerFingerprint: prepared.signerFingerprint,
      signerTrust: prepared.signerTrust === 'trusted' ? 'trusted' : 'confirmed',
      signerTrustedBy: confirming ? ['confirmed'] : prepared.trustedBy,
      createdAt: c.createdAt,
      importedAt: now,
    };
    insertContribution(ctx.db, record);
    if (confirming) rememberContributorKey(ctx.db, prepared.signerFingerprint, c.contributor.name, now);
    const claims: ContributionClaimRecord[] = [];
    for (const claim of c.claims) {
      const owner = findOwner(ctx.db, target.id, claim.claimId);
      const row: ContributionClaimRecord = {
        contributionId: record.id,
        claimId: claim.claimId,
        result: claim.result ?? null,
        status: claim.status ?? null,
        evidenceText: claim.evidenceText ?? null,
        arguments: claim.arguments ?? null,
        assigned: isAssignedTo(owner, c.contributor),
        ownerName: owner?.name ?? null,
        state: 'pending',
        decidedAt: null,
        reason: '',
      };
      insertContributionClaim(ctx.db, row);
      claims.push(row);
      for (const f of claim.files) {
        const fileName = safeFileName(f.fileName);
        insertContributionFile(ctx.db, {
          contributionId: record.id,
          claimId: claim.claimId,
          sha256: f.sha256,
          size: f.size,
          fileName,
          mediaType: mediaTypeFor(fileName),
          evidenceId: null,
        });
      }
    }
    appendAudit(
      ctx.db,
      {
        assessmentId: target.id,
        action: 'contribution.imported',
        detail: {
          contributionId: record.id,
          contributionUuid: c.id,
          fileName: prepared.file.name,
          sha256: prepared.file.sha256,
          contributor: { ...c.contributor },
          signerFingerprint: prepared.signerFingerprint,
          signerTrust: record.signerTrust,
          signerTrustedBy: [...record.signerTrustedBy],
          claims: claims.map((k) => ({ claimId: k.claimId, assigned: k.assigned })),
        },
      },
      now,
    );
    return { contribution: record, assessment: again, claims, files: { stored, alreadyHeld }, signerConfirmed: confirming };
  });
}

/** One claim of one contribution, beside the assessment's current answer, for review. */
export interface ContributionReviewItem {
  readonly contribution: ContributionRecord;
  readonly claim: ContributionClaimRecord;
  readonly current: Pick<ClaimResponse, 'result' | 'status' | 'evidenceText' | 'arguments'>;
  readonly files: readonly ContributionFileRecord[];
  /** The claim's owner now (it may have changed since the import). */
  readonly owner: ClaimOwner | null;
}

/** Every contributed claim of an assessment (pending first, then decided), in catalog order. */
export function reviewContributions(
  ctx: StoreContext,
  assessmentId: string,
  options: { readonly all?: boolean } = {},
): ContributionReviewItem[] {
  const a = requireAssessment(ctx, assessmentId);
  const order = new Map(
    catalogFor(a)
      .themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((k) => k.id)))
      .map((id, i) => [id, i]),
  );
  const items: ContributionReviewItem[] = [];
  for (const contribution of listContributions(ctx.db, assessmentId)) {
    for (const claim of listContributionClaims(ctx.db, contribution.id)) {
      if (!options.all && claim.state !== 'pending') continue;
      const r = findResponse(ctx.db, assessmentId, claim.claimId);
      items.push({
        contribution,
        claim,
        current: {
          result: r?.result ?? 'not-assessed',
          status: r?.status ?? 'not-started',
          evidenceText: r?.evidenceText ?? '',
          arguments: r?.arguments ?? '',
        },
        files: listContributionFiles(ctx.db, contribution.id, claim.claimId),
        owner: findOwner(ctx.db, assessmentId, claim.claimId),
      });
    }
  }
  const rank = (s: string) => (s === 'pending' ? 0 : 1);
  return items.sort(
    (x, y) =>
      rank(x.claim.state) - rank(y.claim.state) ||
      (order.get(x.claim.claimId) ?? 0) - (order.get(y.claim.claimId) ?? 0) ||
      x.contribution.importedAt.localeCompare(y.contribution.importedAt),
  );
}

export interface DecideOptions {
  /** Only this claim of the contribution; otherwise every pending claim of it. */
  readonly claimId?: string;
  /** Accept claims the contributor was not assigned (they are flagged at review). */
  readonly allowUnassigned?: boolean;
  readonly reason?: string;
}

export interface DecidedContribution {
  readonly contribution: ContributionRecord;
  readonly decided: readonly {
    readonly claimId: string;
    readonly state: 'accepted' | 'rejected';
    readonly changes: Record<string, { from: unknown; to: unknown }>;
    readonly evidence: readonly string[];
  }[];
  /** Each accepted claim as it is afterwards, read in the same transaction (none for a rejection). */
  readonly claims: readonly AcceptedClaimView[];
}

function requireContribution(ctx: StoreContext, assessmentId: string, contributionId: string): ContributionRecord {
  const c = typeof contributionId === 'string' ? findContribution(ctx.db, contributionId) : null;
  if (!c || c.assessmentId !== assessmentId) {
    throw SscpError.because({ code: 'contribution-not-found', assessmentId, contributionId: String(contributionId) });
  }
  return c;
}

function pendingClaims(ctx: StoreContext, c: ContributionRecord, claimId: string | undefined): ContributionClaimRecord[] {
  const all = listContributionClaims(ctx.db, c.id);
  if (claimId !== undefined) {
    const one = all.find((k) => k.claimId === claimId);
    if (!one)
      throw SscpError.because({
        code: 'contribution-claim-not-covered',
        contributionId: c.id,
        claimId,
        covers: all.map((k) => k.claimId),
      });
    if (one.state !== 'pending')
      throw SscpError.because({
        code: 'contribution-claim-decided',
        contributionId: c.id,
        claimId,
        state: one.state,
        decidedAt: one.decidedAt ?? null,
      });
    return [one];
  }
  const pending = all.filter((k) => k.state === 'pending');
  if (pending.length === 0) throw SscpError.because({ code: 'contribution-all-decided', contributionId: c.id });
  return pending;
}

/**
 * Accepts a contribution (or one claim of it) into a draft: the proposed fields replace the
 * current answer, the files become evidence linked to the claim, all in one transaction with
 * one audit entry per claim naming the contributor and their certificate fingerprint. A
 * claim the contributor was not assigned is refused unless `allowUnassigned`.
 */
export function acceptContribution(
  ctx: StoreContext,
  assessmentId: string,
  contributionId: string,
  options: DecideOptions = {},
): DecidedContribution {
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, assessmentId);
    const a = requireAssessment(ctx, assessmentId);
    assertEditable(a);
    const c = requireContribution(ctx, assessmentId, contributionId);
    const claims = pendingClaims(ctx, c, options.claimId);
    const unassigned = claims.filter((k) => !k.assigned);
    if (unassigned.length && !options.allowUnassigned) {
      throw SscpError.because({
        code: 'contributor-not-assigned',
        contributor: c.contributor.name,
        contributionId: c.id,
        claims: unassigned.map((k) => ({ claimId: k.claimId, owner: k.ownerName ?? null })),
      });
    }
    const now = nowInstant();
    const decided: DecidedContribution['decided'][number][] = [];
    const accepted: AcceptedClaimView[] = [];
    for (const k of claims) {
      const before = findResponse(ctx.db, assessmentId, k.claimId);
      if (!before) throw SscpError.because({ code: 'response-row-missing', claimId: k.claimId });
      const after: ClaimResponse = {
        ...before,
        result: k.result ?? before.result,
        status: k.status ?? before.status,
        evidenceText: k.evidenceText ?? before.evidenceText,
        arguments: k.arguments ?? before.arguments,
        updatedAt: now,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const f of ['result', 'status', 'evidenceText', 'arguments'] as const)
        if (before[f] !== after[f]) changes[f] = { from: before[f], to: after[f] };
      if (Object.keys(changes).length) updateResponse(ctx.db, after);
      const evidence: string[] = [];
      for (const f of listContributionFiles(ctx.db, c.id, k.claimId)) {
        const item: EvidenceItem = {
          id: newId(),
          sha256: f.sha256,
          fileName: f.fileName,
          size: f.size,
          mediaType: f.mediaType,
          description: `Contributed by ${c.contributor.name}`,
          effectiveDate: null,
          expiryDate: null,
          confidential: false,
          withholdDetails: false,
          kind: 'file',
          owner: '',
          present: true,
          addedAt: now,
        };
        insertEvidence(ctx.db, item);
        insertLink(ctx.db, { assessmentId, claimId: k.claimId, evidenceId: item.id });
        setContributionFileEvidence(ctx.db, f, item.id);
        evidence.push(item.id);
      }
      decideContributionClaim(ctx.db, c.id, k.claimId, 'accepted', now, '');
      appendAudit(
        ctx.db,
        {
          assessmentId,
          action: 'contribution.accepted',
          detail: {
            contributionId: c.id,
            claimId: k.claimId,
            contributor: { ...c.contributor },
            signerFingerprint: c.signerFingerprint,
            assigned: k.assigned,
            changes,
            evidence: listContributionFiles(ctx.db, c.id, k.claimId).map((f) => ({ fileName: f.fileName, sha256: f.sha256 })),
          },
        },
        now,
      );
      decided.push({ claimId: k.claimId, state: 'accepted', changes, evidence });
      accepted.push({
        assessmentId,
        claimId: k.claimId,
        response: findResponse(ctx.db, assessmentId, k.claimId) ?? before,
        evidence: listEvidenceForClaim(ctx.db, assessmentId, k.claimId),
      });
    }
    touch(ctx, assessmentId, now);
    return { contribution: c, decided, claims: accepted };
  });
}

/** Rejects a contribution (or one claim of it): nothing in the assessment changes; the reason is kept and logged. */
export function rejectContribution(
  ctx: StoreContext,
  assessmentId: string,
  contributionId: string,
  options: DecideOptions = {},
): DecidedContribution {
  const reason = parseInput(rejectReason, options.reason ?? '');
  return inWriteTransaction(ctx, () => {
    const a = requireAssessment(ctx, assessmentId);
    assertEditable(a);
    const c = requireContribution(ctx, assessmentId, contributionId);
    const claims = pendingClaims(ctx, c, options.claimId);
    const now = nowInstant();
    for (const k of claims) {
      decideContributionClaim(ctx.db, c.id, k.claimId, 'rejected', now, reason);
      appendAudit(
        ctx.db,
        {
          assessmentId,
          action: 'contribution.rejected',
          detail: {
            contributionId: c.id,
            claimId: k.claimId,
            contributor: { ...c.contributor },
            signerFingerprint: c.signerFingerprint,
            reason,
          },
        },
        now,
      );
    }
    return {
      contribution: c,
      decided: claims.map((k) => ({ claimId: k.claimId, state: 'rejected' as const, changes: {}, evidence: [] })),
      claims: [],
    };
  });
}

/** Who contributed an assessment's accepted evidence and answers: for `show`, the app and the pack. */
export function contributionCredits(
  ctx: StoreContext,
  assessmentId: string,
): { evidence: Map<string, ContributedBy>; answers: Map<string, ContributedBy> } {
  return { evidence: contributedEvidence(ctx.db, assessmentId), answers: contributedAnswers(ctx.db, assessmentId) };
}
