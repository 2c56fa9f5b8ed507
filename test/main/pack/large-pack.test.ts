import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importPack } from '../../../main/import/pack-import';
import { openWorkspace } from '../../../main/services/workspace';
import { childEntry } from '../../setup/child-bundle';
import { makeTempDir } from './fixtures';
import { pdfsig } from './pdf-tools';

/** Past 2 GiB, so every offset and length past a 32-bit signed integer is written, read and stored. */
const SIZE = 2 * 1024 ** 3 + 12_345;
/** SHA-256 of SIZE zero bytes, computed apart from our code: head -c 2147495993 /dev/zero | openssl dgst -sha256 */
const ZEROS_SHA256 = '818e2054922b534ddf65fdd2032023dd2bbc744543f4af2ed516e706a91481ab';
const CHILD = join(import.meta.dirname, 'child', 'large-pack.ts');
const MEMORY_LIMIT_MB = 256;
const IMPORT_RSS_BOUND = 250 * 1024 * 1024;

async function child(args: readonly string[]): Promise<Record<string, unknown>> {
  const r = spawnSync(process.execPath, [await childEntry(CHILD), ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

/**
 * Memory, never time: a pack of just over 2 GiB must not raise the peak RSS of building,
 * verifying or importing it. One pack serves all three (building one costs a pass over 2 GiB
 * and writing 2 GiB), built and verified each in a child of its own so that maxRSS measures
 * that step alone, and imported here, in a process of its own (test/setup/pools.ts).
 */
describe('a pack of just over 2 GiB builds, verifies and imports in flat memory', () => {
  const tmp = makeTempDir('pack-large');
  afterAll(() => tmp.cleanup());

  it('build and verify each stay under 256 MB peak RSS, pdfsig agrees, and importing it grows RSS by far less than the pack', async () => {
    // The child stores the evidence as a sparse file (instant, reads back as zeros), declared an
    // archive so it is embedded as it is: the pack itself holds every byte.
    const built = await child(['build', tmp.dir, String(SIZE), ZEROS_SHA256]);
    const packPath = built.packPath as string;
    rmSync(join(tmp.dir, ZEROS_SHA256));
    expect(statSync(packPath).size).toBeGreaterThan(SIZE);
    expect(built.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);

    const verified = await child(['verify', packPath, built.fingerprint as string]);
    expect(verified.problems).toEqual([]);
    expect(verified.valid).toBe(true);
    expect(verified.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);

    const text = pdfsig(packPath);
    expect(text).toContain('Total document signed');
    expect(text).toContain('Signature is Valid.');

    const ws = openWorkspace(join(tmp.dir, 'large.sscp'));
    const before = process.memoryUsage().rss;
    let peak = before;
    const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));
    const sampler = setInterval(sample, 20);
    try {
      const result = await importPack(ws, packPath, { fingerprint: built.fingerprint as string }, { onProgress: sample });
      sample();
      expect(result.preview.verification.valid).toBe(true);
      expect(result.evidence.stored).toBe(1);
      const [stored] = ws.getAssessment(result.assessment.id).evidence;
      // The stored copy is checked against a hash our code did not make.
      expect(stored).toMatchObject({ sha256: ZEROS_SHA256, size: SIZE, present: true });
      expect(statSync(ws.evidenceBlobPath(ZEROS_SHA256)).size).toBe(SIZE);
      console.info(
        `large import: RSS grew by ${Math.round((peak - before) / 1024 / 1024)} MiB for a ${Math.round(SIZE / 1024 / 1024)} MiB pack`,
      );
      expect(peak - before, `RSS grew by ${Math.round((peak - before) / 1024 / 1024)} MiB`).toBeLessThan(IMPORT_RSS_BOUND);
    } finally {
      clearInterval(sampler);
      ws.close();
    }
  }, 600_000); // Gigabytes through a shared disk: time to finish on a loaded machine, nothing asserted on it.
});
