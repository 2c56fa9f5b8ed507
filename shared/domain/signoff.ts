import type { Catalog } from '../catalog/types';
import { SscpError } from '../errors';
import { isClaimInScope } from './applicability';
import { addDays, compareIsoDates, daysBetween, formatLongDate, parseIsoDate } from './dates';
import type { AssessmentDetail, EvidenceItem, IsoDate } from './types';

/**
 * What stands between an assessment and the SRO's signature. Blockers stop signing;
 * warnings are shown so the SRO signs knowingly. Messages are written for the SRO.
 */
export type SignoffBlockerKind =
  | 'assessment-not-draft'
  | 'claim-not-assessed'
  | 'claim-not-reviewed'
  | 'met-without-evidence'
  | 'shortfall-without-action'
  | 'evidence-expired'
  | 'evidence-expiring'
  | 'evidence-file-missing'
  | 'reference-undated'
  | 'action-overdue'
  | 'period-not-started'
  | 'period-not-ended'
  | 'sro-not-named';

export type SignoffSeverity = 'blocker' | 'warning';

export interface SignoffBlocker {
  readonly kind: SignoffBlockerKind;
  readonly severity: SignoffSeverity;
  readonly claimId?: string;
  readonly evidenceId?: string;
  readonly actionId?: string;
  readonly message: string;
  /**
   * A blocker no exception can accept: signing would attest to what has not happened yet.
   * A warning that needs its own explicit acceptance (signing before the period ends).
   */
  readonly needs?: 'never-signable' | 'early-signing-consent';
}

/** Evidence expiring within this many days of signing is flagged as a warning. */
export const EXPIRY_WARNING_DAYS = 30;

/**
 * Everything that blocks or qualifies signing on `today`, blockers first, each group in
 * catalog order. Checks: in-scope claims still without a result; claims marked met or
 * partially met with no evidence (a file or a reference: either counts); linked evidence
 * already expired (blocker) or expiring within 30 days (warning); claims not marked done;
 * shortfalls with no remedial action; open remedial actions past due; evidence files known
 * only by their hash; references that do not say when they were true.
 */
export function signoffBlockers(detail: AssessmentDetail, catalog: Catalog, today: IsoDate): readonly SignoffBlocker[] {
  const day = parseIsoDate(today, "Today's date");
  const { assessment } = detail;
  if (assessment.catalogId !== catalog.id || assessment.catalogVersion !== catalog.version) {
    throw SscpError.because({
      code: 'signoff-catalog-mismatch',
      assessmentCatalog: `${assessment.catalogId} ${assessment.catalogVersion}`,
      catalog: `${catalog.id} ${catalog.version}`,
    });
  }
  const found: SignoffBlocker[] = [];
  if (assessment.state !== 'draft') {
    found.push({
      kind: 'assessment-not-draft',
      severity: 'blocker',
      message: `This assessment is ${assessment.state}, so it cannot be signed again. Start a new assessment from it to record a new period.`,
    });
  }
  found.push(...periodFindings(assessment.periodStart, assessment.periodEnd, day));
  // Who signs may be filled in at any time before signing, but a pack always names them.
  if (!assessment.sroName.trim() || !assessment.sroRole.trim()) {
    found.push({
      kind: 'sro-not-named',
      severity: 'blocker',
      needs: 'never-signable',
      message:
        'The assessment does not name its Senior Responsible Owner and their job title: the pack must say who signs it. Enter both in the assessment details.',
    });
  }
  const titles = new Map(catalog.themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((c) => [c.id, c.title] as const))));
  const claimOrder = [...titles.keys()];
  const name = (claimId: string): string => `Claim ${claimId} (${titles.get(claimId) ?? 'not in this catalog'})`;
  const responses = new Map(detail.responses.map((r) => [r.claimId, r]));
  // One pass over the links, not one per claim or per item: thousands of files stay linear.
  const claimIndex = new Map(claimOrder.map((id, i) => [id, i]));
  const claimsWithEvidence = new Set<string>();
  const claimsByEvidence = new Map<string, Set<string>>();
  for (const l of detail.links) {
    claimsWithEvidence.add(l.claimId);
    const claims = claimsByEvidence.get(l.evidenceId) ?? new Set<string>();
    claims.add(l.claimId);
    claimsByEvidence.set(l.evidenceId, claims);
  }
  const claimsWithActions = new Set(detail.actions.map((a) => a.claimId));
  // In catalog order, claims of this catalog only.
  const linkedClaims = (evidenceId: string): string[] =>
    [...(claimsByEvidence.get(evidenceId) ?? [])]
      .filter((id) => claimIndex.has(id))
      .sort((a, b) => claimIndex.get(a)! - claimIndex.get(b)!);

  for (const claimId of claimOrder.filter((id) => isClaimInScope(assessment, id))) {
    const response = responses.get(claimId);
    const result = response?.result ?? 'not-assessed';
    if (result === 'not-assessed') {
      found.push({
        kind: 'claim-not-assessed',
        severity: 'blocker',
        claimId,
        message: `${name(claimId)} has not been assessed yet: choose a result for it.`,
      });
      continue;
    }
    if ((result === 'met' || result === 'partially-met') && !claimsWithEvidence.has(claimId)) {
      found.push({
        kind: 'met-without-evidence',
        severity: 'blocker',
        claimId,
        message: `${name(claimId)} is marked ${result === 'met' ? 'met' : 'partially met'} but has no evidence attached: attach a file, or add a reference for evidence that is not a file (a system setting, a ticket, an interview), or change the result.`,
      });
    }
    if (response && response.status !== 'done') {
      found.push({
        kind: 'claim-not-reviewed',
        severity: 'warning',
        claimId,
        message: `${name(claimId)} has a result but is still marked "${response.status.replace('-', ' ')}": confirm it has been reviewed.`,
      });
    }
    if ((result === 'not-met' || result === 'partially-met') && !claimsWithActions.has(claimId)) {
      found.push({
        kind: 'shortfall-without-action',
        severity: 'warning',
        claimId,
        message: `${name(claimId)} is ${result === 'not-met' ? 'not met' : 'partially met'} and has no remedial action saying how it will be put right.`,
      });
    }
  }

  const linkedEvidence = detail.evidence.filter((e) => claimsByEvidence.has(e.id));
  for (const item of linkedEvidence) found.push(...evidenceFindings(item, day, linkedClaims(item.id)));

  for (const action of detail.actions) {
    if (action.state === 'open' && action.dueDate !== null && compareIsoDates(action.dueDate, day) < 0) {
      found.push({
        kind: 'action-overdue',
        severity: 'warning',
        claimId: action.claimId,
        actionId: action.id,
        message: `The remedial action for claim ${action.claimId} ("${action.description}", owner ${action.owner || 'not named'}) was due on ${formatLongDate(action.dueDate)} and is still open.`,
      });
    }
  }
  return [...found.filter((f) => f.severity === 'blocker'), ...found.filter((f) => f.severity === 'warning')];
}

/**
 * The period the SRO attests to must have happened: one that starts after `today` blocks
 * signing outright (no exception can accept it); one that ends on or after `today` is a
 * warning the SRO must accept on its own (see signsBeforePeriodEnd), and the pack then says
 * it was signed before the period ended.
 */
function periodFindings(start: IsoDate | null, end: IsoDate | null, today: IsoDate): SignoffBlocker[] {
  if (start !== null && compareIsoDates(start, today) > 0) {
    return [
      {
        kind: 'period-not-started',
        severity: 'blocker',
        needs: 'never-signable',
        message: `The assessment period starts on ${formatLongDate(start)}, after today: the SRO cannot attest to practices that have not happened yet. Sign it once the period has started, or correct the period.`,
      },
    ];
  }
  if (isBeforePeriodEnd(end, today)) {
    return [
      {
        kind: 'period-not-ended',
        severity: 'warning',
        needs: 'early-signing-consent',
        message: `The assessment period runs until ${formatLongDate(end!)}, so signing today attests to a period that has not ended. Confirm you are signing before the period ends; the pack will say so.`,
      },
    ];
  }
  return [];
}

/** True when `today` is on or before the period's last day: the period has not ended. */
export function isBeforePeriodEnd(periodEnd: IsoDate | null, today: IsoDate): boolean {
  return periodEnd !== null && compareIsoDates(periodEnd, today) >= 0;
}

/** Findings no accepted exception can override. */
export function neverSignable(checks: readonly SignoffBlocker[]): readonly SignoffBlocker[] {
  return checks.filter((c) => c.needs === 'never-signable');
}

/** The finding that needs the SRO's explicit consent to sign before the period ends, if any. */
export function earlySigning(checks: readonly SignoffBlocker[]): SignoffBlocker | null {
  return checks.find((c) => c.needs === 'early-signing-consent') ?? null;
}

function evidenceFindings(item: EvidenceItem, today: IsoDate, claimIds: readonly string[]): SignoffBlocker[] {
  const findings: SignoffBlocker[] = [];
  const supports = claimIds.length === 1 ? `claim ${claimIds[0]}` : `claims ${claimIds.join(', ')}`;
  const label = `${item.kind === 'reference' ? 'Reference' : 'Evidence'} "${item.fileName}" (supporting ${supports})`;
  if (item.expiryDate !== null) {
    if (compareIsoDates(item.expiryDate, today) < 0) {
      findings.push({
        kind: 'evidence-expired',
        severity: 'blocker',
        evidenceId: item.id,
        message: `${label} expired on ${formatLongDate(item.expiryDate)}: replace it with current evidence or remove it.`,
      });
    } else if (compareIsoDates(item.expiryDate, addDays(today, EXPIRY_WARNING_DAYS)) <= 0) {
      const days = daysBetween(today, item.expiryDate);
      findings.push({
        kind: 'evidence-expiring',
        severity: 'warning',
        evidenceId: item.id,
        message: `${label} expires on ${formatLongDate(item.expiryDate)}, ${days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`}.`,
      });
    }
  }
  if (item.kind === 'reference' && item.effectiveDate === null) {
    findings.push({
      kind: 'reference-undated',
      severity: 'warning',
      evidenceId: item.id,
      message: `${label} does not say when it was true: give the date the setting was checked, the ticket closed or the interview held.`,
    });
  }
  if (item.kind === 'file' && !item.present) {
    findings.push({
      kind: 'evidence-file-missing',
      severity: 'warning',
      evidenceId: item.id,
      message: `${label} is known only by its fingerprint; the file itself is not in this workspace, so the pack will list it without including it.`,
    });
  }
  return findings;
}

/** True when nothing blocks signing; warnings do not. */
export function isReadyToSign(blockers: readonly SignoffBlocker[]): boolean {
  return !blockers.some((b) => b.severity === 'blocker');
}
