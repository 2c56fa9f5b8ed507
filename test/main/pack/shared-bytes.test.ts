import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedBytes } from '../../../main/pack/attachment-checks';
import type { EmbeddedStream } from '../../../main/pack/verify/locate';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { doctorPack, makeTempDir } from '../import/helpers';

const FIXTURE = fileURLToPath(new URL('../../fixtures/packs/v1-customer.pdf', import.meta.url));

const at = (name: string, start: number, length: number): EmbeddedStream => ({
  name,
  start,
  length,
  deflated: false,
  relationship: null,
  params: { size: null, checksum: null },
});

describe('attachments that share bytes in the file', () => {
  it('are found whether they are one stream under two names or ranges that cross', () => {
    const a = at('a', 100, 50);
    const twin = at('twin', 100, 50);
    const inside = at('inside', 120, 5);
    const crossing = at('crossing', 140, 100);
    const after = at('after', 150, 10);
    const empty = at('empty', 110, 0);
    // What is left, the attachments that are hashed, never overlap: `after` starts where `a` ends.
    expect(sharedBytes([a, twin, inside, crossing, after, empty])).toEqual([
      { stream: twin, with: a },
      { stream: inside, with: a },
      { stream: crossing, with: a },
    ]);
    expect(sharedBytes([at('x', 0, 10), at('y', 10, 10), at('z', 20, 0)])).toEqual([]);
  });

  const tmp = makeTempDir('shared-bytes');
  afterAll(() => tmp.cleanup());

  it('make a pack invalid, each reported once and hashed not at all', async () => {
    // A forged pack naming one attachment 300 more times: checked as it was, it would be hashed 301 times.
    const forged = join(tmp.dir, 'aliases.pdf');
    await doctorPack(FIXTURE, forged, {
      aliases: (name) => (name === 'build-log.txt' ? Array.from({ length: 300 }, (_, i) => `copy-${String(i).padStart(3, '0')}.txt`) : []),
    });
    const result = await verifyPack(forged, { signal: AbortSignal.timeout(60_000) });
    expect(result.valid).toBe(false);
    const problems = result.problems.join('\n');
    expect(problems).toMatch(
      /The attachment "(copy-\d{3}\.txt|build-log\.txt)" shares its bytes in the file with "[^"]+" \(and 299 more\)/,
    );
    const copies = result.files.filter((f) => f.name.startsWith('copy-'));
    expect(copies).toHaveLength(300);
  });
});
