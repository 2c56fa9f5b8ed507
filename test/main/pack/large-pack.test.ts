import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeTempDir } from './fixtures';
import { pdfsig } from './pdf-tools';

const GIB = 1024 * 1024 * 1024;
const CHILD = join(import.meta.dirname, 'child', 'large-pack.ts');
const MEMORY_LIMIT_MB = 256;

function child(args: readonly string[]): Record<string, unknown> {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  if (r.status !== 0) throw new Error(`child failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, unknown>;
}

/** Memory, never time: a 2 GiB evidence file must not raise peak RSS of build or verify. */
describe('a 2 GiB pack builds and verifies in flat memory', () => {
  const tmp = makeTempDir('pack-large');
  afterAll(() => tmp.cleanup());

  it('build and verify each stay under 256 MB peak RSS, and pdfsig agrees', () => {
    const built = child(['build', tmp.dir, String(2 * GIB)]);
    const packPath = built.packPath as string;
    expect(statSync(packPath).size).toBeGreaterThan(2 * GIB);
    expect(built.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);

    const verified = child(['verify', packPath, built.fingerprint as string]);
    expect(verified.problems).toEqual([]);
    expect(verified.valid).toBe(true);
    expect(verified.maxRssMb).toBeLessThan(MEMORY_LIMIT_MB);

    const text = pdfsig(packPath);
    expect(text).toContain('Total document signed');
    expect(text).toContain('Signature is Valid.');
  });
});
