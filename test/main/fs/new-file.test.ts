import fs from 'node:fs';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { newFile } from '../../../main/fs/new-file';

describe('a new file written through a stream, discarded when the writing fails', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sscp-new-file-'))));
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('leaves nothing when the source fails before the file is even created', async () => {
    // A busy thread pool, on demand: the stream's open (which creates the file) completes 100 ms late.
    const realOpen = fs.open;
    vi.spyOn(fs, 'open').mockImplementation(((...args: Parameters<typeof fs.open>) => {
      setTimeout(() => (realOpen as (...a: unknown[]) => void)(...args), 100);
    }) as typeof fs.open);
    const path = join(dir, 'evidence.part');
    const out = newFile(path);
    async function* broken(): AsyncGenerator<Buffer> {
      yield Buffer.from('the first bytes');
      throw Object.assign(new Error('incorrect header check'), { code: 'Z_DATA_ERROR' });
    }
    await expect(pipeline(broken(), out.stream)).rejects.toThrow('incorrect header check');
    // The pipeline has given up; the stream's open is still under way.
    expect(out.stream.closed).toBe(false);
    await out.discard();
    // Long after the open would have created the file.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('removes a file it wrote in full, and leaves one that was there before it', async () => {
    const done = newFile(join(dir, 'done.part'));
    await pipeline(async function* () {
      yield Buffer.from('all of it');
    }, done.stream);
    await done.discard();
    expect(readdirSync(dir)).toEqual([]);

    // Something already at the path is not the stream's: its open fails, and the file stays.
    const theirs = join(dir, 'theirs.part');
    writeFileSync(theirs, 'not ours');
    const clash = newFile(theirs);
    await expect(
      pipeline(async function* () {
        yield Buffer.from('x');
      }, clash.stream),
    ).rejects.toMatchObject({ code: 'EEXIST' });
    await clash.discard();
    expect(readFileSync(theirs, 'utf8')).toBe('not ours');

    // A folder that is not there: nothing was created, nothing to remove, no error.
    await expect(newFile(join(dir, 'gone', 'never.part')).discard()).resolves.toBeUndefined();
  });
});
