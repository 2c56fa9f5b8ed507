import { spawnSync } from 'node:child_process';
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, openSync, readSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import {
  HashThread,
  THREAD_CHUNK_BYTES,
  UNPLANNED_TAIL_BYTES,
  type HashThreadJob,
  type HashThreadPlan,
  type HashThreadResult,
  type ThreadFile,
} from '../../../main/pack/verify/hash-thread';

const temp = makeTempDir('sscp-hash-thread-');
const dir = temp.dir;
afterAll(temp.cleanup);

interface Side {
  /** The files this side hashed (as verify's main thread does), by index: from the ring, or read itself. */
  readonly mine: Map<number, { sha256: string; size: number }>;
  /** Those of them it read itself: only ever files the thread had passed before its plan. */
  readonly readItself: number[];
  /** Each slot it took: where in the file and how long. */
  readonly slots: (readonly [number, number])[];
  readonly passed: number | null;
}

/**
 * Plays verify's main thread against `thread`: takes the files the thread gives it from the
 * ring (calling `each` on every slot before releasing it), then claims from the first on the
 * files the thread had passed and reads those itself. `claimFirst`: files it claims before
 * anything else (only those the thread passed can be).
 */
async function side(
  thread: HashThread,
  fd: number,
  files: readonly ThreadFile[],
  each: (slot: number) => Promise<void> | void = () => undefined,
  claimFirst: (index: number) => boolean = () => false,
): Promise<Side> {
  const mine = new Map<number, { sha256: string; size: number }>();
  const readItself: number[] = [];
  const slots: (readonly [number, number])[] = [];
  const passed = await thread.passedFiles();
  if (passed === null) return { mine, readItself, slots, passed };
  const readOwn = (i: number) => {
    const f = files[i]!;
    const buffer = Buffer.alloc(f.length);
    const n = f.length > 0 ? readSync(fd, buffer, 0, f.length, f.start) : 0;
    mine.set(i, { sha256: sha256Hex(buffer.subarray(0, n)), size: n });
    readItself.push(i);
  };
  for (let i = 0; i < passed; i++) if (claimFirst(i) && thread.claim(i)) readOwn(i);
  const reading: { index: number; hash: Hash; size: number }[] = [];
  const done = (r: { index: number; hash: Hash; size: number }) => mine.set(r.index, { sha256: r.hash.digest('hex'), size: r.size });
  let next = passed;
  for (;;) {
    const slot = await thread.nextSlot();
    if (!slot) break;
    const start = slot.position;
    const end = start + slot.bytes.length;
    slots.push([start, slot.bytes.length]);
    for (; next < files.length && files[next]!.start < end; next++)
      if (thread.mine(next)) reading.push({ index: next, hash: createHash('sha256'), size: 0 });
    for (let i = 0; i < reading.length;) {
      const r = reading[i]!;
      const f = files[r.index]!;
      const from = Math.max(f.start, start);
      const to = Math.min(f.start + f.length, end);
      if (from < to) {
        r.hash.update(slot.bytes.subarray(from - start, to - start));
        r.size += to - from;
      }
      if (f.start + f.length <= end) {
        reading.splice(i, 1);
        done(r);
      } else i += 1;
    }
    await each(slots.length);
    thread.release();
  }
  for (; next < files.length; next++) if (thread.mine(next)) reading.push({ index: next, hash: createHash('sha256'), size: 0 });
  reading.forEach(done);
  for (let i = 0; i < passed; i++) if (thread.claim(i)) readOwn(i);
  return { mine, readItself, slots, passed };
}

/** Runs the thread over `path`, with `side` as this side. */
async function run(
  path: string,
  job: Omit<HashThreadJob, 'fd'>,
  { slots, each, claimFirst }: { slots?: number; each?: (slot: number) => Promise<void> | void; claimFirst?: (i: number) => boolean } = {},
) {
  const fd = openSync(path, 'r');
  const thread = new HashThread(slots);
  try {
    thread.start({ ...job, fd });
    const [result, here] = await Promise.all([thread.result(), side(thread, fd, job.files, each, claimFirst)]);
    return { result, here, bytesRead: thread.bytesRead };
  } finally {
    await thread.close();
    closeSync(fd);
  }
}

/** Every file was hashed exactly once, by one side, right; those that must be this side's are. */
function everyFileOnce(result: HashThreadResult | null, here: Side, all: readonly ThreadFile[], bytes: Buffer): void {
  expect(here.passed).not.toBeNull();
  for (const [i, f] of all.entries()) {
    const want = {
      sha256: sha256Hex(bytes.subarray(f.start, f.start + f.length)),
      size: Math.max(0, Math.min(f.length, bytes.length - f.start)),
    };
    const theirs = result!.hashed.get(i);
    const ours = here.mine.get(i);
    expect(theirs === undefined || ours === undefined, `file ${i} hashed by both sides`).toBe(true);
    expect(theirs ?? ours, `file ${i}`).toEqual(want);
    if (!f.shared) expect(ours, `file ${i} is this side's`).toBeDefined();
  }
  // This side read none of the files the thread had not passed: it took them from the ring.
  for (const i of here.readItself) expect(i).toBeLessThan(here.passed!);
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

  it('gives this side, from its one read, the files it must do, and shares the rest', async () => {
    const { result, here, bytesRead } = await run(path, { size, ranges: [[0, size]], wholeFile: false, files });
    everyFileOnce(result, here, files, data);
    expect(here.readItself).toEqual([]);
    // One read of the file: every chunk once, those with this side's files through the ring, as read.
    expect(bytesRead).toBe(Math.ceil(size / THREAD_CHUNK_BYTES) * THREAD_CHUNK_BYTES);
    for (const [i, [start, length]] of here.slots.entries()) {
      expect(start % THREAD_CHUNK_BYTES).toBe(0);
      if (i > 0) expect(start).toBeGreaterThan(here.slots[i - 1]![0]);
      expect(length).toBe(Math.min(THREAD_CHUNK_BYTES, size - start));
    }
    // The chunks of the file this side must decode are among them.
    for (let c = 5; c <= 7; c++) expect(here.slots.map(([start]) => start)).toContain(c * THREAD_CHUNK_BYTES);
  });

  it('is exact however small the ring: more files than slots, a file larger than the ring, files on slot boundaries', async () => {
    const C = THREAD_CHUNK_BYTES;
    const many: ThreadFile[] = [
      // Forty small files in one chunk and across the next.
      ...Array.from({ length: 40 }, (_, i) => ({ start: C - 20_000 + i * 1_000, length: 1_000, shared: i % 3 !== 0 })),
      // A file that ends exactly on a slot boundary, and the next starting there.
      { start: 3 * C, length: 2 * C, shared: false },
      { start: 5 * C, length: 10, shared: false },
      { start: 5 * C + 10, length: 0, shared: false },
      // Larger than the ring.
      { start: 6 * C + 3, length: 9 * C, shared: false },
      { start: 16 * C, length: 3 * C, shared: true },
      { start: 20 * C - 1, length: 2, shared: false },
      // Past the end of what the file holds.
      { start: size - 10, length: 100, shared: false },
    ];
    for (const slots of [1, 2, 3]) {
      for (const slow of [false, true]) {
        const { result, here } = await run(
          path,
          { size, ranges: [[0, size]], wholeFile: true, files: many },
          // A side slower than the thread: it waits for this side, and hashes the files it may share itself.
          { slots, each: slow ? () => sleep(1) : undefined },
        );
        everyFileOnce(result, here, many, data);
        expect(result!.whole?.toString('hex')).toBe(sha256Hex(data));
        expect(here.readItself).toEqual([]);
      }
    }
  });

  it('shares a tiny file', async () => {
    const tiny = data.subarray(0, 100);
    const tinyPath = join(dir, 'tiny.bin');
    writeFileSync(tinyPath, tiny);
    const few: ThreadFile[] = [
      { start: 3, length: 10, shared: false },
      { start: 13, length: 10, shared: true },
      { start: 60, length: 40, shared: false },
    ];
    const { result, here } = await run(tinyPath, { size: 100, ranges: [[0, 100]], wholeFile: true, files: few }, { slots: 1 });
    everyFileOnce(result, here, few, tiny);
    expect(result!.signed.toString('hex')).toBe(sha256Hex(tiny));
    expect(here.slots).toEqual([[0, 100]]);
  });

  it('ends with what there was when the file is shorter than the size it was given', async () => {
    const short = data.subarray(0, THREAD_CHUNK_BYTES * 5 + 99);
    const shortPath = join(dir, 'short.bin');
    writeFileSync(shortPath, short);
    const ranges = [
      [0, THREAD_CHUNK_BYTES * 6],
      [THREAD_CHUNK_BYTES * 6 + 10, size],
    ] as const;
    const cut: ThreadFile[] = [
      { start: THREAD_CHUNK_BYTES * 4, length: THREAD_CHUNK_BYTES * 3, shared: true },
      { start: THREAD_CHUNK_BYTES * 4 + 1, length: THREAD_CHUNK_BYTES * 3, shared: false },
      { start: THREAD_CHUNK_BYTES * 8, length: 10, shared: false },
    ];
    const { result, here } = await run(shortPath, { size, ranges, wholeFile: true, files: cut });
    expect(result!.signed.toString('hex')).toBe(sha256Hex(short));
    // It ended before the gap: the whole file is what the signature's hash saw.
    expect(result!.whole?.toString('hex')).toBe(sha256Hex(short));
    everyFileOnce(result, here, cut, short);
  });

  it('reads no further than it has something to hash (a damaged PDF has no ranges)', async () => {
    for (const [job, read] of [
      [{ ranges: [], files: [] }, 0],
      [{ ranges: [[0, THREAD_CHUNK_BYTES * 5 - 1]], files: [] }, THREAD_CHUNK_BYTES * 5],
      [{ ranges: [], files: [{ start: THREAD_CHUNK_BYTES * 2 + 1, length: 10, shared: true }] }, THREAD_CHUNK_BYTES * 3],
      // A file for this side it reads too: this side takes it from the ring.
      [{ ranges: [], files: [{ start: THREAD_CHUNK_BYTES * 2 + 1, length: 10, shared: false }] }, THREAD_CHUNK_BYTES * 3],
    ] as const) {
      const { result, here, bytesRead } = await run(path, { size, wholeFile: false, ...job });
      expect(result!.signed.toString('hex')).toBe(sha256Hex(...job.ranges.map(([s, e]) => data.subarray(s, e))));
      expect(bytesRead, JSON.stringify(job)).toBe(read);
      everyFileOnce(result, here, job.files, data);
    }
  });

  it('stops at once when asked while this side waits for a slot', async () => {
    const big = join(dir, 'big-waiting.bin');
    const bigSize = 64 * 1024 * 1024;
    writeFileSync(big, randomBytes(bigSize));
    const fd = openSync(big, 'r');
    const thread = new HashThread();
    try {
      // This side's only file is at the end: it waits for the thread's read to get there.
      thread.start({
        fd,
        size: bigSize,
        ranges: [[0, bigSize]],
        wholeFile: true,
        files: [{ start: bigSize - 10, length: 10, shared: false }],
      });
      expect(await thread.passedFiles()).toBe(0);
      const waiting = thread.nextSlot();
      thread.stop();
      expect(await waiting).toBeNull();
      expect(await thread.result()).toBeNull();
    } finally {
      await thread.close();
      closeSync(fd);
    }
  });

  it('waits for this side when the ring is full, and stops at once when asked then', async () => {
    const fd = openSync(path, 'r');
    const thread = new HashThread(2);
    try {
      thread.start({ fd, size, ranges: [[0, size]], wholeFile: false, files: [{ start: 0, length: size, shared: false }] });
      expect(await thread.passedFiles()).toBe(0);
      // This side takes two slots and releases neither: the thread has read two chunks and waits.
      expect((await thread.nextSlot())?.position).toBe(0);
      expect((await thread.nextSlot())?.position).toBe(THREAD_CHUNK_BYTES);
      while (thread.bytesRead < 2 * THREAD_CHUNK_BYTES) await sleep(1);
      await sleep(50);
      expect(thread.bytesRead).toBe(2 * THREAD_CHUNK_BYTES);
      // Releasing one slot lets it read one more chunk, into that slot.
      thread.release();
      expect((await thread.nextSlot())?.position).toBe(2 * THREAD_CHUNK_BYTES);
      thread.stop();
      expect(await thread.result()).toBeNull();
      expect(await thread.nextSlot()).toBeNull();
    } finally {
      await thread.close();
      closeSync(fd);
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
      thread.start({ fd: writeOnly, size, ranges: [[0, size]], wholeFile: false, files: [{ start: 0, length: 10, shared: false }] });
      // This side, waiting for the slot with its file, is told there will be none.
      expect(await thread.passedFiles()).toBe(0);
      expect(await thread.nextSlot()).toBeNull();
      await expect(thread.result()).rejects.toMatchObject({ code: 'EBADF' });
      expect(thread.failed).toMatchObject({ code: 'EBADF' });
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
      const [result, here] = await Promise.all([thread.result(), side(thread, fd, plan.files)]);
      return { result: result!, before, here };
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
    const { result, before, here } = await begun({
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
    // Those it had read past before it knew of them are read again, by this side from the first
    // on and the thread from the last back once its read is done; one it may not share, here.
    expect(here.passed).toBe(3);
    everyFileOnce(result, here, files, data);
    expect(here.readItself).toContain(0);
  });

  it('works on the files it had passed while the ring is full, instead of waiting for this side', async () => {
    const files: ThreadFile[] = [
      { start: 1_000, length: THREAD_CHUNK_BYTES * 2, shared: true },
      { start: THREAD_CHUNK_BYTES * 5, length: THREAD_CHUNK_BYTES * 3 + 7, shared: true },
      { start: THREAD_CHUNK_BYTES * 10, length: 10, shared: false },
      // This side's, after where the thread has got: it fills the ring of one slot.
      { start: ahead + 5, length: THREAD_CHUNK_BYTES * 4, shared: false },
    ];
    const fd = openSync(path, 'r');
    const thread = new HashThread(1);
    try {
      thread.begin({ fd, size });
      while (thread.bytesRead < ahead) await sleep(1);
      thread.start({ ranges: [[0, size]], wholeFile: false, files, fd, size });
      const claims = (thread as unknown as { claims: Int32Array }).claims;
      // This side holds the first slot until the thread has taken both files it may share (at most 5 s).
      const holdFirst = async (slot: number) => {
        for (let i = 0; slot === 1 && i < 5_000 && !(claims[0] === 1 && claims[1] === 1); i++) await sleep(1);
      };
      const [result, here] = await Promise.all([thread.result(), side(thread, fd, files, holdFirst)]);
      expect(here.passed).toBe(3);
      everyFileOnce(result, here, files, data);
      expect([...result!.hashed.keys()].sort()).toEqual([0, 1]);
      expect(here.readItself).toEqual([2]);
    } finally {
      await thread.close();
      closeSync(fd);
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
      const { result, here } = await begun({ ranges, wholeFile, files });
      expect(result.signed.toString('hex'), `wholeFile ${wholeFile}`).toBe(pieces(...ranges));
      expect(result.whole?.toString('hex') ?? null).toBe(wholeFile ? sha256Hex(data) : null);
      // A file it had passed is hashed too: in its read from byte 0 again, or apart once its read is done.
      everyFileOnce(result, here, files, data);
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

  it('does not keep the process alive while it has no plan', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'child', 'begun-thread.ts'), path], {
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
