import { createHash } from 'node:crypto';
import { listClaims, listPrinciples, type Catalog, type CatalogClaim } from '../../shared/catalog/index';
import { isClaimInScope, describeScope } from '../../shared/domain/applicability';
import { attestationText, attestedScore } from '../../shared/domain/attestation';
import { compareIsoDates, isIsoDate } from '../../shared/domain/dates';
import { RESULT_LABELS, ROLLUP_LABELS } from '../../shared/domain/labels';
import { claimResultOf, rollupPrinciple } from '../../shared/domain/rollup';
import type { AssessmentDetail, ClaimResult, EvidenceItem, IsoInstant, RemedialAction } from '../../shared/domain/types';
import { canonicalJson } from '../../shared/format/canonical-json';
import { count } from '../../shared/format/plural';

/**
 * The assessment as a CycloneDX 1.6 attestation (docs/attestation.md): `definitions.standards`
 * holds the Code (its principles and claims as requirements), `declarations` what the vendor
 * declares against it (targets, claims, evidence, the attestation's map with conformance and
 * confidence, and the SRO's affirmation).
 *
 * The CycloneDX JavaScript library's models (10.x) have no declarations or definitions, so
 * the document is built here as plain JSON; the tests validate every document against the
 * official 1.6 schema with the library's own JsonStrictValidator.
 *
 * Deterministic: the same assessment (and the same signature record) gives the same bytes.
 * The serial number is a name-based UUID (version 5 layout) of the document's own content,
 * and the one timestamp is the affirmation's: when the SRO signed, never "now".
 */

export const ATTESTATION_MEDIA_TYPE = 'application/vnd.cyclonedx+json';
export const CDX_SCHEMA = 'http://cyclonedx.org/schema/bom-1.6.schema.json';

/** How the SRO's affirmation is backed: the pack signature that carries it, if any. */
export type AttestationSignature =
  | {
      /** Inside a pack being signed: the pack's id; its hash cannot be known from inside it. */
      readonly kind: 'embedded';
      readonly packId: string;
      readonly signerFingerprint: string;
    }
  | {
      /** A signed assessment, written on its own: names the pack that carries the signature. */
      readonly kind: 'signed-pack';
      readonly packId: string;
      readonly packSha256: string;
      readonly signerFingerprint: string;
    };

export interface AttestationInput {
  readonly detail: AssessmentDetail;
  readonly catalog: Catalog;
  /** When the SRO affirmed (signed); for an unsigned assessment, when it last changed. */
  readonly at: IsoInstant;
  /** The signature behind the affirmation; null for an assessment not signed yet (no affirmation). */
  readonly signature: AttestationSignature | null;
  readonly generator: { readonly name: string; readonly version: string };
}

type Json = string | number | boolean | null | readonly Json[] | { readonly [key: string]: Json | undefined };
type JsonObject = { readonly [key: string]: Json | undefined };

const ORG_REF = 'target-organisation';
const ASSESSOR_REF = 'assessor-self';
const requirementRef = (id: string) => `requirement-${id}`;
const claimRef = (id: string) => `claim-${id}`;
const statementRef = (id: string) => `evidence-statement-${id}`;
const fileRef = (item: EvidenceItem) => `evidence-file-${item.id}`;
const actionRef = (action: RemedialAction) => `remedial-action-${action.id}`;

/** RFC 6920 "ni" URI of a SHA-256: names the file by its content, checkable by anyone. */
export function niUri(sha256: string): string {
  return `ni:///sha-256;${Buffer.from(sha256, 'hex').toString('base64url')}`;
}

/**
 * One evidence file as this document describes it. Confidential files (and files whose bytes
 * this workspace never had) are given by their SHA-256 only: neither their name nor their
 * description, which may say more than the vendor means customers to read. The one place that
 * decides what the attestation says about a file.
 */
export function attestationEvidenceView(item: EvidenceItem): {
  readonly name: string;
  readonly description: string;
  readonly withheld: boolean;
} {
  if (item.confidential) {
    return {
      name: 'Confidential evidence file',
      description: 'Confidential evidence, shown to certification bodies only; identified here by its SHA-256.',
      withheld: true,
    };
  }
  const description = item.description.trim() === '' ? `Evidence file ${item.fileName}` : item.description;
  return { name: item.fileName, description: item.present ? description : `${description} (only its SHA-256 is known)`, withheld: false };
}

interface ClaimSupport {
  readonly files: readonly EvidenceItem[];
  readonly expired: readonly EvidenceItem[];
  readonly written: boolean;
}

/**
 * Confidence in a claim's result (docs/attestation.md): 1 when evidence files support it and
 * none had expired on the attestation date; 0.5 when it rests on files of which one had
 * expired, or only on what was written (the evidence statement or the arguments); 0 when
 * nothing was recorded.
 */
export function confidenceOf(support: ClaimSupport): { score: number; rationale: string } {
  const n = support.files.length;
  if (n > 0 && support.expired.length === 0) {
    return {
      score: 1,
      rationale: `Supported by ${count(n, 'evidence file')}, identified by SHA-256, none expired on the attestation date.`,
    };
  }
  if (n > 0) {
    return {
      score: 0.5,
      rationale: `Supported by ${count(n, 'evidence file')}, of which ${support.expired.length} had expired on the attestation date.`,
    };
  }
  if (support.written)
    return { score: 0.5, rationale: 'Supported by a written evidence statement or argument only; no evidence file is attached.' };
  return { score: 0, rationale: 'No evidence and no argument was recorded for this result.' };
}

function conformanceRationale(result: ClaimResult, openActions: number, allActions: number): string {
  switch (result) {
    case 'met':
      return 'Met: the Senior Responsible Owner assessed the claim as fully met.';
    case 'partially-met':
      return `Partially met: the claim is met in part, scored 0.5; ${allActions === 0 ? 'no remedial action is recorded' : `the remedial action plan (${count(allActions, 'action')}, ${openActions} open) says how the gap will be closed`}.`;
    case 'not-met':
      return `Not met: the claim is not met, scored 0; ${allActions === 0 ? 'no remedial action is recorded' : `the remedial action plan (${count(allActions, 'action')}, ${openActions} open) says what will be done`}.`;
    case 'not-assessed':
      return 'Not assessed: no result was recorded for this claim, so no conformance is claimed (scored 0).';
    case 'not-applicable':
      return 'Not applicable: the organisation assessed this claim as not applicable to it; excluded from conformance, so not scored.';
  }
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

function instantOfDate(date: string, endOfDay: boolean): string {
  return `${date}T${endOfDay ? '23:59:59' : '00:00:00'}Z`;
}

function nonEmpty<T>(list: readonly T[]): readonly T[] | undefined {
  return list.length > 0 ? list : undefined;
}

function affirmationOf(input: AttestationInput): JsonObject | undefined {
  const { assessment } = input.detail;
  const signature = input.signature;
  if (!signature) return undefined;
  const comment =
    signature.kind === 'embedded'
      ? `Affirmed ${input.at} in the PDF evidence pack ${signature.packId}, whose CMS signature by the Senior Responsible Owner covers this document; signing certificate SHA-256 ${signature.signerFingerprint}.`
      : `Affirmed ${input.at} by the CMS signature of the PDF evidence pack ${signature.packId}, whose SHA-256 is given here; signing certificate SHA-256 ${signature.signerFingerprint}.`;
  return {
    statement: attestationText(assessment, input.catalog.title),
    signatories: [
      {
        name: assessment.sroName,
        role: assessment.sroRole,
        organization: { name: assessment.organisation },
        externalReference: {
          url: `urn:uuid:${signature.packId}`,
          type: 'digital-signature',
          comment,
          hashes: signature.kind === 'signed-pack' ? [{ alg: 'SHA-256', content: signature.packSha256 }] : undefined,
        },
      },
    ],
  };
}

function standardOf(catalog: Catalog): JsonObject {
  const documents = (catalog.documents ?? []).map((d) => `${d.title}, version ${d.version}, published ${d.published} (${d.use})`);
  const requirements: JsonObject[] = [];
  for (const { theme, principle } of listPrinciples(catalog)) {
    requirements.push({
      'bom-ref': requirementRef(principle.id),
      identifier: principle.id,
      title: principle.title,
      text: principle.statement,
      descriptions: [`Principle ${principle.id} of theme ${theme.id}, ${theme.title}.`, ...principle.guidance],
    });
    for (const claim of principle.claims) requirements.push(claimRequirement(claim, principle.id));
  }
  return {
    'bom-ref': `standard-${catalog.id}-${catalog.version}`,
    name: catalog.title,
    version: catalog.version,
    description: `${catalog.source} Catalog ${catalog.id} ${catalog.version}.${documents.length > 0 ? ` Follows: ${documents.join('; ')}.` : ''}`,
    owner: 'Department for Science, Innovation and Technology (DSIT) and the National Cyber Security Centre (NCSC)',
    requirements,
  };
}

function claimRequirement(claim: CatalogClaim, principleId: string): JsonObject {
  return {
    'bom-ref': requirementRef(claim.id),
    identifier: claim.id,
    title: claim.title,
    text: claim.statement,
    descriptions: nonEmpty(claim.guidance),
    parent: requirementRef(principleId),
  };
}

/** Builds the CycloneDX 1.6 document for an assessment; see the module comment. */
export function buildAttestation(input: AttestationInput): JsonObject {
  const { detail, catalog } = input;
  const { assessment } = detail;
  const attestedOn = input.at.slice(0, 10);
  const evidenceById = new Map(detail.evidence.map((e) => [e.id, e]));

  const evidence: JsonObject[] = [];
  for (const item of detail.evidence) {
    const view = attestationEvidenceView(item);
    evidence.push({
      'bom-ref': fileRef(item),
      description: view.description,
      data: [
        { name: view.name, contents: { url: niUri(item.sha256) }, classification: item.confidential ? 'confidential' : 'not-confidential' },
      ],
      created: item.effectiveDate && isIsoDate(item.effectiveDate) ? instantOfDate(item.effectiveDate, false) : undefined,
      expires: item.expiryDate && isIsoDate(item.expiryDate) ? instantOfDate(item.expiryDate, true) : undefined,
    });
  }
  for (const action of detail.actions) {
    evidence.push({
      'bom-ref': actionRef(action),
      description: `Remedial action for claim ${action.claimId} (${action.state}${action.dueDate ? `, due ${action.dueDate}` : ''}): ${action.description}`,
      created: ISO_INSTANT.test(action.createdAt) ? action.createdAt : undefined,
      author: action.owner.trim() === '' ? undefined : { name: action.owner },
    });
  }

  const claims: JsonObject[] = [];
  const map: JsonObject[] = [];
  for (const { claim } of listClaims(catalog)) {
    const inScope = isClaimInScope(assessment, claim.id);
    const result = claimResultOf(detail, claim.id);
    const response = detail.responses.find((r) => r.claimId === claim.id);
    const files = detail.links.filter((l) => l.claimId === claim.id).flatMap((l) => evidenceById.get(l.evidenceId) ?? []);
    const actions = detail.actions.filter((a) => a.claimId === claim.id);
    if (!inScope) {
      map.push({ requirement: requirementRef(claim.id), conformance: { rationale: `Out of scope: ${describeScope(assessment)}` } });
      continue;
    }
    const evidenceText = response?.evidenceText.trim() ?? '';
    const argumentsText = response?.arguments.trim() ?? '';
    const asserted = result !== 'not-assessed';
    if (asserted) {
      if (evidenceText !== '') evidence.push({ 'bom-ref': statementRef(claim.id), description: evidenceText });
      claims.push({
        'bom-ref': claimRef(claim.id),
        target: ORG_REF,
        predicate: `${RESULT_LABELS[result]}: ${claim.id} ${claim.title}. ${claim.statement}`,
        mitigationStrategies: nonEmpty(actions.map(actionRef)),
        reasoning: `Self-assessed result: ${RESULT_LABELS[result]}.${argumentsText === '' ? '' : ` Arguments and assumptions: ${argumentsText}`}`,
        evidence: nonEmpty([...(evidenceText === '' ? [] : [statementRef(claim.id)]), ...files.map(fileRef)]),
        externalReferences: nonEmpty(
          files.map((item) => ({
            url: niUri(item.sha256),
            type: 'evidence',
            comment: attestationEvidenceView(item).name,
            hashes: [{ alg: 'SHA-256', content: item.sha256 }],
          })),
        ),
      });
    }
    const score = attestedScore(result);
    const open = actions.filter((a) => a.state === 'open').length;
    const expired = files.filter((f) => f.expiryDate !== null && isIsoDate(f.expiryDate) && compareIsoDates(f.expiryDate, attestedOn) < 0);
    map.push({
      requirement: requirementRef(claim.id),
      claims: asserted ? [claimRef(claim.id)] : undefined,
      conformance: {
        score: score ?? undefined,
        rationale: conformanceRationale(result, open, actions.length),
        mitigationStrategies: result === 'partially-met' || result === 'not-met' ? nonEmpty(actions.map(actionRef)) : undefined,
      },
      confidence:
        asserted && result !== 'not-applicable'
          ? confidenceOf({ files, expired, written: evidenceText !== '' || argumentsText !== '' })
          : undefined,
    });
  }

  // Each principle as its claims roll up (shared/domain/rollup.ts), for tools that score principles.
  for (const { principle } of listPrinciples(catalog)) {
    const rollup = rollupPrinciple(detail, principle);
    const score = attestedScore(rollup.status);
    const asserted = principle.claims
      .filter((c) => isClaimInScope(assessment, c.id) && claimResultOf(detail, c.id) !== 'not-assessed')
      .map((c) => claimRef(c.id));
    map.push({
      requirement: requirementRef(principle.id),
      claims: nonEmpty(asserted),
      conformance: {
        score: score ?? undefined,
        rationale: `${ROLLUP_LABELS[rollup.status]}: the principle's status as its claims roll up${rollup.unevidencedClaimIds.length > 0 ? `; claimed without linked evidence: ${rollup.unevidencedClaimIds.join(', ')}` : ''}.`,
      },
    });
  }

  const signed = input.signature !== null;
  const summary = signed
    ? `Self-assessment of ${assessment.organisation} against the ${catalog.title} (catalog ${catalog.id} ${catalog.version}), affirmed by its Senior Responsible Owner.`
    : `Draft self-assessment of ${assessment.organisation} against the ${catalog.title} (catalog ${catalog.id} ${catalog.version}); not signed by its Senior Responsible Owner, so it carries no affirmation.`;

  const body: JsonObject = {
    $schema: CDX_SCHEMA,
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: undefined,
    version: 1,
    metadata: {
      timestamp: input.at,
      tools: { components: [{ type: 'application', name: input.generator.name, version: input.generator.version }] },
      manufacturer: { name: assessment.organisation },
      properties: [
        { name: 'sscp:assessment-id', value: assessment.id },
        { name: 'sscp:catalog', value: `${catalog.id} ${catalog.version}` },
        { name: 'sscp:state', value: signed ? 'signed' : assessment.state },
        { name: 'sscp:vendor-role', value: assessment.role },
        { name: 'sscp:scope', value: describeScope(assessment) },
        ...(assessment.periodStart ? [{ name: 'sscp:period-start', value: assessment.periodStart }] : []),
        ...(assessment.periodEnd ? [{ name: 'sscp:period-end', value: assessment.periodEnd }] : []),
      ],
    },
    declarations: {
      assessors: [{ 'bom-ref': ASSESSOR_REF, thirdParty: false, organization: { name: assessment.organisation } }],
      attestations: [{ summary, assessor: ASSESSOR_REF, map }],
      claims,
      evidence,
      targets: {
        organizations: [{ 'bom-ref': ORG_REF, name: assessment.organisation }],
        components: nonEmpty(
          assessment.products.map((product, i) => ({ type: 'application', 'bom-ref': `target-product-${i + 1}`, name: product })),
        ),
      },
      affirmation: affirmationOf(input),
    },
    definitions: { standards: [standardOf(catalog)] },
  };
  return { ...body, serialNumber: `urn:uuid:${contentUuid(canonicalJson(body))}` };
}

/**
 * A UUID in the name-based version 5 layout (RFC 9562: SHA-1 of a namespace and a name) whose
 * name is the document's canonical JSON without its serial number: the same content always
 * gets the same serial number, and any change a new one.
 */
export function contentUuid(name: string): string {
  // The namespace: this product's own, itself a version 5 UUID of its name under the URL namespace.
  const namespace = Buffer.from('6ba7b8119dad11d180b400c04fd430c8', 'hex');
  const product = uuidBytes(namespace, 'https://sscp-evidence-pack.invalid/attestation');
  const bytes = uuidBytes(product, name);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function uuidBytes(namespace: Buffer, name: string): Buffer {
  const bytes = createHash('sha1').update(namespace).update(name, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return bytes;
}

/** The document as written to a file or attachment: two-space JSON, keys in build order, one final newline. */
export function serializeAttestation(document: JsonObject): Buffer {
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
