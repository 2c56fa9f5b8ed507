import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packAttestation } from '../../../main/attestation/pack-attestation';
import { attachmentRenameReason } from '../../../main/pack/attachment-names';
import { buildPack } from '../../../main/pack/build-pack';
import { manifestSchema, type Manifest } from '../../../main/pack/manifest';
import type { PackInput } from '../../../main/pack/types';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner, makeTempDir, run, type TestSigner } from '../pack/fixtures';
import { cdxProblems } from './cdx-validate';

/** Every pack embeds its CycloneDX attestation, listed in the signed manifest and checked by the verifier. */
describe('the attestation inside a pack', () => {
  const tmp = makeTempDir('pack-cdx');
  let signer: TestSigner;
  let input: PackInput;

  beforeAll(async () => {
    signer = await makeSigner(false);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    input = makePackInput(evidenceDir, signer.signer, { profile: 'customer' });
  });
  afterAll(() => tmp.cleanup());

  function detach(packPath: string, name: string): { manifest: Manifest; attestation: Buffer } {
    const out = join(tmp.dir, `${name}-out`);
    mkdirSync(out);
    expect(run('pdfdetach', ['-saveall', '-o', out, packPath]).status).toBe(0);
    return {
      manifest: manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))),
      attestation: readFileSync(join(out, 'attestation.cdx.json')),
    };
  }

  it('embeds attestation.cdx.json, valid CycloneDX 1.6, its hash in the manifest; the verifier checks it', async () => {
    const packPath = join(tmp.dir, 'customer.pdf');
    const built = await buildPack(input, packPath);
    const { manifest, attestation } = detach(packPath, 'customer');
    expect(manifest.schemaVersion).toBe(2);
    expect(manifest.dataFiles).toEqual([
      expect.objectContaining({
        name: 'attestation.cdx.json',
        size: attestation.length,
        sha256: createHash('sha256').update(attestation).digest('hex'),
        mediaType: 'application/vnd.cyclonedx+json',
      }),
    ]);
    expect(await cdxProblems(attestation.toString('utf8'))).toBeNull();
    // Exactly the document the builder makes for this pack: deterministic from the assessment and the pack.
    expect(attestation.equals(packAttestation(input, built.packId, input.generatedAt!).bytes)).toBe(true);
    const doc = JSON.parse(attestation.toString('utf8')) as {
      metadata: { timestamp: string };
      declarations: { affirmation: { signatories: { externalReference: { url: string; comment: string } }[] } };
    };
    expect(doc.metadata.timestamp).toBe(input.generatedAt!.toISOString());
    expect(doc.declarations.affirmation.signatories[0]!.externalReference.url).toBe(`urn:uuid:${built.packId}`);
    expect(doc.declarations.affirmation.signatories[0]!.externalReference.comment).toContain(signer.fingerprint);
    // The customer edition withholds the confidential pen-test report: its hash is there, its name is not.
    const secret = input.detail.evidence.find((e) => e.confidential)!;
    expect(attestation.toString('utf8')).toContain(secret.sha256);
    expect(attestation.toString('utf8')).not.toContain(secret.fileName);

    const verified = await verifyPack(packPath, { fingerprint: signer.fingerprint });
    expect(verified.problems).toEqual([]);
    expect(verified.files.find((f) => f.name === 'attestation.cdx.json')).toMatchObject({
      status: 'ok',
      sha256: manifest.dataFiles![0]!.sha256,
    });
  });

  it('an evidence file named attestation.cdx.json is attached under another name', async () => {
    const evidenceDir = join(tmp.dir, 'evidence-clash');
    mkdirSync(evidenceDir);
    const clash = makePackInput(evidenceDir, signer.signer, {}, [
      {
        fileName: 'attestation.cdx.json',
        mediaType: 'application/vnd.cyclonedx+json',
        content: Buffer.from('{"bomFormat":"CycloneDX"}'),
        claims: ['1.2.1'],
      },
    ]);
    const packPath = join(tmp.dir, 'clash.pdf');
    await buildPack(clash, packPath);
    const { manifest } = detach(packPath, 'clash');
    expect(manifest.files[0]!.name).toBe('attestation.cdx (2).json');
    expect(attachmentRenameReason('attestation.cdx.json', manifest.files[0]!.name)).toBe(
      'the pack uses the name attestation.cdx.json for its own data',
    );
    expect((await verifyPack(packPath, { fingerprint: signer.fingerprint })).valid).toBe(true);
  });
});
