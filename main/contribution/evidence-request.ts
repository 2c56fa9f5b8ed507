import { findCatalog, findClaim } from '../../shared/catalog/index';
import { OWNER_TEAM_MAX } from '../../shared/domain/contribution';
import { ACTOR_EMAIL_MAX, ACTOR_NAME_MAX, personFieldProblem } from '../../shared/domain/actor';
import { textProblem, TEXT_FIELDS } from '../../shared/domain/text-rules';
import { CLAIM_RESULTS, WORK_STATUSES, type AssessmentDetail, type ClaimResult, type WorkStatus } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import type { ClaimOwner } from '../../shared/domain/contribution';
import { readSmallFile } from '../fs/regular-file';

/**
 * An evidence request: what the SRO sends a claim owner so they (or their CI job) can
 * contribute without the SRO's database: the organisation, the assessment, the claims with
 * their statements, guidance and current answers. JSON, documented in docs/contributions.md.
 */
export const EVIDENCE_REQUEST_FORMAT = 'sscp-evidence-request';
export const EVIDENCE_REQUEST_VERSION = 1;
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export interface EvidenceRequestClaim {
  readonly claimId: string;
  readonly title: string;
  readonly statement: string;
  readonly guidance: readonly string[];
  readonly typicalEvidence: readonly string[];
  readonly current: {
    readonly result: ClaimResult;
    readonly status: WorkStatus;
    readonly evidenceText: string;
    readonly arguments: string;
  };
}

export interface EvidenceRequest {
  readonly format: typeof EVIDENCE_REQUEST_FORMAT;
  readonly formatVersion: number;
  readonly createdAt: string;
  readonly organisation: string;
  readonly assessmentId: string;
  readonly catalog: { readonly id: string; readonly version: string };
  readonly owner: { readonly name: string; readonly team: string; readonly email: string } | null;
  readonly claims: readonly EvidenceRequestClaim[];
}

/** The request for some claims of an assessment (the caller chose them: an owner's, or named ones). */
export function buildEvidenceRequest(
  detail: AssessmentDetail,
  claimIds: readonly string[],
  owner: ClaimOwner | null,
  now: string,
): EvidenceRequest {
  const a = detail.assessment;
  const catalog = findCatalog(a.catalogId, a.catalogVersion)!;
  return {
    format: EVIDENCE_REQUEST_FORMAT,
    formatVersion: EVIDENCE_REQUEST_VERSION,
    createdAt: now,
    organisation: a.organisation,
    assessmentId: a.id,
    catalog: { id: catalog.id, version: catalog.version },
    owner: owner ? { name: owner.name, team: owner.team, email: owner.email } : null,
    claims: claimIds.map((id) => {
      const c = findClaim(catalog, id)!.claim;
      const r = detail.responses.find((x) => x.claimId === id);
      return {
        claimId: id,
        title: c.title,
        statement: c.statement,
        guidance: [...c.guidance],
        typicalEvidence: [...c.typicalEvidence],
        current: {
          result: r?.result ?? 'not-assessed',
          status: r?.status ?? 'not-started',
          evidenceText: r?.evidenceText ?? '',
          arguments: r?.arguments ?? '',
        },
      };
    }),
  };
}

function bad(path: string, why: string): SscpError {
  return SscpError.because({ code: 'evidence-request-unusable', path, why });
}

/** Reads a request back, checking what a contribution will take from it. */
export async function readEvidenceRequest(path: string): Promise<EvidenceRequest> {
  const bytes = await readSmallFile(path, MAX_REQUEST_BYTES, {
    what: 'evidence request',
    hint: 'Give the evidence request file (.json) the SRO sent you.',
  });
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>;
  } catch {
    throw bad(path, 'it is not JSON');
  }
  if (typeof json !== 'object' || json === null || json.format !== EVIDENCE_REQUEST_FORMAT)
    throw bad(path, 'it does not say it is an SSCP evidence request');
  if (json.formatVersion !== EVIDENCE_REQUEST_VERSION)
    throw SscpError.because({
      code: 'evidence-request-version',
      path,
      version: String(json.formatVersion),
      supported: EVIDENCE_REQUEST_VERSION,
    });
  const catalogJson = json.catalog as { id?: unknown; version?: unknown } | undefined;
  const catalog =
    typeof catalogJson?.id === 'string' && typeof catalogJson.version === 'string'
      ? findCatalog(catalogJson.id, catalogJson.version)
      : undefined;
  if (!catalog) throw bad(path, 'it names a catalog version this app does not know');
  const organisation = json.organisation;
  if (typeof organisation !== 'string' || organisation.trim() === '' || textProblem(organisation, TEXT_FIELDS.organisation))
    throw bad(path, 'its organisation is missing or not usable');
  if (typeof json.assessmentId !== 'string' || !/^[\w-]{1,64}$/.test(json.assessmentId)) throw bad(path, 'its assessment id is missing');
  const ownerJson = json.owner as { name?: unknown; team?: unknown; email?: unknown } | null | undefined;
  let owner: EvidenceRequest['owner'] = null;
  if (ownerJson) {
    const name = typeof ownerJson.name === 'string' ? ownerJson.name : '';
    const team = typeof ownerJson.team === 'string' ? ownerJson.team : '';
    const email = typeof ownerJson.email === 'string' ? ownerJson.email : '';
    if (
      personFieldProblem(name, 'name', ACTOR_NAME_MAX, true) ||
      personFieldProblem(team, 'team', OWNER_TEAM_MAX, false) ||
      personFieldProblem(email, 'email', ACTOR_EMAIL_MAX, false)
    )
      throw bad(path, 'its owner is not usable');
    owner = { name, team, email };
  }
  if (!Array.isArray(json.claims) || json.claims.length === 0) throw bad(path, 'it asks about no claims');
  const claims = (json.claims as unknown[]).map((c): EvidenceRequestClaim => {
    const claimId = (c as { claimId?: unknown }).claimId;
    if (typeof claimId !== 'string' || !findClaim(catalog, claimId))
      throw bad(path, `it names a claim (${String(claimId)}) that is not in the catalog`);
    const k = findClaim(catalog, claimId)!.claim;
    const cur = (c as { current?: Record<string, unknown> }).current ?? {};
    const result = (CLAIM_RESULTS as readonly unknown[]).includes(cur.result) ? (cur.result as ClaimResult) : 'not-assessed';
    const status = (WORK_STATUSES as readonly unknown[]).includes(cur.status) ? (cur.status as WorkStatus) : 'not-started';
    return {
      claimId,
      title: k.title,
      statement: k.statement,
      guidance: [...k.guidance],
      typicalEvidence: [...k.typicalEvidence],
      current: {
        result,
        status,
        evidenceText: typeof cur.evidenceText === 'string' ? cur.evidenceText : '',
        arguments: typeof cur.arguments === 'string' ? cur.arguments : '',
      },
    };
  });
  return {
    format: EVIDENCE_REQUEST_FORMAT,
    formatVersion: EVIDENCE_REQUEST_VERSION,
    createdAt: typeof json.createdAt === 'string' ? json.createdAt : '',
    organisation,
    assessmentId: json.assessmentId,
    catalog: { id: catalog.id, version: catalog.version },
    owner,
    claims,
  };
}
