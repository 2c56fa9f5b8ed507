import { CURRENT_CATALOG, listClaims } from '../../shared/catalog/index';
import { addDays } from '../../shared/domain/dates';
import type { ClaimResult, IsoDate, VendorRole, WorkStatus } from '../../shared/domain/types';
import { CITED_EVIDENCE, type CitedEvidence, type EvidenceKey } from './cited-evidence';
import { SELF_ASSESSED_CLAIMS } from './self-assessment-claims';

export const SELF_ASSESSMENT_ORGANISATION = 'SSCP Evidence Pack project';
/** A role, not a person: the demo must not put a real name in a certificate. */
export const SELF_ASSESSMENT_SRO = { name: 'SSCP Evidence Pack project lead', role: 'Project lead' } as const;
export const SELF_ASSESSMENT_ROLE: VendorRole = 'developer-distributor';
/** The repository's first commit: the period the self-assessment covers starts here. */
export const PROJECT_START: IsoDate = '2026-11-22';

export interface ResolvedAction {
  readonly description: string;
  readonly owner: string;
  readonly dueDate: IsoDate;
}

export interface ResolvedClaim {
  readonly claimId: string;
  readonly result: ClaimResult;
  readonly status: WorkStatus;
  readonly evidenceText: string;
  readonly arguments: string;
  readonly evidence: readonly EvidenceKey[];
  readonly actions: readonly ResolvedAction[];
}

export interface SelfAssessment {
  readonly organisation: string;
  readonly products: readonly string[];
  readonly role: VendorRole;
  readonly periodStart: IsoDate;
  readonly periodEnd: IsoDate;
  readonly sroName: string;
  readonly sroRole: string;
  readonly claims: readonly ResolvedClaim[];
  /** Evidence to attach, each once, in the order first cited. */
  readonly evidence: readonly CitedEvidence[];
}

export interface BuildSelfAssessmentOptions {
  /** The product version being assessed, as `sscp --version` prints it. */
  readonly version: string;
  /**
   * The day the assessment is made and signed: the period it covers ends the day before (a
   * finished period, so the SRO attests only to what has happened), and action due dates
   * count from here.
   */
  readonly today: IsoDate;
  /** Whether an optional piece of evidence exists on this machine (the test report, say). */
  readonly isAvailable: (evidence: CitedEvidence) => boolean;
}

/**
 * This project's self-assessment against every claim of the current catalog, made on
 * `today`. Optional evidence that is not available is left out, and each claim that cited
 * it says so in its arguments rather than claiming it silently.
 */
export function buildSelfAssessment(options: BuildSelfAssessmentOptions): SelfAssessment {
  const available = new Set(CITED_EVIDENCE.filter((e) => !e.optional || options.isAvailable(e)).map((e) => e.key));
  const byClaim = new Map(SELF_ASSESSED_CLAIMS.map((c) => [c.claimId, c]));
  const claims = listClaims(CURRENT_CATALOG).map(({ claim }): ResolvedClaim => {
    const planned = byClaim.get(claim.id);
    if (!planned) throw new Error(`The self-assessment has no entry for claim ${claim.id}`);
    const missing = planned.evidence.filter((key) => !available.has(key));
    const notes = missing.map((key) => CITED_EVIDENCE.find((e) => e.key === key)?.optional?.whenMissing ?? '');
    return {
      claimId: claim.id,
      result: planned.result,
      status: planned.status,
      evidenceText: planned.evidenceText,
      arguments: [planned.arguments, ...notes].join('\n\n'),
      evidence: planned.evidence.filter((key) => available.has(key)),
      actions: (planned.actions ?? []).map((a) => ({
        description: a.description,
        owner: a.owner,
        dueDate: addDays(options.today, a.dueInDays),
      })),
    };
  });
  const cited = new Set(claims.flatMap((c) => c.evidence));
  const periodEnd = addDays(options.today, -1);
  return {
    organisation: SELF_ASSESSMENT_ORGANISATION,
    products: [`SSCP Evidence Pack ${options.version}`],
    role: SELF_ASSESSMENT_ROLE,
    periodStart: PROJECT_START < periodEnd ? PROJECT_START : periodEnd,
    periodEnd,
    sroName: SELF_ASSESSMENT_SRO.name,
    sroRole: SELF_ASSESSMENT_SRO.role,
    claims,
    evidence: [...cited].map((key) => CITED_EVIDENCE.find((e) => e.key === key)!),
  };
}
