import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import type { AssessmentDetail, ClaimResult, EvidenceItem, RemedialAction, WorkStatus } from '../../../shared/domain/types';
import { signDigest } from '../../../main/signing/cms';
import { certificateFingerprint } from '../../../main/signing/fingerprint';
import { createIdentityMaterial, unlockedIdentityFromMaterial } from '../../../main/signing/identity-material';
import type { PackInput, PackSigner } from '../../../main/pack/types';

export const UNICODE_ORG = 'Zoë & Søn Łódź 株式会社';
export const ASSESSMENT_ID = '5b0d6f4e-8c57-4a35-9d0c-1f3f0c1c2a01';

export function makeTempDir(prefix: string): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), `sscp-${prefix}-`));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export function run(cmd: string, args: readonly string[], input?: Buffer): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd, args, { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export interface TestSigner {
  readonly signer: PackSigner;
  readonly fingerprint: string;
  readonly rootPem: string | null;
}

/** A real SRO identity from main/signing, optionally issued by an organisation root. */
export async function makeSigner(withRoot: boolean): Promise<TestSigner> {
  const material = await createIdentityMaterial({
    subject: { sroName: 'Zoë Okafor', sroRole: 'Chief Technology Officer', organisation: UNICODE_ORG },
    withRoot,
  });
  const identity = await unlockedIdentityFromMaterial('test', material);
  const fingerprint = certificateFingerprint(identity.certificate.der);
  return {
    fingerprint,
    rootPem: material.root ? material.root.certificate.toString('pem') : null,
    signer: {
      name: 'Zoë Okafor',
      certificateFingerprint: fingerprint,
      sign: (digest, at) => signDigest(digest, identity, at),
    },
  };
}

export interface EvidenceSpec {
  readonly fileName: string;
  readonly mediaType: string;
  readonly content: Buffer;
  readonly confidential?: boolean;
  readonly withholdDetails?: boolean;
  readonly claims: readonly string[];
}

/** Distinctive content per file so a test can search a pack for any 64-byte chunk of it. */
export function defaultEvidence(): EvidenceSpec[] {
  const log = Array.from(
    { length: 4000 },
    (_, i) => `2026-11-0${(i % 9) + 1} build ${i} signed artefact sha256=${createHash('sha256').update(String(i)).digest('hex')}`,
  ).join('\n');
  return [
    { fileName: 'secure-development-policy.pdf', mediaType: 'application/pdf', content: randomBytes(300_000), claims: ['1.1.1', '1.1.2'] },
    { fileName: 'build-log.txt', mediaType: 'text/plain', content: Buffer.from(log), claims: ['2.2.1', '2.2.3'] },
    {
      fileName: 'sbom.cdx.json',
      mediaType: 'application/vnd.cyclonedx+json',
      content: Buffer.from(
        JSON.stringify({
          bomFormat: 'CycloneDX',
          components: Array.from({ length: 200 }, (_, i) => ({ name: `lib-${i}`, version: `1.${i}.0` })),
        }),
      ),
      claims: ['1.2.1'],
    },
    {
      fileName: 'pen-test-report.pdf',
      mediaType: 'application/pdf',
      content: randomBytes(200_000),
      confidential: true,
      claims: ['1.3.1', '1.4.1'],
    },
    // Same name as the first: the pack must give it a unique attachment name.
    { fileName: 'secure-development-policy.pdf', mediaType: 'application/pdf', content: randomBytes(50_000), claims: ['1.1.1'] },
    { fileName: '../../etc/passwd', mediaType: 'application/octet-stream', content: randomBytes(1000), claims: ['3.2.1'] },
    {
      fileName: '株式会社-アクセス管理.txt',
      mediaType: 'text/plain',
      content: Buffer.from('アクセス管理 review minutes\n'.repeat(50)),
      claims: ['2.1.1'],
    },
  ];
}

const RESULTS: readonly ClaimResult[] = ['met', 'met', 'met', 'partially-met', 'met', 'not-met', 'met', 'not-applicable'];

/**
 * A full assessment: every claim answered, evidence files written to `dir` under their
 * SHA-256 (as the evidence store keeps them), links, and remedial actions.
 */
export function makeAssessment(
  dir: string,
  evidence: readonly EvidenceSpec[] = defaultEvidence(),
): { detail: AssessmentDetail; evidencePath: (sha: string) => string } {
  const now = '2026-11-22T10:00:00.000Z';
  const items: EvidenceItem[] = evidence.map((spec, i) => {
    const sha256 = createHash('sha256').update(spec.content).digest('hex');
    writeFileSync(join(dir, sha256), spec.content);
    return {
      id: `ev-${i}`,
      sha256,
      fileName: spec.fileName,
      size: spec.content.length,
      mediaType: spec.mediaType,
      description: `Evidence ${i}: ${spec.fileName}`,
      effectiveDate: '2026-06-01',
      expiryDate: i % 2 ? '2027-06-01' : null,
      confidential: spec.confidential ?? false,
      withholdDetails: spec.withholdDetails ?? false,
      kind: 'file',
      owner: '',
      present: true,
      addedAt: now,
    };
  });
  const claims = listClaims(CURRENT_CATALOG);
  const responses = claims.map(({ claim }, i) => ({
    assessmentId: ASSESSMENT_ID,
    claimId: claim.id,
    status: (i % 5 === 4 ? 'needs-review' : 'done') as WorkStatus,
    result: RESULTS[i % RESULTS.length]!,
    evidenceText: `For ${claim.id} we rely on the documents listed, reviewed quarterly by the security team. Ownership sits with the head of engineering; Łódź office runs the build farm.`,
    arguments: i % 3 === 0 ? 'We assume the third-party CI provider keeps its SOC 2 controls in place; its latest report is on file.' : '',
    updatedAt: now,
  }));
  const links = evidence.flatMap((spec, i) =>
    spec.claims.map((claimId) => ({ assessmentId: ASSESSMENT_ID, claimId, evidenceId: `ev-${i}` })),
  );
  const actions: RemedialAction[] = responses
    .filter((r) => r.result === 'partially-met' || r.result === 'not-met')
    .map((r, i) => ({
      id: `act-${i}`,
      assessmentId: ASSESSMENT_ID,
      claimId: r.claimId,
      description: `Close the gap found in claim ${r.claimId}: document the procedure and train the team.`,
      owner: i % 2 ? 'Head of Engineering' : 'Søren Łukasz',
      dueDate: i % 3 ? '2027-03-31' : '2026-10-01',
      state: i % 4 === 3 ? 'done' : 'open',
      createdAt: now,
      updatedAt: now,
    }));
  const detail: AssessmentDetail = {
    assessment: {
      id: ASSESSMENT_ID,
      organisation: UNICODE_ORG,
      products: ['Widget Cloud 4', 'Widget Agent 2.1'],
      role: 'developer-distributor',
      theme3InScope: true,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Zoë Okafor',
      sroRole: 'Chief Technology Officer',
      catalogId: CURRENT_CATALOG.id,
      catalogVersion: CURRENT_CATALOG.version,
      state: 'draft',
      origin: 'created',
      previousId: null,
      createdAt: now,
      updatedAt: now,
      signedAt: null,
    },
    responses,
    actions,
    evidence: items,
    links,
  };
  return { detail, evidencePath: (sha) => join(dir, sha) };
}

export function makePackInput(
  dir: string,
  signer: PackSigner,
  overrides: Partial<PackInput> = {},
  evidence?: readonly EvidenceSpec[],
): PackInput {
  const { detail, evidencePath } = makeAssessment(dir, evidence);
  return {
    detail,
    catalog: CURRENT_CATALOG,
    evidencePath,
    signer,
    profile: 'certification',
    acceptedExceptions: [],
    audit: {
      entries: 212,
      headSeq: 212,
      headHash: createHash('sha256').update('head').digest('hex'),
      keyEvents: [
        { at: '2026-01-05T09:00:00.000Z', action: 'assessment.created', summary: 'Assessment created', who: 'Zoë Okafor (CTO)' },
        {
          at: '2026-11-20T16:30:00.000Z',
          action: 'evidence.attached',
          summary: 'Evidence attached (claim 1.1.1): policy.pdf',
          who: 'not recorded',
        },
      ],
      contributors: [
        { who: 'Zoë Okafor (CTO)', changes: 200 },
        { who: 'not recorded', changes: 12 },
      ],
    },
    generatedAt: new Date('2026-11-22T14:17:44.000Z'),
    ...overrides,
  };
}
