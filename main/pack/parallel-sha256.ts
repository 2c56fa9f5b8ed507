import { fdatasync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { adler32 } from './adler32';
import { startEvalWorker, THREAD_FAILED, threadError, threadFailedSource, type ThreadFailure } from './eval-worker';

/** Bytes per slot of the shared ring: small enough that a slot is still in cache when hashed and written. */
export const SLOT_BYTES = 128 * 1024;
const SLOTS = 32;
/** Commands the queue holds: every slot's, plus room for the few copies and digests between them. */
const QUEUE = 256;
/**
 * While a file is written, its pages are flushed to disk in the background after each this
 * many bytes: the final fsync then waits only for the last few, not the whole pack.
 */
const BACKGROUND_SYNC_BYTES = 64 * 1024 * 1024;

// Control words, in an Int32Array over shared memory.
const HEAD = 0; // commands posted by the caller
const TAIL = 1; // commands the thread has finished
// Each side wakes the other only when it may be asleep: a futex wake per chunk costs more than
// hashing a small one. Both flags are set before the last check, and waits re-check the value.
const SLEEPING = 2; // the thread is (about to be) waiting for commands
const WAITING = 3; // the caller is (about to be) waiting for the thread
const FIELDS = 4; // per command: op, hash id, ring start, length
const CONTROL_WORDS = 4 + QUEUE * FIELDS;

const OP_UPDATE = 1;
const OP_COPY = 2;
const OP_DIGEST = 3;
const OP_STOP = 4;
const OP_BEGIN = 5;
/** Hash id meaning "write only, hash nothing". */
const NO_HASH = -1;

// Plain CommonJS run with `eval`, so it works the same under tsx, vitest, and a bundled app.
// The thread sleeps in Atomics.wait until the caller posts a command, and runs the commands
// in order: hash a ring piece (and, when given a position, write it there), branch a hash,
// or report a digest. It never touches the event loop while commands flow.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { writeSync } = require('node:fs');
const { ring, control, positions, queue, fd } = workerData;
const bytes = Buffer.from(ring);
const ctl = new Int32Array(control);
const at = new Float64Array(positions);
const hashes = new Map([[0, createHash('sha256')]]);
const adlers = new Map();
const adler32 = ${adler32.toString()};
const ${THREAD_FAILED} = ${threadFailedSource};
let done = 0;
let failed = false;
function run(e) {
  const base = 4 + e * 4;
  const op = ctl[base], id = ctl[base + 1], start = ctl[base + 2], length = ctl[base + 3];
  if (op === ${OP_UPDATE}) {
    const piece = bytes.subarray(start, start + length);
    if (id !== ${NO_HASH}) hashes.get(id).update(piece);
    if (adlers.has(id)) adlers.set(id, adler32(piece, adlers.get(id)));
    const position = at[e];
    if (position >= 0) {
      for (let written = 0; written < length; ) written += writeSync(fd, piece, written, length - written, position + written);
    }
  } else if (op === ${OP_COPY}) {
    hashes.set(id, hashes.get(start).copy());
  } else if (op === ${OP_BEGIN}) {
    hashes.set(id, createHash('sha256'));
    if (start === 1) adlers.set(id, 1);
  } else if (op === ${OP_DIGEST}) {
    const digest = hashes.get(id).digest();
    const adler = adlers.has(id) ? adlers.get(id) : null;
    hashes.delete(id);
    adlers.delete(id);
    parentPort.postMessage({ op: 'digest', id, digest, adler });
  }
  return op !== ${OP_STOP};
}
for (let running = true; running; ) {
  let head = Atomics.load(ctl, ${HEAD});
  if (head === done) {
    Atomics.store(ctl, ${SLEEPING}, 1);
    head = Atomics.load(ctl, ${HEAD});
    if (head === done) Atomics.wait(ctl, ${HEAD}, head);
    Atomics.store(ctl, ${SLEEPING}, 0);
    continue;
  }
  while (done < head && running) {
    const e = done % queue;
    if (ctl[4 + e * 4] === ${OP_STOP}) running = false;
    else if (!failed) {
      try {
        run(e);
      } catch (err) {
        failed = true;
        ${THREAD_FAILED}(err);
      }
    }
    done += 1;
    Atomics.store(ctl, ${TAIL}, done);
    if (Atomics.load(ctl, ${WAITING}) === 1) Atomics.notify(ctl, ${TAIL});
  }
}
`;

/** Atomics.waitAsync (Node 16 and later; typed only from the ES2024 library on). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

/** A slot of the shared ring, handed to the caller to fill and then `commit`. */
export interface RingSlot {
  readonly index: number;
  /** SLOT_BYTES of shared memory the caller may write (e.g. read a file straight into). */
  readonly view: Buffer;
}

export interface Finished {
  readonly sha256: Buffer;
  readonly adler32: number | null;
}

export interface ParallelSha256Options {
  /**
   * A file descriptor open for writing: pieces committed with a position are also written
   * there by the hashing thread, so writing a pack costs this thread nothing. The caller keeps
   * it open until `digest` or `drain` has returned.
   */
  readonly writeFd?: number;
}

/**
 * SHA-256 computed on another thread, so hashing the signed byte ranges (and, for a pack
 * being written, writing them) runs on the second core while this thread reads and hashes
 * evidence. Bytes travel through a fixed ring of shared memory (32 × 128 KiB) and commands
 * through a queue in shared memory signalled with Atomics, so nothing is allocated or
 * messaged per chunk and memory stays flat however large the file. Several hashes can branch
 * off one prefix with `copy`, as the signature digest and the whole-file digest do.
 */
export class ParallelSha256 {
  private readonly ring = new SharedArrayBuffer(SLOT_BYTES * SLOTS);
  private readonly control = new Int32Array(new SharedArrayBuffer(CONTROL_WORDS * 4));
  private readonly positions = new Float64Array(new SharedArrayBuffer(QUEUE * 8));
  private readonly worker: Worker;
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => SLOTS - 1 - i);
  /** The ring slot each posted command holds until the thread has finished it (-1: none). */
  private readonly slotOf = new Int32Array(QUEUE).fill(-1);
  private posted = 0;
  private reclaimed = 0;
  private readonly digests = new Map<number, { resolve: (d: Finished) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;
  private nextId = 1;
  private readonly writeFd: number;
  private unsynced = 0;
  private syncing: Promise<void> | null = null;

  constructor(options: ParallelSha256Options = {}) {
    this.writeFd = options.writeFd ?? -1;
    this.worker = startEvalWorker<{ op: 'digest'; id: number; digest: Uint8Array; adler: number | null } | ThreadFailure>(
      'the hashing thread',
      WORKER_SOURCE,
      { ring: this.ring, control: this.control.buffer, positions: this.positions.buffer, queue: QUEUE, fd: options.writeFd ?? -1 },
      {
        message: (m) => {
          // A write that failed (a full disk, say): its errno code reaches the caller, who words it.
          if (m.op === 'error') return this.fail(threadError(m));
          this.digests.get(m.id)?.resolve({ sha256: Buffer.from(m.digest), adler32: m.adler });
          this.digests.delete(m.id);
        },
        gone: (cause) => this.fail(cause),
      },
    );
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const pending of this.digests.values()) pending.reject(this.failure);
    this.digests.clear();
    // Wake a caller waiting for the thread to make progress: it sees the failure.
    Atomics.notify(this.control, TAIL);
  }

  /** Returns the slots of the commands the thread has finished to the free list. */
  private reclaim(): void {
    const tail = Atomics.load(this.control, TAIL);
    for (; this.reclaimed < tail; this.reclaimed++) {
      const e = this.reclaimed % QUEUE;
      const slot = this.slotOf[e]!;
      if (slot >= 0) this.free.push(slot);
      this.slotOf[e] = -1;
    }
  }

  /** Waits until the thread finishes at least one more command (or fails). */
  private async progress(): Promise<void> {
    Atomics.store(this.control, WAITING, 1);
    try {
      const tail = Atomics.load(this.control, TAIL);
      if (tail !== this.reclaimed || this.failure) return;
      const wait = waitAsync(this.control, TAIL, tail);
      if (wait.async) await wait.value;
    } finally {
      Atomics.store(this.control, WAITING, 0);
    }
  }

  private post(op: number, id: number, start: number, length: number, slot = -1, position = -1): void {
    if (this.failure) throw this.failure;
    if (this.posted - Atomics.load(this.control, TAIL) >= QUEUE) throw new Error('The hashing queue is full.');
    const e = this.posted % QUEUE;
    const base = 4 + e * FIELDS;
    this.control[base] = op;
    this.control[base + 1] = id;
    this.control[base + 2] = start;
    this.control[base + 3] = length;
    this.positions[e] = position;
    this.slotOf[e] = slot;
    this.posted += 1;
    Atomics.store(this.control, HEAD, this.posted);
    if (Atomics.load(this.control, SLEEPING) === 1) Atomics.notify(this.control, HEAD);
  }

  /** Waits for a free slot of the ring. */
  async acquire(): Promise<RingSlot> {
    for (;;) {
      if (this.failure) throw this.failure;
      this.reclaim();
      const index = this.free.pop();
      if (index !== undefined) return { index, view: Buffer.from(this.ring, index * SLOT_BYTES, SLOT_BYTES) };
      await this.progress();
    }
  }

  /**
   * Hands `length` bytes from `offset` within the slot to hash `id` (null: hash nothing) and,
   * with `writeAt`, to be written at that position of the write file; the slot returns when done.
   */
  commit(slot: RingSlot, offset: number, length: number, id: number | null = 0, writeAt = -1): void {
    if (length === 0) {
      this.free.push(slot.index);
      return;
    }
    this.post(OP_UPDATE, id ?? NO_HASH, slot.index * SLOT_BYTES + offset, length, slot.index, writeAt);
    if (writeAt >= 0) this.syncInBackground(length);
  }

  /**
   * Starts flushing written pages to disk on libuv's thread pool once enough have gathered
   * (one flush at a time). It only starts the disk early: a failure here is left to the
   * caller's own final fsync, which reports it.
   */
  private syncInBackground(length: number): void {
    this.unsynced += length;
    if (this.unsynced < BACKGROUND_SYNC_BYTES || this.syncing || this.writeFd < 0) return;
    this.unsynced = 0;
    this.syncing = new Promise<void>((resolve) => fdatasync(this.writeFd, () => resolve())).then(() => {
      this.syncing = null;
    });
  }

  /**
   * Whether the caller should write the next piece itself: true when the thread is behind
   * (fewer than half the slots free), so writing is shared between the two threads.
   */
  get behind(): boolean {
    this.reclaim();
    return this.free.length < SLOTS / 2;
  }

  /** The file descriptor pieces are written to (-1: none). */
  get fd(): number {
    return this.writeFd;
  }

  /** Hands a piece the caller has already written at `position` (see `behind`) to hash `id`. */
  commitWritten(slot: RingSlot, length: number, id = 0): void {
    this.commit(slot, 0, length, id);
    if (length > 0) this.syncInBackground(length);
  }

  /** Adds bytes to hash `id` (0, the first one, by default), copying them into the ring. */
  async update(chunk: Uint8Array, id = 0): Promise<void> {
    for (let done = 0; done < chunk.length;) {
      const slot = await this.acquire();
      const n = Math.min(SLOT_BYTES, chunk.length - done);
      slot.view.set(chunk.subarray(done, done + n));
      this.commit(slot, 0, n, id);
      done += n;
    }
  }

  /** A new hash that continues from `from`'s current state; returns its id. */
  copy(from = 0): number {
    const to = this.nextId++;
    this.post(OP_COPY, to, from, 0);
    return to;
  }

  /**
   * A new, empty hash (for one evidence file's own SHA-256, say); with `withAdler`, the thread
   * also keeps the Adler-32 of the same bytes, which `finish` returns. Returns its id.
   */
  begin(withAdler = false): number {
    const id = this.nextId++;
    this.post(OP_BEGIN, id, withAdler ? 1 : 0, 0);
    return id;
  }

  async digest(id = 0): Promise<Buffer> {
    return (await this.finish(id)).sha256;
  }

  /** The hash's SHA-256, and its Adler-32 when it was begun with one; the id is then gone. */
  finish(id = 0): Promise<Finished> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digests.set(id, { resolve, reject });
      this.post(OP_DIGEST, id, 0, 0);
    });
  }

  /** Waits until every command posted so far is finished: every write is in the file. */
  async drain(): Promise<void> {
    for (;;) {
      if (this.failure) throw this.failure;
      this.reclaim();
      if (this.reclaimed === this.posted) break;
      await this.progress();
    }
    await this.syncing;
  }

  /** Stops the thread; the write file may be closed once this has returned. */
  async close(): Promise<void> {
    // A background flush still queued must not run on a descriptor closed (and reused) meanwhile.
    await this.syncing;
    if (!this.failure) {
      this.failure = new Error('The hashing thread was closed.');
      this.postStop();
    }
    await this.worker.terminate();
  }

  private postStop(): void {
    const e = this.posted % QUEUE;
    this.control[4 + e * FIELDS] = OP_STOP;
    this.posted += 1;
    Atomics.store(this.control, HEAD, this.posted);
    Atomics.notify(this.control, HEAD);
  }
}
