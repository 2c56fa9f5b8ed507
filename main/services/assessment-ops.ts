import { CURRENT_CATALOG, listClaims } from '../../shared/catalog/index';
import {
  ASSESSMENT_ORIGINS,
  CLAIM_RESULTS,
  VENDOR_ROLES,
  WORK_STATUSES,
  type Assessment,
  type AssessmentDetail,
  type ClaimResponse,
  type EvidenceLink,
} from '../../shared/domain/types';
import { appendAudit } from '../store/audit-log';
import {
  findAssessment,
  insertAssessment,
  listAssessmentRows,
  markAssessmentSigned,
  updateAssessmentFields,
  type AssessmentFields,
} from '../store/assessments-repo';
import { nowInstant } from '../store/clock';
import {
  listAllClaimsWithEvidence,
  listEvidenceForAssessment,
  insertLink,
  listLinksForAssessment,
  findEvidence,
} from '../store/evidence-repo';
import { newId } from '../store/ids';
import { insertImport, unverifiedOrigins } from '../store/imports-repo';
import { findResponse, insertResponse, listAllResponses, listResponses, updateResponse } from '../store/responses-repo';
import { listActions } from '../store/actions-repo';
import { copyOwners } from '../store/contributions-repo';
import { SscpError } from '../../shared/errors';
import { insertNewAction } from './action-ops';
import { diff, touch } from './changes';
import { computeCompleteness } from './completeness';
import { assertNoExportInProgress } from './export-lease';
import { inWriteTransaction, requireAssessment, type StoreContext } from './store-context';
import {
  assertEditable,
  catalogFor,
  checkClaimId,
  checkDateOrder,
  checkSha256,
  optionalDate,
  optionalField,
  parseChoice,
  productList,
  requireField,
  requireText,
} from './validate';
import { TEXT_FIELDS } from '../../shared/domain/text-rules';
import type {
  AssessmentPatch,
  AssessmentSummary,
  ClaimPatch,
  ClaimUpdate,
  ClaimUpdateResult,
  MarkSignedInput,
  NewAssessmentInput,
} from './workspace-types';

/** Creates an assessment with one not-started response per claim of its catalog version. */
export function createAssessment(ctx: StoreContext, input: NewAssessmentInput): Assessment {
  const fields = checkFields({
    organisation: input.organisation,
    products: input.products ?? [],
    role: input.role,
    theme3InScope: input.theme3InScope ?? false,
    periodStart: input.periodStart ?? null,
    periodEnd: input.periodEnd ?? null,
    sroName: input.sroName ?? '',
    sroRole: input.sroRole ?? '',
  });
  const catalog = input.catalog ? catalogFor({ catalogId: input.catalog.id, catalogVersion: input.catalog.version }) : CURRENT_CATALOG;
  const origin = parseChoice(input.origin ?? 'created', ASSESSMENT_ORIGINS, 'origin');
  const now = nowInstant();
  const assessment: Assessment = {
    id: newId(),
    ...fields,
    catalogId: catalog.id,
    catalogVersion: catalog.version,
    state: 'draft',
    origin,
    previousId: input.previousId ?? null,
    createdAt: now,
    updatedAt: now,
    signedAt: null,
  };
  const seed = input.seed ?? {};
  const seeded = new Map((seed.responses ?? []).map((r) => [checkClaimId(catalog, r.claimId), r]));
  return inWriteTransaction(ctx, () => {
    if (assessment.previousId !== null && !findAssessment(ctx.db, assessment.previousId)) {
      throw SscpError.because({ code: 'earlier-assessment-not-found', id: assessment.previousId });
    }
    insertAssessment(ctx.db, assessment);
    for (const { claim } of listClaims(catalog)) {
      const base: ClaimResponse = {
        assessmentId: assessment.id,
        claimId: claim.id,
        status: 'not-started',
        result: 'not-assessed',
        evidenceText: '',
        arguments: '',
        updatedAt: now,
      };
      const s = seeded.get(claim.id);
      insertResponse(ctx.db, s ? applyClaimPatch(base, s, now) : base);
    }
    for (const link of seed.links ?? []) {
      checkClaimId(catalog, link.claimId);
      if (!findEvidence(ctx.db, link.evidenceId)) {
        throw SscpError.because({ code: 'evidence-not-found', id: link.evidenceId });
      }
      insertLink(ctx.db, { assessmentId: assessment.id, claimId: link.claimId, evidenceId: link.evidenceId });
    }
    for (const action of seed.actions ?? []) insertNewAction(ctx, assessment, action, now);
    // Next period's draft keeps who owns which claim (claims the new catalog still has).
    if (assessment.origin === 'carried-forward' && assessment.previousId !== null)
      copyOwners(ctx.db, assessment.previousId, assessment.id, now);
    if (seed.importedFrom) {
      insertImport(ctx.db, {
        sourceSha256: checkSha256(seed.importedFrom.sourceSha256, 'The imported file hash'),
        packId: seed.importedFrom.packId,
        assessmentId: assessment.id,
        kind: seed.importedFrom.kind,
        importedAt: now,
        signerTrust: null,
        signerTrustedBy: [],
      });
    }
    appendAudit(
      ctx.db,
      {
        assessmentId: assessment.id,
        action: 'assessment.created',
        detail: {
          organisation: assessment.organisation,
          role: assessment.role,
          catalog: `${catalog.id} ${catalog.version}`,
          origin,
          previousId: assessment.previousId,
          seededResponses: seeded.size,
          seededLinks: seed.links?.length ?? 0,
          seededActions: seed.actions?.length ?? 0,
          ...(seed.importedFrom ? { importedFrom: seed.importedFrom } : {}),
        },
      },
      now,
    );
    return assessment;
  });
}

export function getAssessmentDetail(ctx: StoreContext, id: string): AssessmentDetail {
  // One read transaction: the parts are a consistent snapshot even while another window writes.
  return ctx.db.transaction(() => {
    const assessment = requireAssessment(ctx, id);
    const { responses, links } = answersInCatalogOrder(ctx, assessment);
    return { assessment, responses, actions: listActions(ctx.db, id), evidence: listEvidenceForAssessment(ctx.db, id), links };
  })();
}

/**
 * An assessment's answers and evidence links in its catalog's claim order (links then by
 * evidence id): the order every read of the assessment gives them in. Call inside the read's
 * transaction.
 */
export function answersInCatalogOrder(
  ctx: StoreContext,
  assessment: Assessment,
): { readonly responses: ClaimResponse[]; readonly links: EvidenceLink[] } {
  const order = new Map(listClaims(catalogFor(assessment)).map(({ claim }, i) => [claim.id, i]));
  const byCatalog = (a: { claimId: string }, b: { claimId: string }) => (order.get(a.claimId) ?? 0) - (order.get(b.claimId) ?? 0);
  return {
    responses: listResponses(ctx.db, assessment.id).sort(byCatalog),
    links: listLinksForAssessment(ctx.db, assessment.id).sort((a, b) => byCatalog(a, b) || a.evidenceId.localeCompare(b.evidenceId)),
  };
}

export function listAssessmentSummaries(ctx: StoreContext): AssessmentSummary[] {
  return ctx.db.transaction(() => {
    // A fixed number of queries however many assessments there are: all responses, and which
    // claims have evidence, each read once and grouped here (never a query per assessment).
    const unverified = unverifiedOrigins(ctx.db);
    const responses = groupBy(listAllResponses(ctx.db), (r) => r.assessmentId);
    const withEvidence = new Map<string, Set<string>>();
    for (const { assessmentId, claimId } of listAllClaimsWithEvidence(ctx.db)) {
      const claims = withEvidence.get(assessmentId) ?? new Set<string>();
      claims.add(claimId);
      withEvidence.set(assessmentId, claims);
    }
    return listAssessmentRows(ctx.db).map((assessment) => ({
      assessment,
      completeness: computeCompleteness(assessment, responses.get(assessment.id) ?? [], withEvidence.get(assessment.id) ?? new Set()),
      unverifiedSigner: unverified(assessment.id),
    }));
  })();
}

export function updateAssessment(ctx: StoreContext, id: string, patch: AssessmentPatch): Assessment {
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, id);
    const before = requireAssessment(ctx, id);
    assertEditable(before);
    const after = checkFields({ ...pickFields(before), ...definedOnly(patch) });
    const changes = diff(pickFields(before), after);
    if (Object.keys(changes).length === 0) return before;
    const now = nowInstant();
    updateAssessmentFields(ctx.db, id, after, now);
    appendAudit(ctx.db, { assessmentId: id, action: 'assessment.updated', detail: { changes } }, now);
    return requireAssessment(ctx, id);
  });
}

export function updateClaim(ctx: StoreContext, assessmentId: string, claimId: string, patch: ClaimPatch): ClaimResponse {
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, assessmentId);
    const a = requireAssessment(ctx, assessmentId);
    checkClaimId(catalogFor(a), claimId);
    assertEditable(a);
    return applyClaimUpdate(ctx, assessmentId, claimId, patch, nowInstant()).response;
  });
}

/**
 * Many claim changes in one transaction (`sscp set --from`): every entry is checked and
 * applied, or, at the first bad one, none is. The error names the entry by its position in
 * the list (from 0, as `jq '.[2]'` counts) and its claim. Entries that change nothing are
 * left out of the history.
 */
export function updateClaims(ctx: StoreContext, assessmentId: string, updates: readonly ClaimUpdate[]): ClaimUpdateResult[] {
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, assessmentId);
    const a = requireAssessment(ctx, assessmentId);
    assertEditable(a);
    const catalog = catalogFor(a);
    const seen = new Map<string, number>();
    const now = nowInstant();
    return updates.map((u, index) => {
      try {
        checkClaimId(catalog, u.claimId);
        const earlier = seen.get(u.claimId);
        if (earlier !== undefined) {
          throw SscpError.because({ code: 'claim-given-twice', earlier });
        }
        seen.set(u.claimId, index);
        return applyClaimUpdate(ctx, assessmentId, u.claimId, u.patch, now, u.expectedUpdatedAt);
      } catch (e) {
        if (!(e instanceof SscpError) || e.kind === 'integrity') throw e;
        if (e.reason) throw SscpError.because({ code: 'batch-entry-refused', index, claimId: String(u.claimId), inner: e.reason });
        throw new SscpError(e.kind, `Entry [${index}] (claim ${JSON.stringify(u.claimId)}): ${e.message} Nothing was changed.`, e.hint);
      }
    });
  });
}

function applyClaimUpdate(
  ctx: StoreContext,
  assessmentId: string,
  claimId: string,
  patch: ClaimPatch,
  now: string,
  expectedUpdatedAt?: string,
): ClaimUpdateResult {
  const before = findResponse(ctx.db, assessmentId, claimId);
  if (!before) throw SscpError.because({ code: 'response-row-missing', claimId });
  const after = applyClaimPatch(before, patch, now);
  const changes = diff(
    { status: before.status, result: before.result, evidenceText: before.evidenceText, arguments: before.arguments },
    { status: after.status, result: after.result, evidenceText: after.evidenceText, arguments: after.arguments },
  );
  if (Object.keys(changes).length === 0) return { claimId, changed: false, response: before };
  if (expectedUpdatedAt !== undefined && expectedUpdatedAt !== before.updatedAt) {
    throw SscpError.because({ code: 'claim-changed-since', updatedAt: before.updatedAt, expected: expectedUpdatedAt });
  }
  updateResponse(ctx.db, after);
  touch(ctx, assessmentId, now);
  appendAudit(ctx.db, { assessmentId, action: 'claim.updated', detail: { claimId, changes } }, now);
  return { claimId, changed: true, response: after };
}

export function markSigned(ctx: StoreContext, assessmentId: string, info: MarkSignedInput): Assessment {
  const pack = {
    packSha256: checkSha256(info.packSha256, 'The pack hash'),
    packId: requireText(info.packId, 'The pack id'),
    signerFingerprint: requireText(info.signerFingerprint, 'The signer fingerprint'),
    signedAt: requireInstant(info.signedAt),
    profile: requireText(info.profile, 'The pack profile'),
  };
  return inWriteTransaction(ctx, () => {
    assertNoExportInProgress(ctx, assessmentId);
    assertEditable(requireAssessment(ctx, assessmentId));
    const now = nowInstant();
    markAssessmentSigned(ctx.db, assessmentId, pack, now);
    appendAudit(ctx.db, { assessmentId, action: 'assessment.signed', detail: { ...pack } }, now);
    return requireAssessment(ctx, assessmentId);
  });
}

function applyClaimPatch(before: ClaimResponse, patch: ClaimPatch, now: string): ClaimResponse {
  return {
    ...before,
    status: patch.status === undefined ? before.status : parseChoice(patch.status, WORK_STATUSES, 'status'),
    result: patch.result === undefined ? before.result : parseChoice(patch.result, CLAIM_RESULTS, 'result'),
    evidenceText: patch.evidenceText === undefined ? before.evidenceText : optionalField(patch.evidenceText, TEXT_FIELDS.evidenceText),
    arguments: patch.arguments === undefined ? before.arguments : optionalField(patch.arguments, TEXT_FIELDS.arguments),
    updatedAt: now,
  };
}

function checkFields(f: AssessmentFields): AssessmentFields {
  const periodStart = optionalDate(f.periodStart, 'The period start');
  const periodEnd = optionalDate(f.periodEnd, 'The period end');
  checkDateOrder(periodStart, periodEnd, 'The period start', 'The period end');
  if (typeof f.theme3InScope !== 'boolean') throw SscpError.because({ code: 'theme3-not-yes-no' });
  return {
    organisation: requireField(f.organisation, TEXT_FIELDS.organisation),
    products: productList(f.products),
    role: parseChoice(f.role, VENDOR_ROLES, 'role'),
    theme3InScope: f.theme3InScope,
    periodStart,
    periodEnd,
    sroName: optionalField(f.sroName, TEXT_FIELDS.sroName),
    sroRole: optionalField(f.sroRole, TEXT_FIELDS.sroRole),
  };
}

function pickFields(a: Assessment): AssessmentFields {
  const { organisation, products, role, theme3InScope, periodStart, periodEnd, sroName, sroRole } = a;
  return { organisation, products, role, theme3InScope, periodStart, periodEnd, sroName, sroRole };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function definedOnly<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function requireInstant(value: string): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/.test(value) && !Number.isNaN(Date.parse(value)))
    return value;
  throw SscpError.because({ code: 'not-an-instant', value: String(value) });
}
