import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makeTempDir } from '../import/helpers';

// Found by the import fuzz test (seed 194334244, case 51): bits flipped inside a compressed
// evidence stream made zlib fail mid-write, its write callback never fired, and verify
// waited forever with no message. It must end, invalid, saying which file is damaged.
const FIXTURE = fileURLToPath(new URL('../../fixtures/packs/v1-customer.pdf', import.meta.url));
const FLIPS: readonly [offset: number, bit: number][] = [
  [105504, 0],
  [237815, 3],
  [199340, 2],
  [237811, 4],
  [93436, 7],
  [232178, 4],
  [235332, 1],
];

describe('a pack whose compressed evidence is damaged', () => {
  const tmp = makeTempDir('damaged-deflate');
  afterAll(() => tmp.cleanup());

  it('is reported invalid, naming the damaged file, instead of hanging', async () => {
    const bytes = Buffer.from(readFileSync(FIXTURE));
    for (const [offset, bit] of FLIPS) bytes[offset] = bytes[offset]! ^ (1 << bit);
    const path = join(tmp.dir, 'damaged.pdf');
    writeFileSync(path, bytes);

    const result = await verifyPack(path, { signal: AbortSignal.timeout(60_000) });
    expect(result.valid).toBe(false);
    expect(result.problems.join('\n')).toMatch(/"build-log\.txt" does not match the manifest: its compressed data is damaged/);
    // One cause, said once.
    expect(new Set(result.problems).size).toBe(result.problems.length);
  });
});
