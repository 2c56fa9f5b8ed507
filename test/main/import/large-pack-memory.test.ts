import { closeSync, ftruncateSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPack } from '../../../main/import/pack-import';
import { buildPack } from '../../../main/pack/build-pack';
import { openWorkspace } from '../../../main/services/workspace';
import { makePackInput } from '../pack/fixtures';
import { makeSigner, makeTempDir } from './helpers';

/** Past 2 GiB, so every offset and length past a 32-bit signed integer is read and stored. */
const SIZE = 2 * 1024 ** 3 + 12_345;
/** SHA-256 of SIZE zero bytes, computed apart from our code: head -c 2147495993 /dev/zero | openssl dgst -sha256 */
const ZEROS_SHA256 = '818e2054922b534ddf65fdd2032023dd2bbc744543f4af2ed516e706a91481ab';
const RSS_BOUND = 250 * 1024 * 1024;

describe('importing a pack of several GiB', () => {
  const tmp = makeTempDir('import-large');
  afterAll(() => tmp.cleanup());

  it('keeps memory flat: RSS grows by far less than the pack while verifying and storing ~2 GiB of evidence', async () => {
    // Sparse source: instant to make, reads back as zeros; the pack itself holds every byte.
    const source = join(tmp.dir, 'disk-image.bin');
    const fd = openSync(source, 'w');
    ftruncateSync(fd, SIZE);
    closeSync(fd);
    // Known in advance, not hashed here: one pass over 2 GiB fewer, and the stored copy is checked against a hash our code did not make.
    const sha256 = ZEROS_SHA256;

    const signer = await makeSigner(false);
    // Declared an archive, so it is stored as it is: zeros would deflate to almost nothing.
    const small = [{ fileName: 'placeholder.bin', mediaType: 'application/zip', content: Buffer.from('x'), claims: ['1.1.1'] }];
    const base = makePackInput(tmp.dir, signer.signer, {}, small);
    const item = { ...base.detail.evidence[0]!, fileName: 'disk-image.bin', sha256, size: SIZE };
    const packPath = join(tmp.dir, 'large.pdf');
    await buildPack({ ...base, detail: { ...base.detail, evidence: [item] }, evidencePath: () => source }, packPath);
    rmSync(source);
    expect(statSync(packPath).size).toBeGreaterThan(SIZE);

    const ws = openWorkspace(join(tmp.dir, 'large.sscp'));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const sampler = setInterval(sample, 20);
    try {
      const result = await importPack(ws, packPath, { fingerprint: signer.fingerprint }, { onProgress: sample });
      sample();
      expect(result.preview.verification.valid).toBe(true);
      expect(result.evidence.stored).toBe(1);
      const [stored] = ws.getAssessment(result.assessment.id).evidence;
      expect(stored).toMatchObject({ sha256, size: SIZE, present: true });
      expect(statSync(ws.evidenceBlobPath(sha256)).size).toBe(SIZE);
      console.info(
        `large import: RSS grew by ${Math.round((peak - before) / 1024 / 1024)} MiB for a ${Math.round(SIZE / 1024 / 1024)} MiB pack`,
      );
      expect(peak - before, `RSS grew by ${Math.round((peak - before) / 1024 / 1024)} MiB`).toBeLessThan(RSS_BOUND);
    } finally {
      clearInterval(sampler);
      ws.close();
    }
  }, 600_000); // Gigabytes through a shared disk: time to finish on a loaded machine, nothing asserted on it.
});
