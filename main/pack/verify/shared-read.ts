import { readSync } from 'node:fs';
import { Worker } from 'node:worker_threads';

/** Bytes per chunk: small enough that a chunk is still in the CPU's cache when each thread hashes it. */
export const CHUNK_BYTES = 128 * 1024;
/** Chunks in the ring: how far either thread may run ahead of the other. */
const SLOTS = 32;

// Control words, in an Int32Array over shared memory; the second thread gets the same layout.
const LAYOUT = {
  slots: SLOTS,
  chunkBytes: CHUNK_BYTES,
  claimed: 0, // chunks claimed for reading, by either thread, in order
  signed: 1, // chunks the second thread has hashed (the signed ranges, the whole file)
  consumed: 2, // chunks this thread has handed to its consumer
  epoch: 3, // changes whenever either thread makes progress; the word both wait on
  threadSleeps: 4, // the second thread is (about to be) waiting
  callerSleeps: 5, // this thread is (about to be) waiting
  stop: 6, // this thread asks the second to stop (cancelled or failed)
  failed: 7, // the second thread failed; its error follows as a message
  read: 8, // per slot: the number of the chunk read into it, plus one
  length: 8 + SLOTS, // per slot: the bytes read into it
} as const;
type Layout = typeof LAYOUT;
const CONTROL_WORDS = LAYOUT.length + SLOTS;

/** How long a wait lasts at most before the waiter looks again (a stop, a failure). */
const WAIT_MS = 20;

type ReadFn = (fd: number, buffer: Buffer, offset: number, length: number, position: number) => number;

/**
 * Claims the next chunk not yet read, if its slot is free, and reads it into the slot.
 * Either thread runs it (the second from its source text, so it uses nothing but its
 * arguments). Returns whether a chunk was read.
 */
function claimAndRead(ctl: Int32Array, bytes: Buffer, fd: number, size: number, total: number, read: ReadFn, k: Layout): boolean {
  for (;;) {
    const chunk = Atomics.load(ctl, k.claimed);
    const free = Math.min(Atomics.load(ctl, k.signed), Atomics.load(ctl, k.consumed)) + k.slots;
    if (chunk >= total || chunk >= free || Atomics.load(ctl, k.stop) !== 0) return false;
    if (Atomics.compareExchange(ctl, k.claimed, chunk, chunk + 1) !== chunk) continue;
    const slot = chunk % k.slots;
    const start = chunk * k.chunkBytes;
    const want = Math.min(k.chunkBytes, size - start);
    let got = 0;
    while (got < want) {
      const n = read(fd, bytes, slot * k.chunkBytes + got, want - got, start + got);
      if (n === 0) break;
      got += n;
    }
    ctl[k.length + slot] = got;
    Atomics.store(ctl, k.read + slot, chunk + 1);
    return true;
  }
}

// Plain CommonJS run with `eval`, so it works the same under tsx, vitest, and a bundled app.
// It hashes every chunk in order: the bytes inside the signed ranges into one hash and, when
// asked, every byte into the whole file's, which branches off the signature's at the gap
// when the gap is the only hole. When its next chunk is not read yet, it reads one itself.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const { ring, control, k } = workerData;
const bytes = Buffer.from(ring);
const ctl = new Int32Array(control);
const claimAndRead = ${claimAndRead.toString()};
// The thread starts before its job is known (it boots while the caller reads the file's
// structure); the job comes as one message.
parentPort.once('message', ({ fd, size, total, ranges, wholeFile }) => {
  const signed = createHash('sha256');
  const branch = wholeFile && ranges.length === 2 && ranges[0][0] === 0 && ranges[0][1] <= ranges[1][0] && ranges[1][1] === size;
  const gap = branch ? ranges[0][1] : 0;
  let whole = wholeFile && !branch ? createHash('sha256') : null;
  function hashChunk(start, piece) {
    const end = start + piece.length;
    ranges.forEach(([from, to], i) => {
      const s = Math.max(from, start), e = Math.min(to, end);
      if (s < e) signed.update(piece.subarray(s - start, e - start));
      // Up to the gap both hashes are one: the whole file's branches off there.
      if (i === 0 && branch && whole === null && to <= end) whole = signed.copy();
    });
    const from = branch ? Math.max(gap, start) : start;
    if (whole && from < end) whole.update(piece.subarray(from - start));
  }
  try {
    for (let chunk = 0; chunk < total; ) {
      if (Atomics.load(ctl, k.stop) !== 0) break;
      const epoch = Atomics.load(ctl, k.epoch);
      const slot = chunk % k.slots;
      if (Atomics.load(ctl, k.read + slot) === chunk + 1) {
        const length = ctl[k.length + slot];
        const start = chunk * k.chunkBytes;
        hashChunk(start, bytes.subarray(slot * k.chunkBytes, slot * k.chunkBytes + length));
        chunk += 1;
        // A short chunk is the end of the file, however long it was when the pass began.
        if (length < Math.min(k.chunkBytes, size - start)) chunk = total;
        Atomics.store(ctl, k.signed, chunk);
      } else if (!claimAndRead(ctl, bytes, fd, size, total, readSync, k)) {
        Atomics.store(ctl, k.threadSleeps, 1);
        Atomics.wait(ctl, k.epoch, epoch, ${WAIT_MS});
        Atomics.store(ctl, k.threadSleeps, 0);
        continue;
      }
      Atomics.add(ctl, k.epoch, 1);
      if (Atomics.load(ctl, k.callerSleeps) === 1) Atomics.notify(ctl, k.epoch);
    }
    if (Atomics.load(ctl, k.stop) === 0) {
      // A file that ended before its gap: the whole file is what the signature's hash has seen.
      if (wholeFile && whole === null) whole = signed.copy();
      parentPort.postMessage({ op: 'done', signed: signed.digest(), whole: whole ? whole.digest() : null });
    }
  } catch (err) {
    Atomics.store(ctl, k.failed, 1);
    Atomics.add(ctl, k.epoch, 1);
    Atomics.notify(ctl, k.epoch);
    parentPort.postMessage({ op: 'error', message: String(err && err.message), code: err && err.code, syscall: err && err.syscall });
  }
});
`;

export interface SharedReadJob {
  /** An open file descriptor: both threads read this one file, never a path opened twice. */
  readonly fd: number;
  /** Bytes to read: the file's size when the pass began; a file that shrank ends early. */
  readonly size: number;
  /** The byte ranges whose concatenation is the signed digest (in file order). */
  readonly ranges: readonly (readonly [number, number])[];
  /** Also hash the whole file. */
  readonly wholeFile: boolean;
}

export interface SharedReadDigests {
  readonly signed: Buffer;
  readonly whole: Buffer | null;
}

/**
 * Receives each chunk in file order, on this thread. `piece` is valid only until the returned
 * promise (if any) settles: the ring reuses it after that.
 */
export type ChunkConsumer = (piece: Buffer, offset: number) => Promise<void> | void;

/**
 * One read of a file, shared by two threads: whichever thread is free reads the next chunk
 * into a ring of shared memory (32 × 128 KiB); the second thread hashes every chunk for the
 * signature (and the whole file), this one hands every chunk to its consumer (the embedded
 * files' hashes and decoders). Reading costs about as much as hashing here, so neither thread
 * does all of it: each takes the next chunk when its own work is waiting for one.
 */
export class SharedRead {
  private readonly ring = new SharedArrayBuffer(CHUNK_BYTES * SLOTS);
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  private readonly bytes = Buffer.from(this.ring);
  private readonly worker: Worker;
  private readonly outcome: Promise<SharedReadDigests>;
  private failure: Error | null = null;
  private used = false;

  /** Starts the second thread, which then waits for `run`: start it early, it takes a while to boot. */
  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring: this.ring, control: this.control.buffer, k: LAYOUT } });
    // A thread started and never used must not keep the process alive; one that runs does.
    this.worker.unref();
    this.outcome = new Promise<SharedReadDigests>((resolve, reject) => {
      this.worker.on(
        'message',
        (
          m:
            | { op: 'done'; signed: Uint8Array; whole: Uint8Array | null }
            | { op: 'error'; message: string; code?: string; syscall?: string },
        ) => {
          if (m.op === 'done') resolve({ signed: Buffer.from(m.signed), whole: m.whole ? Buffer.from(m.whole) : null });
          else reject(Object.assign(new Error(m.message), { code: m.code, syscall: m.syscall }));
        },
      );
      this.worker.on('error', reject);
      // A thread that stops for any reason must fail the wait on it, or the caller hangs forever.
      this.worker.on('exit', (code) => reject(new Error(`The hashing thread stopped (exit code ${code}).`)));
    });
    this.outcome.catch((e: Error) => {
      this.failure ??= e;
    });
  }

  /**
   * Hands every chunk to `consume` in order and returns the second thread's digests. After
   * each chunk, `pace` may return a promise to await (a turn of the event loop); before each,
   * `check` may throw to end the pass (cancelled, or the consumer failed).
   */
  async run(
    job: SharedReadJob,
    consume: ChunkConsumer,
    pace: (bytes: number) => Promise<void> | null,
    check: () => void,
  ): Promise<SharedReadDigests> {
    if (this.used) throw new Error('A shared read runs once.');
    this.used = true;
    const ctl = this.control;
    const { fd, size } = job;
    const total = Math.ceil(size / CHUNK_BYTES);
    this.worker.ref();
    this.worker.postMessage({ fd, size, total, ranges: job.ranges.map(([s, e]) => [s, e]), wholeFile: job.wholeFile });
    for (let chunk = 0; chunk < total;) {
      check();
      if (this.failure || Atomics.load(ctl, LAYOUT.failed) !== 0) return this.outcome;
      const epoch = Atomics.load(ctl, LAYOUT.epoch);
      const slot = chunk % SLOTS;
      if (Atomics.load(ctl, LAYOUT.read + slot) !== chunk + 1) {
        if (claimAndRead(ctl, this.bytes, fd, size, total, readSync, LAYOUT)) {
          this.progressed();
          continue;
        }
        // The other thread is reading this chunk, or the ring is full until it hashes: this
        // thread has nothing else to do meanwhile. A wait that runs out gives the event loop a
        // turn, where a thread that stopped is reported.
        Atomics.store(ctl, LAYOUT.callerSleeps, 1);
        const woken = Atomics.wait(ctl, LAYOUT.epoch, epoch, WAIT_MS);
        Atomics.store(ctl, LAYOUT.callerSleeps, 0);
        if (woken === 'timed-out') await new Promise((resolve) => setImmediate(resolve));
        continue;
      }
      const length = ctl[LAYOUT.length + slot]!;
      const start = chunk * CHUNK_BYTES;
      const pending = consume(this.bytes.subarray(slot * CHUNK_BYTES, slot * CHUNK_BYTES + length), start);
      if (pending) await pending;
      chunk += 1;
      // A short chunk is the end of the file, however long it was when the pass began.
      if (length < Math.min(CHUNK_BYTES, size - start)) chunk = total;
      Atomics.store(ctl, LAYOUT.consumed, chunk);
      this.progressed();
      const turn = pace(length);
      if (turn) await turn;
    }
    return this.outcome;
  }

  private progressed(): void {
    Atomics.add(this.control, LAYOUT.epoch, 1);
    if (Atomics.load(this.control, LAYOUT.threadSleeps) === 1) Atomics.notify(this.control, LAYOUT.epoch);
  }

  /** Stops the second thread; the file may be closed once this has returned. */
  async close(): Promise<void> {
    Atomics.store(this.control, LAYOUT.stop, 1);
    Atomics.notify(this.control, LAYOUT.epoch);
    await this.worker.terminate();
  }
}
