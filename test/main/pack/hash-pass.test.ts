import { randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import { hashPass } from '../../../main/pack/verify/hash-pass';

const temp = makeTempDir('sscp-hash-pass-');
const dir = temp.dir;
afterAll(temp.cleanup);

describe('one read for the signed ranges and the whole file', () => {
  const data = randomBytes(9 * 1024 * 1024 + 321);
  const path = join(dir, 'file.bin');
  writeFileSync(path, data);
  const size = data.length;

  it.each([
    // The gap near the end, as in every pack this app writes: the whole file's hash branches off the signature's.
    ['a gap near the end', size - 70_000, size - 3_000],
    // The gap on a chunk boundary and at the very end.
    ['a gap starting on a chunk boundary', 8 * 128 * 1024, size - 10],
    ['a gap reaching the end', size - 5_000, size],
    // A long tail after the gap: the whole file gets its own read and thread.
    ['a gap far from the end', 1_000, 2_000],
  ])('hashes both exactly with %s', async (_, gapStart, gapEnd) => {
    const ranges = [
      [0, gapStart],
      [gapEnd, size],
    ] as const;
    const r = await hashPass(path, size, ranges, [], { wholeFile: true });
    expect(r.rangeDigest.toString('hex')).toBe(sha256Hex(data.subarray(0, gapStart), data.subarray(gapEnd)));
    expect(r.wholeDigest?.toString('hex')).toBe(sha256Hex(data));
    const alone = await hashPass(path, size, ranges, []);
    expect(alone.rangeDigest.equals(r.rangeDigest)).toBe(true);
    expect(alone.wholeDigest).toBeNull();
  });

  it('stays exact with a gap inside one chunk, wherever it falls', async () => {
    const small = data.subarray(0, 3 * 1024 * 1024 + 77);
    const smallPath = join(dir, 'small.bin');
    writeFileSync(smallPath, small);
    for (let i = 0; i < 40; i++) {
      const gapStart = small.length - 200_000 + i * 4_099;
      const gapEnd = gapStart + 1 + ((i * 7_919) % 30_000);
      const r = await hashPass(
        smallPath,
        small.length,
        [
          [0, gapStart],
          [gapEnd, small.length],
        ],
        [],
        { wholeFile: true },
      );
      expect(r.wholeDigest?.toString('hex'), `gap ${gapStart}-${gapEnd}`).toBe(sha256Hex(small));
      expect(r.rangeDigest.toString('hex'), `gap ${gapStart}-${gapEnd}`).toBe(
        sha256Hex(small.subarray(0, gapStart), small.subarray(gapEnd)),
      );
    }
  });

  it('reads the descriptor it is given, never the path again', async () => {
    // The pack a verifier opened and read the structure of, then replaced by another file of
    // the same size under the same name: the pass still hashes the one that was opened.
    const opened = join(dir, 'opened.bin');
    writeFileSync(opened, data);
    const fd = openSync(opened, 'r');
    try {
      const other = join(dir, 'other.bin');
      writeFileSync(other, randomBytes(size));
      renameSync(other, opened);
      const r = await hashPass(opened, size, [[0, size]], [], { fd, wholeFile: true });
      expect(r.rangeDigest.toString('hex')).toBe(sha256Hex(data));
      expect(r.wholeDigest?.toString('hex')).toBe(sha256Hex(data));
    } finally {
      closeSync(fd);
    }
  });
});
