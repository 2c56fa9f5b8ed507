import { randomBytes } from 'node:crypto';
import { closeSync, openSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import { HashThread, THREAD_CHUNK_BYTES, type HashThreadJob, type ThreadFile } from '../../../main/pack/verify/hash-thread';

const temp = makeTempDir('sscp-hash-thread-');
const dir = temp.dir;
afterAll(temp.cleanup);

/** Runs the thread over `path`; this side claims the files `mine` picks, in order, before waiting. */
async function run(path: string, job: Omit<HashThreadJob, 'fd'>, mine: (index: number) => boolean = () => false) {
  const fd = openSync(path, 'r');
  const thread = new HashThread();
  try {
    thread.start({ ...job, fd });
    const claimed: number[] = [];
    for (let i = 0; i < job.files.length; i++) if (mine(i) && thread.claim(i)) claimed.push(i);
    return { result: await thread.result(), claimed };
  } finally {
    await thread.close();
    closeSync(fd);
  }
}

describe('the second thread of a verification', () => {
  const data = randomBytes(THREAD_CHUNK_BYTES * 40 + 4321);
  const path = join(dir, 'file.bin');
  writeFileSync(path, data);
  const size = data.length;

  it('hashes the signed ranges, and the whole file branching off them at the gap', async () => {
    const ranges = [
      [0, size - 70_000],
      [size - 3_000, size],
    ] as const;
    const { result } = await run(path, { size, ranges, wholeFile: true, files: [] });
    expect(result!.signed.toString('hex')).toBe(sha256Hex(data.subarray(0, size - 70_000), data.subarray(size - 3_000)));
    expect(result!.whole?.toString('hex')).toBe(sha256Hex(data));
  });

  it('hashes any ranges, and the whole file on its own when it cannot branch off them', async () => {
    const ranges = [
      [10, 200_000],
      [THREAD_CHUNK_BYTES * 7 - 5, THREAD_CHUNK_BYTES * 9 + 3],
      [size - 100, size - 1],
    ] as const;
    const { result } = await run(path, { size, ranges, wholeFile: true, files: [] });
    expect(result!.signed.toString('hex')).toBe(sha256Hex(...ranges.map(([s, e]) => data.subarray(s, e))));
    expect(result!.whole?.toString('hex')).toBe(sha256Hex(data));
    const alone = await run(path, { size, ranges, wholeFile: false, files: [] });
    expect(alone.result!.whole).toBeNull();
    expect(alone.result!.signed.equals(result!.signed)).toBe(true);
  });

  // Files across chunk boundaries, inside one chunk, overlapping, empty, and one running past the end.
  const files: ThreadFile[] = [
    { start: 100, length: 5, shared: true },
    { start: 1_000, length: THREAD_CHUNK_BYTES * 3, shared: true },
    { start: 2_000, length: 10_000, shared: true },
    { start: THREAD_CHUNK_BYTES * 5, length: 0, shared: true },
    { start: THREAD_CHUNK_BYTES * 5 + 7, length: THREAD_CHUNK_BYTES * 2, shared: false },
    { start: THREAD_CHUNK_BYTES * 10 - 1, length: THREAD_CHUNK_BYTES + 2, shared: true },
    { start: size - 50, length: 1_000, shared: true },
  ];
  const expected = (f: ThreadFile) => ({
    sha256: sha256Hex(data.subarray(f.start, f.start + f.length)),
    size: Math.min(f.length, size - f.start),
  });

  it('hashes every file it may share that this side has not claimed, and no other', async () => {
    const { result } = await run(path, { size, ranges: [[0, size]], wholeFile: false, files });
    const sharedIndexes = files.flatMap((f, i) => (f.shared ? [i] : []));
    expect([...result!.hashed.keys()].sort()).toEqual(sharedIndexes);
    for (const i of sharedIndexes) expect(result!.hashed.get(i), `file ${i}`).toEqual(expected(files[i]!));
  });

  it('leaves to this side every file this side claims first, and each file to one side only', async () => {
    const { result, claimed } = await run(path, { size, ranges: [[0, size]], wholeFile: false, files }, (i) => i % 2 === 1);
    // Claimed before the thread booted: this side has every odd file.
    expect(claimed).toEqual([1, 3, 5]);
    expect([...result!.hashed.keys()].sort()).toEqual([0, 2, 6]);
    for (const i of [0, 2, 6]) expect(result!.hashed.get(i)).toEqual(expected(files[i]!));
    // Once the thread has taken a file, this side cannot.
    const fd = openSync(path, 'r');
    const thread = new HashThread();
    try {
      thread.start({ fd, size, ranges: [[0, size]], wholeFile: false, files });
      await thread.result();
      expect(files.map((_, i) => thread.claim(i))).toEqual(files.map((f) => !f.shared));
    } finally {
      await thread.close();
      closeSync(fd);
    }
  });

  it('ends with what there was when the file is shorter than the size it was given', async () => {
    const short = data.subarray(0, THREAD_CHUNK_BYTES * 5 + 99);
    const shortPath = join(dir, 'short.bin');
    writeFileSync(shortPath, short);
    const ranges = [
      [0, THREAD_CHUNK_BYTES * 6],
      [THREAD_CHUNK_BYTES * 6 + 10, size],
    ] as const;
    const cut: ThreadFile = { start: THREAD_CHUNK_BYTES * 4, length: THREAD_CHUNK_BYTES * 3, shared: true };
    const { result } = await run(shortPath, { size, ranges, wholeFile: true, files: [cut] });
    expect(result!.signed.toString('hex')).toBe(sha256Hex(short));
    // It ended before the gap: the whole file is what the signature's hash saw.
    expect(result!.whole?.toString('hex')).toBe(sha256Hex(short));
    expect(result!.hashed.get(0)).toEqual({ sha256: sha256Hex(short.subarray(cut.start)), size: short.length - cut.start });
  });

  it('hashes an empty file', async () => {
    const empty = join(dir, 'empty.bin');
    writeFileSync(empty, '');
    const { result } = await run(empty, { size: 0, ranges: [], wholeFile: true, files: [] });
    expect(result!.signed.toString('hex')).toBe(sha256Hex());
    expect(result!.whole?.toString('hex')).toBe(sha256Hex());
  });

  it('stops when asked, and reports that it stopped instead of digests', async () => {
    const big = join(dir, 'big.bin');
    writeFileSync(big, randomBytes(64 * 1024 * 1024));
    const fd = openSync(big, 'r');
    const thread = new HashThread();
    try {
      thread.start({ fd, size: 64 * 1024 * 1024, ranges: [[0, 64 * 1024 * 1024]], wholeFile: true, files: [] });
      await sleep(5);
      thread.stop();
      expect(await thread.result()).toBeNull();
    } finally {
      await thread.close();
      closeSync(fd);
    }
  });

  it('fails, and does not hang, when a read fails', async () => {
    // A descriptor open for writing only: the thread's first read gets EBADF.
    const writeOnly = openSync(join(dir, 'write-only.bin'), 'w');
    const thread = new HashThread();
    try {
      thread.start({ fd: writeOnly, size, ranges: [[0, size]], wholeFile: false, files: [] });
      await expect(thread.result()).rejects.toMatchObject({ code: 'EBADF' });
    } finally {
      await thread.close();
      closeSync(writeOnly);
    }
  });

  it('fails, and does not hang, when the thread stops mid-pass', async () => {
    const fd = openSync(path, 'r');
    const thread = new HashThread();
    try {
      void (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      thread.start({ fd, size, ranges: [[0, size]], wholeFile: false, files: [] });
      await expect(thread.result()).rejects.toThrow(/thread reading it stopped/);
    } finally {
      await thread.close();
      closeSync(fd);
    }
  });
});
