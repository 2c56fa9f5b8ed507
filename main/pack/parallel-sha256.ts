import { Worker } from 'node:worker_threads';

// Plain CommonJS run with `eval`, so it works the same under tsx, vitest, and a bundled app.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const ring = new Uint8Array(workerData.ring);
const hashes = new Map([[0, createHash('sha256')]]);
parentPort.on('message', (m) => {
  if (m.op === 'update') {
    hashes.get(m.id).update(ring.subarray(m.start, m.start + m.length));
    parentPort.postMessage({ op: 'free', slot: m.slot });
  } else if (m.op === 'copy') {
    hashes.set(m.to, hashes.get(m.from).copy());
  } else if (m.op === 'digest') {
    const digest = hashes.get(m.id).digest();
    hashes.delete(m.id);
    parentPort.postMessage({ op: 'digest', id: m.id, digest });
  }
});
`;

export const SLOT_BYTES = 2 * 1024 * 1024;
const SLOTS = 8;

/** A slot of the shared ring, handed to the caller to fill and then `commit`. */
export interface RingSlot {
  readonly index: number;
  /** SLOT_BYTES of shared memory the caller may write (e.g. read a file straight into). */
  readonly view: Buffer;
}

/**
 * SHA-256 computed on another thread, so hashing the signed byte ranges runs on the second
 * core while this thread reads, writes and hashes evidence. Bytes travel through a fixed
 * ring of shared memory (8 × 2 MiB), so nothing is allocated per chunk and memory stays flat
 * however large the file. Several hashes can branch off one prefix with `copy`, as the
 * signature digest and the whole-file digest do.
 */
export class ParallelSha256 {
  private readonly ring = new SharedArrayBuffer(SLOT_BYTES * SLOTS);
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { ring: this.ring } });
  private readonly free: number[] = Array.from({ length: SLOTS }, (_, i) => i);
  private waiters: (() => void)[] = [];
  private readonly digests = new Map<number, { resolve: (d: Buffer) => void; reject: (e: Error) => void }>();
  private failure: Error | null = null;
  private nextId = 1;

  constructor() {
    this.worker.on('message', (m: { op: 'free'; slot: number } | { op: 'digest'; id: number; digest: Uint8Array }) => {
      if (m.op === 'free') {
        this.free.push(m.slot);
        this.wake();
      } else {
        this.digests.get(m.id)?.resolve(Buffer.from(m.digest));
        this.digests.delete(m.id);
      }
    });
    this.worker.on('error', (e) => this.fail(e));
    // A worker that stops for any reason must fail every wait on it, or a caller hangs forever.
    this.worker.on('exit', (code) => this.fail(new Error(`The hashing thread stopped (exit code ${code}).`)));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    this.wake();
    for (const pending of this.digests.values()) pending.reject(this.failure);
    this.digests.clear();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }

  /** Waits for a free slot of the ring. */
  async acquire(): Promise<RingSlot> {
    while (this.free.length === 0 && !this.failure) await new Promise<void>((resolve) => this.waiters.push(resolve));
    if (this.failure) throw this.failure;
    const index = this.free.pop()!;
    return { index, view: Buffer.from(this.ring, index * SLOT_BYTES, SLOT_BYTES) };
  }

  /** Hands `length` bytes from `offset` within the slot to hash `id`; the slot returns when hashed. */
  commit(slot: RingSlot, offset: number, length: number, id = 0): void {
    if (length === 0) {
      this.free.push(slot.index);
      this.wake();
      return;
    }
    this.worker.postMessage({ op: 'update', id, slot: slot.index, start: slot.index * SLOT_BYTES + offset, length });
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
    this.worker.postMessage({ op: 'copy', from, to });
    return to;
  }

  digest(id = 0): Promise<Buffer> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.digests.set(id, { resolve, reject });
      this.worker.postMessage({ op: 'digest', id });
    });
  }

  async close(): Promise<void> {
    this.failure ??= new Error('The hashing thread was closed.');
    await this.worker.terminate();
  }
}
