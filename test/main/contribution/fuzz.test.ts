import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareContributionImport } from '../../../main/contribution/read-contribution';
import { isSscpError } from '../../../shared/errors';
import { bytes, contribute, makeContributor, makeTempDir, type Contributor } from './helpers';

/** A tiny deterministic generator, so a failure names the seed that found it. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Damaged contributions (bytes flipped, cut, spliced, headers scrambled) are refused with an
 * SscpError a person can act on, or, when the damage missed everything signed (tar padding),
 * read as exactly the contribution that was signed. Never an unexpected error, never different content.
 */
describe('contribution import fuzzing', () => {
  const tmp = makeTempDir('contrib-fuzz');
  let owner: Contributor;
  let good: Buffer;
  beforeAll(async () => {
    owner = await makeContributor('Fran Fuzz');
    const ev = join(tmp.dir, 'ev.txt');
    writeFileSync(ev, 'evidence '.repeat(300));
    const file = join(tmp.dir, 'good.sscp-contribution');
    await contribute(owner, file, [{ claimId: '1.2.1', result: 'met', evidenceText: 'see file', files: [ev] }]);
    good = bytes(file);
  });
  afterAll(() => tmp.cleanup());

  it('200 damaged files: refused in words, or identical to what was signed', async () => {
    const original = await prepareContributionImport(join(tmp.dir, 'good.sscp-contribution'), { fingerprints: [owner.fingerprint] });
    const expected = JSON.stringify(original.contribution);
    await original.close();
    let refused = 0;
    for (let seed = 1; seed <= 200; seed++) {
      const r = rng(seed);
      const b = Buffer.from(good);
      const kind = seed % 4;
      let damaged: Buffer;
      if (kind === 0) {
        for (let i = 0; i < 1 + Math.floor(r() * 4); i++) b[Math.floor(r() * b.length)]! ^= 1 << Math.floor(r() * 8);
        damaged = b;
      } else if (kind === 1) {
        damaged = b.subarray(0, Math.floor(r() * b.length));
      } else if (kind === 2) {
        const at = Math.floor(r() * (b.length / 512)) * 512;
        damaged = Buffer.concat([
          b.subarray(0, at),
          Buffer.from(good.subarray(Math.floor(r() * good.length), Math.floor(r() * good.length))),
          b.subarray(at),
        ]);
      } else {
        const header = Math.floor(r() * (b.length / 512)) * 512;
        for (let i = 0; i < 8; i++) b[header + Math.floor(r() * 512)] = Math.floor(r() * 256);
        damaged = b;
      }
      const path = join(tmp.dir, `fuzz-${seed}.sscp-contribution`);
      writeFileSync(path, damaged);
      try {
        const p = await prepareContributionImport(path, { fingerprints: [owner.fingerprint] });
        expect(JSON.stringify(p.contribution), `seed ${seed}`).toBe(expected);
        await p.close();
      } catch (e) {
        expect(isSscpError(e), `seed ${seed}: ${String(e)}`).toBe(true);
        refused += 1;
      }
    }
    expect(refused).toBeGreaterThan(150);
  }, 120_000);
});
