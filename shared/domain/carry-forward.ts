import type { StatementChange } from '../catalog/index';
import { SscpError } from '../errors';
import { addDays, compareIsoDates, daysBetween, daysInMonth, isIsoDate, parseIsoDate } from './dates';
import type { ActionState, Assessment, AssessmentDetail, AssessmentFields, ClaimResult, IsoDate, WorkStatus } from './types';

/** The new draft's period, and today's date (for what has already expired). */
export interface CarryForwardDates {
  /** Omitted: the day after the previous period ended. */
  readonly periodStart?: IsoDate | null;
  /** Omitted: the previous period's length again (a year stays a year). */
  readonly periodEnd?: IsoDate | null;
  readonly today: IsoDate;
}

export type ExpiryReason = 'expired' | 'expires-before-period' | 'expires-during-period';

export interface ExpiryFlag {
  readonly evidenceId: string;
  readonly fileName: string;
  readonly expiryDate: IsoDate;
  readonly reason: ExpiryReason;
  /** The claims in the new draft the file is linked to. */
  readonly claimIds: readonly string[];
}

/** Everything the store inserts for the new draft, in one transaction. */
export interface CarryForwardPlan {
  readonly assessment: AssessmentFields & {
    readonly origin: 'carried-forward';
    readonly previousId: string;
  };
  readonly responses: readonly {
    readonly claimId: string;
    readonly status: WorkStatus;
    readonly result: ClaimResult;
    readonly evidenceText: string;
    readonly arguments: string;
  }[];
  readonly links: readonly { readonly claimId: string; readonly evidenceId: string }[];
  readonly actions: readonly {
    readonly claimId: string;
    readonly description: string;
    readonly owner: string;
    readonly dueDate: IsoDate | null;
    readonly state: ActionState;
  }[];
  readonly expiryFlags: readonly ExpiryFlag[];
  /** Claims of the old assessment that the new draft's catalog does not have; their content is not carried. */
  readonly droppedClaims: readonly string[];
  /** Claims of the new catalog the old assessment did not have; they start not-started. */
  readonly newClaims: readonly string[];
  /**
   * Carried claims whose statement the new draft's catalog words differently from the old
   * assessment's: the answer was given to the old wording, so each is marked needs-review
   * with what changed and why. Empty when both use the same catalog version.
   */
  readonly statementChanges: readonly StatementChange[];
}

/**
 * Plans next period's draft from an assessment: its text, results and evidence links are
 * carried; every carried claim needs review; open remedial actions come along, done ones do
 * not; evidence that has expired, or will before the new period ends, is flagged.
 * `newClaimIds` are the claims of the catalog the draft will use (matched by id);
 * `changes` the statement changes between the old assessment's catalog and that one.
 */
export function carryForward(
  detail: AssessmentDetail,
  dates: CarryForwardDates,
  newClaimIds: readonly string[],
  changes: readonly StatementChange[] = [],
): CarryForwardPlan {
  const previous = detail.assessment;
  const today = parseIsoDate(dates.today, 'Today');
  const { periodStart, periodEnd } = nextPeriod(previous, dates);
  const wanted = new Set(newClaimIds);
  const old = new Map(detail.responses.map((r) => [r.claimId, r]));

  const responses = newClaimIds.map((claimId) => {
    const r = old.get(claimId);
    return r
      ? { claimId, status: 'needs-review' as const, result: r.result, evidenceText: r.evidenceText, arguments: r.arguments }
      : { claimId, status: 'not-started' as const, result: 'not-assessed' as const, evidenceText: '', arguments: '' };
  });
  const links = detail.links.filter((l) => wanted.has(l.claimId)).map((l) => ({ claimId: l.claimId, evidenceId: l.evidenceId }));
  const actions = detail.actions
    .filter((a) => a.state === 'open' && wanted.has(a.claimId))
    .map((a) => ({ claimId: a.claimId, description: a.description, owner: a.owner, dueDate: a.dueDate, state: 'open' as const }));

  const expiryFlags: ExpiryFlag[] = [];
  for (const item of detail.evidence) {
    const claimIds = links.filter((l) => l.evidenceId === item.id).map((l) => l.claimId);
    if (claimIds.length === 0 || item.expiryDate === null || !isIsoDate(item.expiryDate)) continue;
    const reason = expiryReason(item.expiryDate, today, periodStart, periodEnd);
    if (reason) expiryFlags.push({ evidenceId: item.id, fileName: item.fileName, expiryDate: item.expiryDate, reason, claimIds });
  }

  return {
    assessment: {
      organisation: previous.organisation,
      products: previous.products,
      role: previous.role,
      theme3InScope: previous.theme3InScope,
      periodStart,
      periodEnd,
      sroName: previous.sroName,
      sroRole: previous.sroRole,
      origin: 'carried-forward',
      previousId: previous.id,
    },
    responses,
    links,
    actions,
    expiryFlags,
    droppedClaims: detail.responses.filter((r) => !wanted.has(r.claimId) && hasContent(detail, r.claimId)).map((r) => r.claimId),
    newClaims: newClaimIds.filter((id) => !old.has(id)),
    // Only claims that were carried: a claim new to the catalog has no old answer to review.
    statementChanges: changes.filter((c) => old.has(c.claimId) && wanted.has(c.claimId)),
  };
}

function expiryReason(expiry: IsoDate, today: IsoDate, start: IsoDate | null, end: IsoDate | null): ExpiryReason | null {
  if (compareIsoDates(expiry, today) < 0) return 'expired';
  if (start !== null && compareIsoDates(expiry, start) < 0) return 'expires-before-period';
  if (end !== null && compareIsoDates(expiry, end) <= 0) return 'expires-during-period';
  return null;
}

function nextPeriod(previous: Assessment, dates: CarryForwardDates): { periodStart: IsoDate | null; periodEnd: IsoDate | null } {
  const given = (d: IsoDate | null | undefined, what: string): IsoDate | null | undefined =>
    d === undefined || d === null ? d : parseIsoDate(d, what);
  const start = given(dates.periodStart, 'The period start');
  const end = given(dates.periodEnd, 'The period end');
  const oldStart = previous.periodStart;
  const oldEnd = previous.periodEnd;
  const periodStart = start !== undefined ? start : oldEnd ? addDays(oldEnd, 1) : null;
  let periodEnd: IsoDate | null;
  if (end !== undefined) periodEnd = end;
  else if (periodStart && oldStart && oldEnd) periodEnd = sameLengthAgain(oldStart, oldEnd, periodStart);
  else periodEnd = null;
  if (periodStart && periodEnd && compareIsoDates(periodEnd, periodStart) < 0) {
    throw SscpError.because({ code: 'carried-period-reversed', periodStart, periodEnd });
  }
  return { periodStart, periodEnd };
}

/**
 * A period of whole months (a quarter, a year, a financial year from 1 April) stays whole
 * months, leap days and all; any other period keeps its length in days.
 */
function sameLengthAgain(oldStart: IsoDate, oldEnd: IsoDate, newStart: IsoDate): IsoDate {
  const span = monthsBetween(oldStart, oldEnd);
  for (const months of [span, span + 1]) {
    if (months > 0 && addDays(addMonths(oldStart, months), -1) === oldEnd) return addDays(addMonths(newStart, months), -1);
  }
  return addDays(newStart, daysBetween(oldStart, oldEnd));
}

function monthsBetween(a: IsoDate, b: IsoDate): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** The same day of the month `months` later, or the month's last day when it has no such day. */
function addMonths(date: IsoDate, months: number): IsoDate {
  const total = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function hasContent(detail: AssessmentDetail, claimId: string): boolean {
  const r = detail.responses.find((x) => x.claimId === claimId);
  return (
    (r !== undefined && (r.evidenceText !== '' || r.arguments !== '' || r.result !== 'not-assessed')) ||
    detail.links.some((l) => l.claimId === claimId) ||
    detail.actions.some((a) => a.claimId === claimId && a.state === 'open')
  );
}
