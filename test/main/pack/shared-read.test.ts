import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import { CHUNK_BYTES, SharedRead, type SharedReadJob } from '../../../main/pack/verify/shared-read';

const temp = makeTempDir('sscp-shared-read-');
const dir = temp.dir;
afterAll(temp.cleanup);

/** Runs one pass over `path`; the consumer sees every chunk, and may be made slow (so the other thread reads ahead). */
async function pass(
  path: string,
  job: Omit<SharedReadJob, 'fd'>,
  options: { slowEvery?: number; check?: (chunks: number) => void; onChunk?: (read: SharedRead, chunks: number) => void } = {},
) {
  const fd = openSync(path, 'r');
  const read = new SharedRead();
  const seen = createHash('sha256');
  const offsets: number[] = [];
  let chunks = 0;
  try {
    const digests = await read.run(
      { ...job, fd },
      async (piece, offset) => {
        offsets.push(offset);
        seen.update(piece);
        chunks += 1;
        options.onChunk?.(read, chunks);
        if (options.slowEvery && chunks % options.slowEvery === 0) await sleep(2);
      },
      () => null,
      () => options.check?.(chunks),
    );
    return { digests, consumed: seen.digest('hex'), offsets };
  } finally {
    await read.close();
    closeSync(fd);
  }
}

describe('one read of a file, shared by two threads', () => {
  const data = randomBytes(CHUNK_BYTES * 100 + 4321);
  const path = join(dir, 'file.bin');
  writeFileSync(path, data);
  const size = data.length;

  it.each([
    ['a consumer as fast as the hashing thread', 0],
    // The second thread then reads far ahead of this one, through many turns of the ring.
    ['a slow consumer', 3],
  ])('hands every byte to both threads in order, with %s', async (_, slowEvery) => {
    const ranges = [
      [0, size - 70_000],
      [size - 3_000, size],
    ] as const;
    const r = await pass(path, { size, ranges, wholeFile: true }, { slowEvery });
    expect(r.consumed).toBe(sha256Hex(data));
    expect(r.offsets).toEqual(Array.from({ length: Math.ceil(size / CHUNK_BYTES) }, (_, k) => k * CHUNK_BYTES));
    expect(r.digests.signed.toString('hex')).toBe(sha256Hex(data.subarray(0, size - 70_000), data.subarray(size - 3_000)));
    expect(r.digests.whole?.toString('hex')).toBe(sha256Hex(data));
  });

  it('hashes any ranges, and the whole file on its own when it cannot branch off them', async () => {
    const ranges = [
      [10, 200_000],
      [CHUNK_BYTES * 7 - 5, CHUNK_BYTES * 9 + 3],
      [size - 100, size - 1],
    ] as const;
    const r = await pass(path, { size, ranges, wholeFile: true });
    expect(r.digests.signed.toString('hex')).toBe(sha256Hex(...ranges.map(([s, e]) => data.subarray(s, e))));
    expect(r.digests.whole?.toString('hex')).toBe(sha256Hex(data));
    const alone = await pass(path, { size, ranges, wholeFile: false });
    expect(alone.digests.whole).toBeNull();
    expect(alone.digests.signed.equals(r.digests.signed)).toBe(true);
  });

  it('ends with what there was when the file is shorter than the size it was given', async () => {
    const short = data.subarray(0, CHUNK_BYTES * 5 + 99);
    const shortPath = join(dir, 'short.bin');
    writeFileSync(shortPath, short);
    const ranges = [
      [0, CHUNK_BYTES * 6],
      [CHUNK_BYTES * 6 + 10, size],
    ] as const;
    const r = await pass(shortPath, { size, ranges, wholeFile: true });
    expect(r.consumed).toBe(sha256Hex(short));
    expect(r.digests.signed.toString('hex')).toBe(sha256Hex(short));
    // It ended before the gap: the whole file is what the signature's hash saw.
    expect(r.digests.whole?.toString('hex')).toBe(sha256Hex(short));
  });

  it('hashes an empty file', async () => {
    const empty = join(dir, 'empty.bin');
    writeFileSync(empty, '');
    const r = await pass(empty, { size: 0, ranges: [], wholeFile: true });
    expect(r.digests.signed.toString('hex')).toBe(sha256Hex());
    expect(r.digests.whole?.toString('hex')).toBe(sha256Hex());
  });

  it('stops when the caller stops it, and the second thread with it', async () => {
    const stop = new Error('stopped');
    await expect(
      pass(
        path,
        { size, ranges: [[0, size]], wholeFile: false },
        {
          check: (chunks) => {
            if (chunks === 40) throw stop;
          },
        },
      ),
    ).rejects.toBe(stop);
  });

  it('fails, and does not hang, when a read fails on either thread', async () => {
    // A descriptor open for writing only: whichever thread reads first gets EBADF. The second
    // thread, once booted, reads the moment its job arrives; right after start-up this one does.
    const writeOnly = openSync(join(dir, 'write-only.bin'), 'w');
    for (const wait of [0, 300]) {
      const read = new SharedRead();
      try {
        await sleep(wait);
        await expect(
          read.run(
            { fd: writeOnly, size, ranges: [[0, size]], wholeFile: false },
            () => undefined,
            () => null,
            () => undefined,
          ),
        ).rejects.toMatchObject({ code: 'EBADF' });
      } finally {
        await read.close();
      }
    }
    closeSync(writeOnly);
  });

  it('fails, and does not hang, when the second thread stops mid-pass', async () => {
    await expect(
      pass(
        path,
        { size, ranges: [[0, size]], wholeFile: false },
        {
          slowEvery: 1,
          onChunk: (read, chunks) => {
            if (chunks === 5) void (read as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
          },
        },
      ),
    ).rejects.toThrow(/hashing thread stopped/);
  });
});
