import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimedDigest } from '../../../main/pack/verify/claimed-digest';
import { makeSigner, type TestSigner } from './fixtures';

describe('the digest a signature claims, read before the pack is hashed', () => {
  let signer: TestSigner;
  beforeAll(async () => {
    signer = await makeSigner(true);
  });

  it("is the signed attributes' message digest, whatever else the signature holds", async () => {
    for (const content of ['', 'a pack', 'another pack']) {
      const digest = createHash('sha256').update(content).digest();
      const cms = await signer.signer.sign(new Uint8Array(digest), new Date());
      expect(claimedDigest(cms)?.toString('hex'), content).toBe(digest.toString('hex'));
      // As found in a pack: the DER followed by the gap's zero padding.
      expect(claimedDigest(Buffer.concat([cms, Buffer.alloc(5000)]))?.equals(digest)).toBe(true);
    }
  });

  it('is no guess when there is none, or more than one, or the value is cut short', async () => {
    const digest = randomBytes(32);
    const cms = Buffer.from(await signer.signer.sign(new Uint8Array(digest), new Date()));
    expect(claimedDigest(randomBytes(4000))).toBeNull();
    expect(claimedDigest(new Uint8Array(0))).toBeNull();
    expect(claimedDigest(Buffer.concat([cms, cms]))).toBeNull();
    const at = cms.indexOf(digest);
    expect(at).toBeGreaterThan(0);
    expect(claimedDigest(cms.subarray(0, at + 31))).toBeNull();
  });
});
