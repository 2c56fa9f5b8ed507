import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, openSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { childEntry } from '../../setup/child-bundle';
import { makeTempDir } from '../evidence/temp-dir';
import {
  HashThread,
  THREAD_CHUNK_BYTES,
  UNPLANNED_TAIL_BYTES,
  type HashThreadJob,
  type HashThreadPlan,
  type ThreadFile,
} from '../../../main/pack/verify/hash-thread';

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

  it('reads no further than it has something to hash (a damaged PDF has no ranges)', async () => {
    for (const [job, read] of [
      [{ ranges: [], files: [] }, 0],
      [{ ranges: [[0, THREAD_CHUNK_BYTES * 5 - 1]], files: [] }, THREAD_CHUNK_BYTES * 5],
      [{ ranges: [], files: [{ start: THREAD_CHUNK_BYTES * 2 + 1, length: 10, shared: true }] }, THREAD_CHUNK_BYTES * 3],
      [{ ranges: [], files: [{ start: THREAD_CHUNK_BYTES * 2 + 1, length: 10, shared: false }] }, 0],
    ] as const) {
      const fd = openSync(path, 'r');
      const thread = new HashThread();
      try {
        thread.start({ fd, size, wholeFile: false, ...job });
        const result = await thread.result();
        expect(result!.signed.toString('hex')).toBe(sha256Hex(...job.ranges.map(([s, e]) => data.subarray(s, e))));
        expect(thread.bytesRead, JSON.stringify(job)).toBe(read);
      } finally {
        await thread.close();
        closeSync(fd);
      }
    }
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

describe('a thread begun on the file before its plan is known', () => {
  // Long enough for the thread to hash 24 chunks before it must wait for the plan.
  const ahead = THREAD_CHUNK_BYTES * 24;
  const data = randomBytes(UNPLANNED_TAIL_BYTES + ahead + 4321);
  const path = join(dir, 'begun.bin');
  writeFileSync(path, data);
  const size = data.length;
  const pieces = (...ranges: (readonly [number, number])[]) => sha256Hex(...ranges.map(([s, e]) => data.subarray(s, e)));

  /** Begins the thread on `path`, waits until it has hashed all it may without a plan, then gives it `plan`. */
  async function begun(plan: HashThreadPlan, file = { path, size }) {
    const fd = openSync(file.path, 'r');
    const thread = new HashThread();
    try {
      thread.begin({ fd, size: file.size });
      // No plan yet, and it reads on: up to where the gap could be, and no further.
      const readable = Math.min(ahead, statSync(file.path).size);
      while (thread.bytesRead < Math.ceil(readable / THREAD_CHUNK_BYTES) * THREAD_CHUNK_BYTES) await sleep(1);
      const before = thread.bytesRead;
      thread.start({ ...plan, fd, size: file.size });
      const result = (await thread.result())!;
      // Once it is done, the files it did not take are still there for this side to claim.
      return { result, before, left: plan.files.flatMap((_, i) => (thread.claim(i) ? [i] : [])) };
    } finally {
      await thread.close();
      closeSync(fd);
    }
  }

  it('hashes the signed bytes from byte 0 while it waits, and goes on from there with the plan', async () => {
    const gap = [size - 70_000, size - 3_000] as const;
    const files: ThreadFile[] = [
      { start: 500, length: THREAD_CHUNK_BYTES * 2, shared: false },
      { start: 1_000, length: THREAD_CHUNK_BYTES * 3 + 5, shared: true },
      { start: ahead - 10, length: 20, shared: true },
      { start: ahead + 5, length: THREAD_CHUNK_BYTES * 3 + 1, shared: true },
      { start: size - 60_000, length: 1_000, shared: true },
    ];
    const { result, before, left } = await begun({
      ranges: [
        [0, gap[0]],
        [gap[1], size],
      ],
      wholeFile: true,
      files,
    });
    expect(before).toBe(ahead);
    expect(result.signed.toString('hex')).toBe(pieces([0, gap[0]], [gap[1], size]));
    expect(result.whole?.toString('hex')).toBe(sha256Hex(data));
    // Those it had read past before it knew of them it reads again, from the last back, once
    // its read is done (this side claims them from the first on); not one it may not share.
    expect(left).toEqual([0]);
    expect([...result.hashed.keys()].sort()).toEqual([1, 2, 3, 4]);
    for (const i of [1, 2, 3, 4]) {
      const f = files[i]!;
      expect(result.hashed.get(i)).toEqual({ sha256: pieces([f.start, f.start + f.length]), size: f.length });
    }
  });

  it.each([
    ['a gap before where it has got', [[0, 1_000] as const, [5_000, size] as const]],
    ['a gap right where it has got', [[0, ahead - 1] as const, [ahead + 7, size] as const]],
    ['ranges that do not start at byte 0', [[10, 2_000] as const, [ahead + 5, size] as const]],
    ['one range, after where it has got', [[ahead + 100, size] as const]],
    ['no range at all', []],
  ])('is exact where what it hashed is of no use: %s', async (_, ranges) => {
    for (const wholeFile of [true, false]) {
      const files: ThreadFile[] = [{ start: 100, length: 50_000, shared: true }];
      const { result } = await begun({ ranges, wholeFile, files });
      expect(result.signed.toString('hex'), `wholeFile ${wholeFile}`).toBe(pieces(...ranges));
      expect(result.whole?.toString('hex') ?? null).toBe(wholeFile ? sha256Hex(data) : null);
      // A file it had passed it hashes too: in its read from byte 0 again, or once its read is done.
      expect(result.hashed.get(0)).toEqual({ sha256: pieces([100, 50_100]), size: 50_000 });
    }
  });

  it('ends with what there was when the file is shorter than the size it was given', async () => {
    const short = data.subarray(0, ahead / 2 + 99);
    const shortPath = join(dir, 'begun-short.bin');
    writeFileSync(shortPath, short);
    const ranges = [
      [0, size - 70_000],
      [size - 3_000, size],
    ] as const;
    const { result } = await begun({ ranges, wholeFile: true, files: [] }, { path: shortPath, size });
    expect(result.signed.toString('hex')).toBe(sha256Hex(short));
    expect(result.whole?.toString('hex')).toBe(sha256Hex(short));
  });

  it('stops when asked while it waits for its plan, and when asked before it was given the file', async () => {
    const fd = openSync(path, 'r');
    const waiting = new HashThread();
    const early = new HashThread();
    try {
      waiting.begin({ fd, size });
      while (waiting.bytesRead < ahead) await sleep(1);
      waiting.stop();
      early.stop();
      early.begin({ fd, size });
      early.start({ fd, size, ranges: [[0, size]], wholeFile: false, files: [] });
      expect(await waiting.result()).toBeNull();
      expect(await early.result()).toBeNull();
    } finally {
      await waiting.close();
      await early.close();
      closeSync(fd);
    }
  });

  it('does not keep the process alive while it has no plan', async () => {
    const r = spawnSync(process.execPath, [await childEntry(join(import.meta.dirname, 'child', 'begun-thread.ts')), path], {
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('begun\n');
    expect(r.status).toBe(0);
  });

  it('reads the one file it was begun on', () => {
    const fd = openSync(path, 'r');
    const thread = new HashThread();
    try {
      thread.begin({ fd, size });
      expect(() => thread.start({ fd, size: size - 1, ranges: [], wholeFile: false, files: [] })).toThrow(/file it was begun on/);
    } finally {
      void thread.close().then(() => closeSync(fd));
    }
  });
});
