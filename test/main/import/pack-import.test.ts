import { createHash } from 'node:crypto';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashFile } from '../../../main/evidence/index';
import { SUPPORTED_EXPORT_VERSIONS } from '../../../main/import/assessment-export';
import {
  importPack,
  PackVerificationFailed,
  preparePackImport,
  previewPackImport,
  storePackImport,
  UntrustedSignerRefused,
} from '../../../main/import/pack-import';
import { readPackContents } from '../../../main/import/read-pack-contents';
import { openWorkspace, type Workspace } from '../../../main/services/workspace';
import { caught } from '../services/workspace-fixture';
import { buildSmallPack, doctorPack, fixturePack, makeSigner, makeTempDir, snapshot, type StoreSnapshot } from './helpers';
import type { TestSigner } from '../pack/fixtures';

interface FixtureExpectation {
  readonly schemaVersion: number;
  readonly profile: 'certification' | 'customer';
  readonly signerFingerprint: string;
  readonly packId: string;
  readonly packSha256: string;
  readonly signedAt: string;
  readonly organisation: string;
  readonly responses: number;
  readonly actions: number;
  readonly evidence: readonly { readonly fileName: string; readonly sha256: string; readonly confidential: boolean }[];
  readonly embeddedFiles: number;
  readonly withheldFiles: number;
}

const tmp = makeTempDir('import-pack');
let n = 0;
function freshWorkspace(): { ws: Workspace; dbPath: string } {
  const dbPath = join(tmp.dir, `db-${n++}.sscp`);
  return { ws: openWorkspace(dbPath), dbPath };
}
afterAll(() => tmp.cleanup());

describe('fixture packs of every assessment.json schema version', () => {
  const fixtures = readdirSync(fixturePack('.'))
    .filter((f) => f.endsWith('.pdf'))
    .sort();

  it('has a committed pack for every schema version this build reads', () => {
    const versions = new Set(fixtures.map((f) => Number(/^v(\d+)-/.exec(f)?.[1])));
    for (const v of SUPPORTED_EXPORT_VERSIONS) expect(versions, `fixture pack for schema version ${v}`).toContain(v);
  });

  it.each(fixtures)('imports %s as a signed read-only assessment with every file whole', async (file) => {
    const expected = JSON.parse(readFileSync(fixturePack(file.replace(/\.pdf$/, '.json')), 'utf8')) as FixtureExpectation;
    const { ws } = freshWorkspace();
    try {
      const preview = await previewPackImport(ws, fixturePack(file), { fingerprint: expected.signerFingerprint });
      expect(preview.verification.valid).toBe(true);
      expect(preview.verification.trusted).toBe(true);
      expect(preview).toMatchObject({
        schemaVersion: expected.schemaVersion,
        packId: expected.packId,
        profile: expected.profile,
        alreadyImported: null,
      });
      expect(preview.file.sha256).toBe(expected.packSha256);
      expect(ws.listAssessments()).toEqual([]);

      const result = await importPack(ws, fixturePack(file), { fingerprint: expected.signerFingerprint });
      const detail = ws.getAssessment(result.assessment.id);
      // The signature's /M records whole seconds.
      const signedAt = new Date(Math.floor(Date.parse(expected.signedAt) / 1000) * 1000).toISOString();
      expect(detail.assessment).toMatchObject({ state: 'signed', origin: 'imported-pack', signedAt, organisation: expected.organisation });
      expect(detail.responses).toHaveLength(expected.responses);
      expect(detail.actions).toHaveLength(expected.actions);
      expect(detail.evidence).toHaveLength(expected.evidence.length);
      const withheld = detail.evidence.filter((e) => !e.present);
      expect(withheld).toHaveLength(expected.withheldFiles);
      for (const e of withheld) expect(expected.evidence.find((x) => x.sha256 === e.sha256)?.confidential).toBe(true);
      for (const e of detail.evidence.filter((x) => x.present))
        expect((await hashFile(ws.evidenceBlobPath(e.sha256))).sha256).toBe(e.sha256);
      // The unsafe name in the fixture is kept only in a safe form.
      expect(detail.evidence.map((e) => e.fileName)).not.toContain('../../etc/passwd');
      expect(result.preview.renamed).toEqual([{ from: '../../etc/passwd', to: expect.not.stringMatching(/[/\\]/) as unknown as string }]);
      expect(ws.signedPack(result.assessment.id)).toMatchObject({
        packSha256: expected.packSha256,
        packId: expected.packId,
        signerFingerprint: expected.signerFingerprint,
      });
      const report = await ws.checkIntegrity();
      expect(report.problems).toEqual([]);
    } finally {
      ws.close();
    }
  });
});

describe('importing built packs', () => {
  let signer: TestSigner;
  let cert: string;
  let customer: string;
  beforeAll(async () => {
    signer = await makeSigner(false);
    cert = await buildSmallPack(tmp.dir, signer, 'cert.pdf', 'certification');
    customer = await buildSmallPack(tmp.dir, signer, 'customer.pdf', 'customer');
  });

  const trusted = () => ({ fingerprint: signer.fingerprint });

  function expectUnchanged(dbPath: string, before: StoreSnapshot): void {
    expect(snapshot(dbPath)).toEqual(before);
  }

  it('detects a second import of the same pack (even under another name) and writes nothing', async () => {
    const { ws, dbPath } = freshWorkspace();
    try {
      const first = await importPack(ws, cert, trusted());
      const copy = join(tmp.dir, 'renamed-copy.pdf');
      copyFileSync(cert, copy);
      const before = snapshot(dbPath);
      expect((await previewPackImport(ws, copy)).alreadyImported).toMatchObject({ assessmentId: first.assessment.id });
      const e = await caught(() => importPack(ws, copy, trusted()));
      expect(e.kind).toBe('conflict');
      expect(e.message).toBe(
        `This pack was already imported on ${new Date().toISOString().slice(0, 10)} as assessment ${first.assessment.id}.`,
      );
      expectUnchanged(dbPath, before);
    } finally {
      ws.close();
    }
  });

  it('refuses a valid pack from a signer nothing vouches for, writing nothing, unless that very signer is accepted', async () => {
    const { ws, dbPath } = freshWorkspace();
    try {
      const before = snapshot(dbPath);
      const refused = await caught(() => importPack(ws, customer));
      expect(refused).toBeInstanceOf(UntrustedSignerRefused);
      expect(refused.kind).toBe('untrusted-signer');
      expect(refused.message).toContain('customer.pdf is intact, but nothing establishes who signed it, so it was not imported');
      expect(refused.hint).toContain('from the organisation by another channel');
      expect(refused.hint).not.toMatch(/--|sscp /);
      const other = await caught(() => importPack(ws, customer, {}, { acceptUntrustedSigner: 'ab'.repeat(32) }));
      expect(other.message).toContain('is signed by a different certificate');
      expectUnchanged(dbPath, before);

      const r = await importPack(ws, customer, {}, { acceptUntrustedSigner: signer.fingerprint });
      expect(r.preview.verification).toMatchObject({ valid: true, trusted: false });
      expect(r.evidence).toEqual({ stored: 2, alreadyHeld: 0, withheld: 1 });
      const [entry] = ws.auditEntries(r.assessment.id);
      expect(entry).toMatchObject({
        action: 'assessment.imported',
        detail: {
          fileName: 'customer.pdf',
          signerFingerprint: signer.fingerprint,
          verification: { valid: true, trusted: false },
          signerTrust: 'unverified',
        },
      });
      expect(ws.findImport(r.preview.file.sha256)).toMatchObject({ signerTrust: 'unverified', signerTrustedBy: [] });
      expect(ws.unverifiedSigner(r.assessment.id)).toMatchObject({
        importedAssessmentId: r.assessment.id,
        signerFingerprint: signer.fingerprint,
      });
      // Bytes already in the store are not copied again: the certification pack adds only the withheld file.
      const again = await importPack(ws, cert, trusted());
      expect(ws.findImport(again.preview.file.sha256)).toMatchObject({ signerTrust: 'trusted', signerTrustedBy: ['pinned-fingerprint'] });
      expect(ws.unverifiedSigner(again.assessment.id)).toBeNull();
      expect(again.evidence).toEqual({ stored: 1, alreadyHeld: 2, withheld: 0 });
    } finally {
      ws.close();
    }
  });

  it('refuses a pack whose signer does not match the fingerprint given, or whose bytes changed, writing nothing', async () => {
    const { ws, dbPath } = freshWorkspace();
    try {
      const before = snapshot(dbPath);
      const wrong = await caught(() => importPack(ws, cert, { fingerprint: 'ab'.repeat(32) }));
      expect(wrong).toBeInstanceOf(PackVerificationFailed);
      expect(wrong.message).toMatch(
        /cert\.pdf failed verification, so it was not imported: The signer, Zoë Okafor, is not who you expected/,
      );

      const tampered = join(tmp.dir, 'tampered.pdf');
      const bytes = readFileSync(cert);
      // A byte of the report, inside the signed range (evidence that barely shrinks is stored uncompressed).
      bytes[2000] = bytes[2000]! ^ 0x01;
      writeFileSync(tampered, bytes);
      const t = await caught(() => importPack(ws, tampered, trusted()));
      expect(t).toBeInstanceOf(PackVerificationFailed);
      expect((t as PackVerificationFailed).verification.valid).toBe(false);
      expectUnchanged(dbPath, before);
    } finally {
      ws.close();
    }
  });

  it('a cancel while storing evidence records nothing', async () => {
    const { ws, dbPath } = freshWorkspace();
    try {
      const before = snapshot(dbPath);
      const controller = new AbortController();
      const e = await caught(() =>
        importPack(ws, cert, trusted(), { signal: controller.signal, onProgress: (p) => p.phase === 'store' && controller.abort() }),
      );
      expect(e.kind).toBe('cancelled');
      expect(snapshot(dbPath).counts).toEqual(before.counts);
      expect(readdirSync(join(`${dbPath}.evidence`, 'tmp'))).toEqual([]);
    } finally {
      ws.close();
    }
  });

  it('keeps its own name checks when verification is bypassed: unsafe attachment names are refused, unsafe evidence names made safe', async () => {
    for (const evil of ['../../x', '/etc/passwd', 'C:\\Windows\\x.dll', '..']) {
      const doctored = join(tmp.dir, `evil-${createHash('sha256').update(evil).digest('hex').slice(0, 8)}.pdf`);
      await doctorPack(cert, doctored, {
        rename: (name) => (name === 'policy.pdf' ? evil : name),
        manifest: (m) => ({ ...m, files: m.files.map((f) => (f.name === 'policy.pdf' ? { ...f, name: evil } : f)) }),
      });
      const e = await caught(() => readPackContents(doctored));
      expect(e.kind, evil).toBe('invalid-input');
      expect(e.message).toContain(`names an attachment "${evil}", which is not a safe file name`);
    }

    // An evidence name (not an attachment name) that is a path: the pack is otherwise sound.
    const named = join(tmp.dir, 'absolute-original-name.pdf');
    await doctorPack(cert, named, {
      manifest: (m) => ({ ...m, files: m.files.map((f) => (f.name === 'policy.pdf' ? { ...f, originalName: '/etc/cron.d/evil' } : f)) }),
      assessment: (a) => {
        const detail = a.detail as { evidence: { fileName: string }[] };
        return {
          ...a,
          detail: {
            ...detail,
            evidence: detail.evidence.map((e) => (e.fileName === 'policy.pdf' ? { ...e, fileName: '/etc/cron.d/evil' } : e)),
          },
        };
      },
    });
    const prepared = await preparePackImport(named);
    // The appended update breaks the signature; pretend it verified, as a unit-level bypass.
    expect(prepared.preview.verification.valid).toBe(false);
    const bypassed = {
      ...prepared,
      preview: { ...prepared.preview, verification: { ...prepared.preview.verification, valid: true, trusted: true } },
    };
    const { ws, dbPath } = freshWorkspace();
    try {
      const r = await storePackImport(ws, bypassed);
      const names = ws.getAssessment(r.assessment.id).evidence.map((e) => e.fileName);
      expect(names).not.toContain('/etc/cron.d/evil');
      expect(names.every((x) => !/[/\\]/.test(x))).toBe(true);
      expect(r.preview.renamed).toEqual([{ from: '/etc/cron.d/evil', to: 'policy.pdf' }]);
      // Only hash-named blobs appeared, all inside the evidence folder.
      for (const f of snapshot(dbPath).files) expect(f).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64} \d+$/);
    } finally {
      ws.close();
    }
  });
});
