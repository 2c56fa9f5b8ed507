import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import type { AssessmentDetail } from '../../../shared/domain/types';
import type { ImportedPackSource } from '../../../main/services/import-support';
import { caught, makeWorkspace, type WorkspaceFixture } from '../services/workspace-fixture';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

function chunked(data: Buffer, size = 7000): Readable {
  const parts: Buffer[] = [];
  for (let i = 0; i < data.length; i += size) parts.push(data.subarray(i, i + size));
  return Readable.from(parts);
}

function tmpFiles(f: WorkspaceFixture): string[] {
  return readdirSync(join(f.ws.evidenceDir, 'tmp'));
}

describe('putEvidenceFromStream', () => {
  let f: WorkspaceFixture;
  beforeEach(() => (f = makeWorkspace()));
  afterEach(() => f.cleanup());

  it('stores a stream under its SHA-256 when size and hash match', async () => {
    const data = randomBytes(100_000);
    let counted = 0;
    const r = await f.ws.putEvidenceFromStream(chunked(data), { sha256: sha(data), size: data.length }, { onBytes: (n) => (counted += n) });
    expect(r).toEqual({ sha256: sha(data), size: data.length, reused: false });
    expect(readFileSync(f.ws.evidenceBlobPath(sha(data)))).toEqual(data);
    expect(counted).toBe(data.length);
    expect(tmpFiles(f)).toEqual([]);
    const again = await f.ws.putEvidenceFromStream(chunked(data), { sha256: sha(data), size: data.length });
    expect(again.reused).toBe(true);
  });

  it.each([
    [
      'a different hash',
      (d: Buffer) => ({ sha256: sha(Buffer.concat([d, Buffer.from('x')])), size: d.length }),
      /does not match its recorded SHA-256/,
    ],
    [
      'more bytes than recorded',
      (d: Buffer) => ({ sha256: sha(d), size: d.length - 1 }),
      /has more than 99999 bytes, but its record says 99999/,
    ],
    ['fewer bytes than recorded', (d: Buffer) => ({ sha256: sha(d), size: d.length + 1 }), /has 100000 bytes, but its record says 100001/],
  ])('keeps nothing when the stream has %s', async (_label, expected, message) => {
    const data = randomBytes(100_000);
    const e = await caught(() => f.ws.putEvidenceFromStream(chunked(data), expected(data), { label: 'build-log.txt' }));
    expect(e.kind).toBe('integrity');
    expect(e.message).toMatch(message);
    expect(e.message).toContain('build-log.txt');
    expect(existsSync(f.ws.evidenceBlobPath(sha(data)))).toBe(false);
    expect(tmpFiles(f)).toEqual([]);
  });

  it('turns a failing source and a cancel into plain errors and keeps nothing', async () => {
    const data = randomBytes(50_000);
    async function* broken() {
      yield data.subarray(0, 1000);
      throw Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
    }
    const damaged = await caught(() => f.ws.putEvidenceFromStream(broken(), { sha256: sha(data), size: data.length }, { label: 'x.txt' }));
    expect(damaged.kind).toBe('integrity');
    expect(damaged.message).toMatch(/x\.txt is damaged: its compressed data cannot be read/);

    const controller = new AbortController();
    controller.abort();
    const cancelled = await caught(() =>
      f.ws.putEvidenceFromStream(chunked(data), { sha256: sha(data), size: data.length }, { signal: controller.signal }),
    );
    expect(cancelled.kind).toBe('cancelled');
    expect(tmpFiles(f)).toEqual([]);
    expect(existsSync(f.ws.evidenceBlobPath(sha(data)))).toBe(false);
  });
});

function packDetail(): AssessmentDetail {
  const at = '2026-02-01T09:00:00.000Z';
  const senderId = 'sender-assessment';
  const claims = listClaims(CURRENT_CATALOG).map(({ claim }) => claim.id);
  const ev = (id: string, name: string, confidential: boolean) => ({
    id,
    sha256: sha(Buffer.from(id)),
    fileName: name,
    size: id.length,
    mediaType: 'text/plain',
    description: `About ${name}`,
    effectiveDate: '2026-01-15',
    expiryDate: null,
    confidential,
    withholdDetails: false,
    kind: 'file' as const,
    owner: '',
    present: true,
    addedAt: at,
  });
  return {
    assessment: {
      id: senderId,
      organisation: 'Søn & Co',
      products: ['Widget'],
      role: 'developer-distributor',
      theme3InScope: true,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Zoë',
      sroRole: 'CTO',
      catalogId: CURRENT_CATALOG.id,
      catalogVersion: CURRENT_CATALOG.version,
      state: 'draft',
      origin: 'created',
      previousId: 'an-id-from-their-database',
      createdAt: at,
      updatedAt: at,
      signedAt: null,
    },
    responses: claims.map((claimId, i) => ({
      assessmentId: senderId,
      claimId,
      status: 'done',
      result: i % 2 ? 'met' : 'not-met',
      evidenceText: `text ${claimId}`,
      arguments: '',
      updatedAt: at,
    })),
    actions: [
      {
        id: 'a1',
        assessmentId: senderId,
        claimId: claims[0]!,
        description: 'Fix it',
        owner: 'Ann',
        dueDate: '2026-06-30',
        state: 'open',
        createdAt: at,
        updatedAt: at,
      },
    ],
    evidence: [ev('e1', 'policy.pdf', false), ev('e2', 'pen-test.pdf', true)],
    links: [
      { assessmentId: senderId, claimId: claims[0]!, evidenceId: 'e1' },
      { assessmentId: senderId, claimId: claims[1]!, evidenceId: 'e2' },
    ],
  };
}

const SOURCE: ImportedPackSource = {
  sha256: 'a'.repeat(64),
  packId: '6f1c2b7e-3d4a-4e5f-8a9b-0c1d2e3f4a5b',
  fileName: 'pack.pdf',
  profile: 'customer',
  signedAt: '2026-11-22T14:17:44.000Z',
  signerName: 'Zoë',
  signerFingerprint: 'b'.repeat(64),
  verification: { valid: true, trusted: false, summary: 'Valid, but the signer is not trusted.' },
  signerTrust: { trust: 'unverified', trustedBy: [] },
};

describe('restoreSignedAssessment', () => {
  let f: WorkspaceFixture;
  beforeEach(() => (f = makeWorkspace()));
  afterEach(() => f.cleanup());

  /** The bytes of a file item of packDetail(), stored as an importer stores them before restoring. */
  async function storeFileOf(id: string): Promise<void> {
    const bytes = Buffer.from(id);
    await f.ws.putEvidenceFromStream(chunked(bytes), { sha256: sha(bytes), size: bytes.length });
  }

  it('restores a frozen signed copy under new ids, withheld files listed but absent, with an import record and audit entry', async () => {
    const detail = packDetail();
    // A file listed as present is stored first, as the importer does.
    await storeFileOf('e1');
    const { assessment, evidenceIds } = f.ws.restoreSignedAssessment({ detail, presentEvidenceIds: new Set(['e1']), source: SOURCE });
    expect(assessment).toMatchObject({
      state: 'signed',
      origin: 'imported-pack',
      signedAt: SOURCE.signedAt,
      previousId: null,
      organisation: 'Søn & Co',
    });
    expect(assessment.id).not.toBe(detail.assessment.id);

    const restored = f.ws.getAssessment(assessment.id);
    expect(restored.responses.map((r) => [r.claimId, r.result, r.evidenceText])).toEqual(
      detail.responses.map((r) => [r.claimId, r.result, r.evidenceText]),
    );
    expect(restored.actions).toHaveLength(1);
    expect(restored.actions[0]!.id).not.toBe('a1');
    const byName = new Map(restored.evidence.map((e) => [e.fileName, e]));
    expect(byName.get('policy.pdf')).toMatchObject({ present: true, id: evidenceIds.get('e1') });
    expect(byName.get('pen-test.pdf')).toMatchObject({ present: false, confidential: true, sha256: detail.evidence[1]!.sha256 });
    expect(restored.links).toHaveLength(2);

    expect(f.ws.signedPack(assessment.id)).toMatchObject({
      packSha256: SOURCE.sha256,
      packId: SOURCE.packId,
      profile: 'customer',
      signerFingerprint: SOURCE.signerFingerprint,
    });
    expect(f.ws.findImport(SOURCE.sha256)).toMatchObject({ assessmentId: assessment.id, kind: 'pack', packId: SOURCE.packId });
    const audit = f.ws.auditEntries(assessment.id);
    expect(audit.map((e) => e.action)).toEqual(['assessment.imported']);
    expect(audit[0]!.detail).toMatchObject({
      fileName: 'pack.pdf',
      packId: SOURCE.packId,
      signer: 'Zoë',
      signerFingerprint: SOURCE.signerFingerprint,
      verification: { valid: true, trusted: false },
    });

    const frozen = (() => {
      try {
        f.ws.updateClaim(assessment.id, detail.responses[0]!.claimId, { result: 'met' });
      } catch (e) {
        return e as { kind: string };
      }
      return null;
    })();
    expect(frozen?.kind).toBe('frozen');
  });

  it('refuses to record a file as present whose bytes are not in the store, and writes nothing', async () => {
    // e1's bytes were never stored (or a removal made final deleted them after they were).
    const e = await caught(() =>
      f.ws.restoreSignedAssessment({ detail: packDetail(), presentEvidenceIds: new Set(['e1']), source: SOURCE }),
    );
    expect(e.kind).toBe('conflict');
    expect(e.message).toMatch(/A file of the pack was deleted from the evidence folder/);
    expect(f.ws.listAssessments()).toEqual([]);
    expect(f.ws.listEvidence()).toEqual([]);
    expect(f.ws.auditEntries()).toEqual([]);
    expect(f.ws.findImport(SOURCE.sha256)).toBeUndefined();

    await storeFileOf('e1');
    const { assessment } = f.ws.restoreSignedAssessment({ detail: packDetail(), presentEvidenceIds: new Set(['e1']), source: SOURCE });
    expect(
      f.ws
        .getAssessment(assessment.id)
        .evidence.filter((i) => i.present)
        .map((i) => i.fileName),
    ).toEqual(['policy.pdf']);
  });

  it('refuses the same pack (by file hash or by pack id) a second time and writes nothing', async () => {
    const first = f.ws.restoreSignedAssessment({ detail: packDetail(), presentEvidenceIds: new Set(), source: SOURCE });
    const auditBefore = f.ws.auditEntries().length;
    for (const source of [SOURCE, { ...SOURCE, sha256: 'c'.repeat(64) }]) {
      const e = await caught(() => f.ws.restoreSignedAssessment({ detail: packDetail(), presentEvidenceIds: new Set(), source }));
      expect(e.kind).toBe('conflict');
      expect(e.message).toBe(
        `This pack was already imported on ${new Date().toISOString().slice(0, 10)} as assessment ${first.assessment.id}.`,
      );
    }
    expect(f.ws.listAssessments()).toHaveLength(1);
    expect(f.ws.auditEntries()).toHaveLength(auditBefore);
  });

  it('rolls everything back when the data is inconsistent halfway through', async () => {
    const detail = packDetail();
    const broken = {
      ...detail,
      links: [...detail.links, { assessmentId: 'x', claimId: detail.responses[2]!.claimId, evidenceId: 'not-listed' }],
    };
    const e = await caught(() => f.ws.restoreSignedAssessment({ detail: broken, presentEvidenceIds: new Set(), source: SOURCE }));
    expect(e.kind).toBe('invalid-input');
    expect(e.message).toMatch(/links to evidence not-listed, which the pack does not list/);
    expect(f.ws.listAssessments()).toEqual([]);
    expect(f.ws.listEvidence()).toEqual([]);
    expect(f.ws.auditEntries()).toEqual([]);
    expect(f.ws.findImport(SOURCE.sha256)).toBeUndefined();
  });
});
