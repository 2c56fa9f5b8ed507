import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childEntry } from '../../setup/child-bundle';
import { makeTempDir } from './fixtures';

const CHILD = join(import.meta.dirname, 'child', 'many-files.ts');
const FEW = 10;
const MANY = 1500;
const FILE_BYTES = 32 * 1024;
/**
 * How much more memory may be held, at the end of the read, for the pack of many files than
 * for the pack of a few. A decoder kept per file (zlib state, window, output buffer) held
 * ~260 KiB each: ~380 MB more for the 1,490 more files. The pack's structure, its JSON and the
 * results, which do grow with the files, are ~20 MB, and the files still being decoded when the
 * read ends (at most three, each with up to 4 MiB queued) up to ~20 MB more.
 */
const HELD_GROWTH_BOUND_MB = 96;
/** The bench's bound on peak memory, for any pack. */
const PEAK_RSS_BOUND_MB = 256;

async function child(args: readonly string[]): Promise<Record<string, unknown>> {
  const r = spawnSync(process.execPath, ['--expose-gc', await childEntry(CHILD), ...args], {
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

/** Memory, never time: reading a pack back must not hold memory per embedded file. Each step runs in a process of its own. */
describe('verifying and importing a pack of many files', () => {
  const tmp = makeTempDir('many-files');
  let few: { packPath: string; fingerprint: string };
  let many: { packPath: string; fingerprint: string };
  beforeAll(async () => {
    few = (await child(['build', tmp.dir, 'few', String(FEW), String(FILE_BYTES)])) as typeof few;
    many = (await child(['build', tmp.dir, 'many', String(MANY), String(FILE_BYTES)])) as typeof many;
  }, 300_000);
  afterAll(() => tmp.cleanup());

  it(`holds no more for ${MANY} compressed files than for ${FEW}, beyond their listing`, async () => {
    const small = await child(['verify', few.packPath, few.fingerprint]);
    const large = await child(['verify', many.packPath, many.fingerprint]);
    expect([small.valid, large.valid]).toEqual([true, true]);
    expect(large.ok).toBe(MANY + 1);
    console.info(
      `verify: ${Math.round(large.heldMb as number)} MB held for ${MANY} files, ${Math.round(small.heldMb as number)} MB for ${FEW}`,
    );
    expect((large.heldMb as number) - (small.heldMb as number)).toBeLessThan(HELD_GROWTH_BOUND_MB);
    expect(large.maxRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);

    // An import writes each file out as it is read: no more held per file than verifying.
    const smallImport = await child(['import', few.packPath, join(tmp.dir, 'few.sscp'), few.fingerprint]);
    const largeImport = await child(['import', many.packPath, join(tmp.dir, 'many.sscp'), many.fingerprint]);
    expect([smallImport.stored, largeImport.stored]).toEqual([FEW, MANY]);
    console.info(
      `import: ${Math.round(largeImport.heldMb as number)} MB held for ${MANY} files, ${Math.round(smallImport.heldMb as number)} MB for ${FEW}`,
    );
    expect((largeImport.heldMb as number) - (smallImport.heldMb as number)).toBeLessThan(HELD_GROWTH_BOUND_MB);
    expect(largeImport.maxRssMb).toBeLessThan(PEAK_RSS_BOUND_MB);
  }, 300_000);
});
