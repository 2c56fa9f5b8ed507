import { createHash, randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { buildAttestation, niUri, serializeAttestation, type AttestationInput } from '../../../main/attestation/cyclonedx';
import { defaultEvidence, makeAssessment, makeTempDir } from '../pack/fixtures';
import { cdxProblems } from './cdx-validate';

type Doc = {
  serialNumber: string;
  metadata: { timestamp: string };
  declarations: {
    claims: {
      'bom-ref': string;
      evidence?: string[];
      externalReferences?: { url: string; comment: string; hashes: { alg: string; content: string }[] }[];
    }[];
    evidence: { 'bom-ref': string; description: string; data?: { name: string; contents: { url: string } }[] }[];
    attestations: {
      map: {
        requirement: string;
        claims?: string[];
        conformance: { score?: number; rationale: string; mitigationStrategies?: string[] };
        confidence?: { score: number };
      }[];
    }[];
    affirmation?: { signatories: { name: string; role: string; organization: { name: string } }[] };
    targets: { organizations: { name: string }[]; components?: { name: string }[] };
  };
  definitions: { standards: { version: string; description: string; requirements: { identifier: string; parent?: string }[] }[] };
};

const temp = makeTempDir('cdx');
afterAll(() => temp.cleanup());

const ODD_NAME = 'Q3 "pen-test" #2 100% ü <final>?.pdf';
const CONFIDENTIAL_NAME = 'red-team-findings-INTERNAL.pdf';
const CONFIDENTIAL_DESCRIPTION = 'Red team found admin panel on port 8443';

function realistic(): AssessmentDetail {
  const evidence = [
    ...defaultEvidence(),
    { fileName: ODD_NAME, mediaType: 'application/pdf', content: randomBytes(2000), claims: ['1.1.1', '4.1.1'] },
    { fileName: CONFIDENTIAL_NAME, mediaType: 'application/pdf', content: randomBytes(3000), confidential: true, claims: ['1.3.1'] },
  ];
  const { detail } = makeAssessment(temp.dir, evidence);
  return {
    ...detail,
    evidence: detail.evidence.map((e) => (e.fileName === CONFIDENTIAL_NAME ? { ...e, description: CONFIDENTIAL_DESCRIPTION } : e)),
  };
}

function input(detail: AssessmentDetail, overrides: Partial<AttestationInput> = {}): AttestationInput {
  return {
    detail,
    catalog: CURRENT_CATALOG,
    at: '2026-11-22T14:17:44.000Z',
    signature: { kind: 'embedded', packId: '0d3c7d7e-2f65-4c36-9a57-6b0d0c1e5a11', signerFingerprint: 'ab'.repeat(32) },
    generator: { name: 'SSCP Evidence Pack', version: '9.9.9' },
    ...overrides,
  };
}

function parse(detail: AssessmentDetail, overrides: Partial<AttestationInput> = {}): { text: string; doc: Doc } {
  const text = serializeAttestation(buildAttestation(input(detail, overrides))).toString('utf8');
  return { text, doc: JSON.parse(text) as Doc };
}

function withResult(detail: AssessmentDetail, claimId: string, result: AssessmentDetail['responses'][number]['result']): AssessmentDetail {
  return { ...detail, responses: detail.responses.map((r) => (r.claimId === claimId ? { ...r, result } : r)) };
}

describe('the CycloneDX attestation', () => {
  it('validates against the official CycloneDX 1.6 schema (strict) for a realistic assessment', async () => {
    const detail = realistic();
    const { text, doc } = parse(detail);
    expect(await cdxProblems(text)).toBeNull();
    // The validator does reject what the schema forbids, so the line above can fail.
    expect(await cdxProblems(JSON.stringify({ ...doc, declarations: { ...doc.declarations, verdict: 'fine' } }))).not.toBeNull();

    // All 45 claims are requirements of the standard, each under its principle, with the catalog version.
    const standard = doc.definitions.standards[0]!;
    expect(standard.version).toBe(CURRENT_CATALOG.version);
    expect(standard.description).toContain('Assurance Principles and Claims, APC (NCSC), version 1.0');
    const claimIds = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);
    expect(claimIds).toHaveLength(45);
    for (const { claim, principle } of listClaims(CURRENT_CATALOG)) {
      expect(standard.requirements.find((r) => r.identifier === claim.id)?.parent).toBe(`requirement-${principle.id}`);
    }
    expect(standard.requirements.filter((r) => /^\d+\.\d+$/.test(r.identifier))).toHaveLength(14);
    // Every claim and principle is in the attestation's map.
    expect(doc.declarations.attestations[0]!.map.map((m) => m.requirement).sort()).toEqual(
      standard.requirements.map((r) => `requirement-${r.identifier}`).sort(),
    );

    expect(doc.declarations.targets.organizations[0]!.name).toBe(detail.assessment.organisation);
    expect(doc.declarations.targets.components?.map((c) => c.name)).toEqual(detail.assessment.products);
    expect(doc.declarations.affirmation?.signatories[0]).toMatchObject({
      name: 'Zoë Okafor',
      role: 'Chief Technology Officer',
      organization: { name: detail.assessment.organisation },
    });
    expect(doc.metadata.timestamp).toBe('2026-11-22T14:17:44.000Z');
  });

  it('references each evidence file by SHA-256; a confidential file by its hash only', () => {
    const detail = realistic();
    const { text, doc } = parse(detail);
    for (const item of detail.evidence) {
      const entry = doc.declarations.evidence.find((e) => e['bom-ref'] === `evidence-file-${item.id}`);
      expect(entry?.data?.[0]?.contents.url).toBe(niUri(item.sha256));
      const linked = detail.links.filter((l) => l.evidenceId === item.id);
      for (const link of linked) {
        const claim = doc.declarations.claims.find((c) => c['bom-ref'] === `claim-${link.claimId}`);
        expect(claim?.externalReferences?.some((r) => r.hashes[0]!.alg === 'SHA-256' && r.hashes[0]!.content === item.sha256)).toBe(true);
      }
    }
    const secret = detail.evidence.find((e) => e.fileName === CONFIDENTIAL_NAME)!;
    expect(text).toContain(secret.sha256);
    expect(text).not.toContain(CONFIDENTIAL_NAME);
    expect(text).not.toContain('admin panel');
    expect(text).not.toContain('pen-test-report.pdf');
    // The RFC 6920 name carries the same hash.
    expect(Buffer.from(niUri(secret.sha256).split(';')[1]!, 'base64url').toString('hex')).toBe(secret.sha256);
  });

  it('keeps a reference with odd characters exact and valid', async () => {
    const detail = realistic();
    const { text, doc } = parse(detail);
    expect(await cdxProblems(text)).toBeNull();
    const odd = detail.evidence.find((e) => e.fileName === ODD_NAME)!;
    const entry = doc.declarations.evidence.find((e) => e['bom-ref'] === `evidence-file-${odd.id}`)!;
    expect(entry.data?.[0]?.name).toBe(ODD_NAME);
    const claim = doc.declarations.claims.find((c) => c['bom-ref'] === 'claim-4.1.1')!;
    expect(claim.externalReferences?.find((r) => r.hashes[0]!.content === odd.sha256)?.comment).toBe(ODD_NAME);
  });

  it('maps each result to conformance and confidence as docs/attestation.md says', async () => {
    let detail = realistic();
    detail = withResult(detail, '1.1.1', 'met');
    detail = withResult(detail, '1.1.4', 'partially-met');
    detail = withResult(detail, '1.1.6', 'not-met');
    detail = withResult(detail, '1.2.1', 'not-applicable');
    detail = withResult(detail, '1.2.2', 'not-assessed');
    const { text, doc } = parse(detail);
    expect(await cdxProblems(text)).toBeNull();
    const entry = (id: string) => doc.declarations.attestations[0]!.map.find((m) => m.requirement === `requirement-${id}`)!;

    expect(entry('1.1.1')).toMatchObject({ claims: ['claim-1.1.1'], conformance: { score: 1 }, confidence: { score: 1 } });
    const partial = entry('1.1.4');
    expect(partial.conformance.score).toBe(0.5);
    expect(partial.conformance.rationale).toMatch(/^Partially met/);
    const actions = detail.actions.filter((a) => a.claimId === '1.1.4').map((a) => `remedial-action-${a.id}`);
    expect(actions.length).toBeGreaterThan(0);
    expect(partial.conformance.mitigationStrategies).toEqual(actions);
    for (const ref of actions) expect(doc.declarations.evidence.some((e) => e['bom-ref'] === ref)).toBe(true);
    // Written statement, no file: half confidence.
    expect(partial.confidence?.score).toBe(0.5);
    expect(entry('1.1.6').conformance.score).toBe(0);
    // Not applicable: the claim is marked and excluded from scoring.
    expect(entry('1.2.1').conformance.score).toBeUndefined();
    expect(entry('1.2.1').conformance.rationale).toMatch(/^Not applicable/);
    expect(entry('1.2.1').confidence).toBeUndefined();
    // Not assessed: nothing claimed, scored 0.
    expect(entry('1.2.2')).toMatchObject({ conformance: { score: 0 } });
    expect(entry('1.2.2').claims).toBeUndefined();
    expect(doc.declarations.claims.some((c) => c['bom-ref'] === 'claim-1.2.2')).toBe(false);
  });

  it('gives evidence that had expired on the attestation date half confidence', () => {
    const detail = realistic();
    const expired = { ...detail, evidence: detail.evidence.map((e) => (e.id === 'ev-0' ? { ...e, expiryDate: '2026-11-21' } : e)) };
    const entry = parse(withResult(expired, '1.1.1', 'met')).doc.declarations.attestations[0]!.map.find(
      (m) => m.requirement === 'requirement-1.1.1',
    )!;
    expect(entry.confidence?.score).toBe(0.5);
  });

  it('leaves claims out of scope for the vendor role unscored and unclaimed', async () => {
    const base = realistic();
    const detail = { ...base, assessment: { ...base.assessment, role: 'reseller' as const } };
    const { text, doc } = parse(detail);
    expect(await cdxProblems(text)).toBeNull();
    const entry = doc.declarations.attestations[0]!.map.find((m) => m.requirement === 'requirement-1.1.1')!;
    expect(entry.conformance.score).toBeUndefined();
    expect(entry.conformance.rationale).toMatch(/^Out of scope/);
    expect(doc.declarations.claims.some((c) => c['bom-ref'].startsWith('claim-1.'))).toBe(false);
  });

  it('is deterministic: the same assessment gives the same bytes, a change a new serial number', () => {
    const detail = realistic();
    const a = serializeAttestation(buildAttestation(input(detail)));
    const b = serializeAttestation(buildAttestation(input(structuredClone(detail))));
    expect(createHash('sha256').update(a).digest('hex')).toBe(createHash('sha256').update(b).digest('hex'));
    const first = JSON.parse(a.toString('utf8')) as Doc;
    expect(first.serialNumber).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const changed = parse(withResult(detail, '1.1.1', 'not-met')).doc;
    expect(changed.serialNumber).not.toBe(first.serialNumber);
  });

  it('carries no affirmation for an assessment not signed yet, and still validates', async () => {
    const { text, doc } = parse(realistic(), { signature: null, at: '2026-11-20T09:00:00.000Z' });
    expect(await cdxProblems(text)).toBeNull();
    expect(doc.declarations.affirmation).toBeUndefined();
    expect(text).toContain('not signed by its Senior Responsible Owner');
  });

  it('names the signed pack by its SHA-256 when written for a signed assessment', async () => {
    const packSha256 = 'cd'.repeat(32);
    const { text } = parse(realistic(), {
      signature: { kind: 'signed-pack', packId: '0d3c7d7e-2f65-4c36-9a57-6b0d0c1e5a11', packSha256, signerFingerprint: 'ab'.repeat(32) },
    });
    expect(await cdxProblems(text)).toBeNull();
    expect(text).toContain(packSha256);
  });
});
