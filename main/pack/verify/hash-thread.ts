import { Worker } from 'node:worker_threads';
import { readFully } from '../../fs/read-fully';

/** Bytes the second thread reads at a time: small enough to hash while still in the CPU's cache. */
export const THREAD_CHUNK_BYTES = 256 * 1024;

// Words of the shared board, an Int32Array over shared memory; the thread gets the same layout.
const BOARD = {
  stop: 0, // this thread asks the second to stop (cancelled, or this side failed)
  chunks: 1, // chunks the second thread has read and hashed (its progress)
  claims: 2, // per file, from here: who hashes it (0 nobody yet, 1 the second thread, 2 this one)
} as const;
const UNCLAIMED = 0;
const BY_THREAD = 1;
const BY_CALLER = 2;

// Plain CommonJS run with `eval`, so it works the same under tsx, vitest, and a bundled app.
// It reads the whole file in order, hashing the bytes inside the signed ranges into one hash
// and, when asked, every byte into the whole file's, which branches off the signature's at
// the gap when the gap is the only hole. Each file it may share that it reaches before the
// caller has claimed it, it claims and hashes too, from the same read. A short read is the
// end of the file, however long it was when the pass began.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const readFully = ${readFully.toString()};
parentPort.once('message', ({ fd, size, ranges, wholeFile, files, board, k }) => {
  const ctl = new Int32Array(board);
  try {
    const signed = createHash('sha256');
    const branch = wholeFile && ranges.length === 2 && ranges[0][0] === 0 && ranges[0][1] <= ranges[1][0] && ranges[1][1] === size;
    const gap = branch ? ranges[0][1] : 0;
    let whole = wholeFile && !branch ? createHash('sha256') : null;
    const buffer = Buffer.allocUnsafe(k.chunkBytes);
    const hashed = [];
    const active = [];
    let next = 0;
    let position = 0;
    while (position < size && Atomics.load(ctl, k.stop) === 0) {
      const want = Math.min(k.chunkBytes, size - position);
      const got = readFully(readSync, fd, buffer, 0, want, position);
      const start = position, end = position + got, piece = buffer.subarray(0, got);
      ranges.forEach(([from, to], i) => {
        const s = Math.max(from, start), e = Math.min(to, end);
        if (s < e) signed.update(piece.subarray(s - start, e - start));
        // Up to the gap both hashes are one: the whole file's branches off there.
        if (i === 0 && branch && whole === null && to <= end) whole = signed.copy();
      });
      const wholeFrom = branch ? Math.max(gap, start) : start;
      if (whole && wholeFrom < end) whole.update(piece.subarray(wholeFrom - start));
      // The files that begin in this chunk: each one it may share and the caller has not taken is its own.
      for (; next < files.length && files[next].start < end; next++) {
        const f = files[next];
        if (f.shared && Atomics.compareExchange(ctl, k.claims + next, ${UNCLAIMED}, ${BY_THREAD}) === ${UNCLAIMED})
          active.push({ index: next, start: f.start, end: f.start + f.length, hash: createHash('sha256'), size: 0 });
      }
      for (let i = 0; i < active.length; ) {
        const a = active[i];
        const s = Math.max(a.start, start), e = Math.min(a.end, end);
        if (s < e) {
          a.hash.update(piece.subarray(s - start, e - start));
          a.size += e - s;
        }
        if (a.end <= end) {
          hashed.push({ index: a.index, sha256: a.hash.digest('hex'), size: a.size });
          active.splice(i, 1);
        } else i += 1;
      }
      position = end;
      Atomics.add(ctl, k.progress, 1);
      if (got < want) break;
    }
    if (Atomics.load(ctl, k.stop) !== 0) {
      parentPort.postMessage({ op: 'stopped' });
      return;
    }
    // Files cut short by the end of the file end with what there was.
    for (const a of active) hashed.push({ index: a.index, sha256: a.hash.digest('hex'), size: a.size });
    // A file that ended before its gap: the whole file is what the signature's hash has seen.
    if (wholeFile && whole === null) whole = signed.copy();
    parentPort.postMessage({ op: 'done', signed: signed.digest(), whole: whole ? whole.digest() : null, hashed, read: position });
  } catch (err) {
    parentPort.postMessage({ op: 'error', message: String(err && err.message), code: err && err.code, syscall: err && err.syscall });
  }
});
`;

/** An embedded file's bytes in the file, and whether the second thread may hash them (stored as they are, nothing else to do). */
export interface ThreadFile {
  readonly start: number;
  readonly length: number;
  readonly shared: boolean;
}

export interface HashThreadJob {
  /** An open file descriptor: both threads read this one file, never a path opened twice. */
  readonly fd: number;
  /** Bytes to read: the file's size when the pass began; a file that shrank ends early. */
  readonly size: number;
  /** The byte ranges whose concatenation is the signed digest (in file order). */
  readonly ranges: readonly (readonly [number, number])[];
  /** Also hash the whole file. */
  readonly wholeFile: boolean;
  /** The embedded files, in order of where they start. */
  readonly files: readonly ThreadFile[];
}

export interface HashThreadResult {
  readonly signed: Buffer;
  readonly whole: Buffer | null;
  /** The SHA-256 (hex) and size of each file the second thread hashed, by its index in the job's files. */
  readonly hashed: ReadonlyMap<number, { readonly sha256: string; readonly size: number }>;
}

/**
 * The second thread of a verification. It reads the whole file once, in order, for the
 * signature's digest (and the whole file's); that is as much work as hashing every embedded
 * file, which this thread does. To share the rest evenly, both take the embedded files in
 * order, each claiming the next one nobody has: this thread as it gets to each file, the
 * second as its read reaches one this thread has not taken (only files stored as they are:
 * decoding, a checksum and a sink stay here). Whichever is behind does less, so neither waits
 * for the other, whatever start-up cost or decoding falls on this side. A file this thread
 * takes it reads itself, from the same descriptor.
 */
export class HashThread {
  private readonly worker: Worker;
  private readonly outcome: Promise<HashThreadResult | null>;
  private board: Int32Array | null = null;
  private failure: Error | null = null;
  private used = false;
  private stopped = false;

  /** Starts the thread, which then waits for `start`: start it early, it takes a while to boot. */
  constructor() {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
    // A thread started and never used must not keep the process alive; one that runs does.
    this.worker.unref();
    this.outcome = new Promise<HashThreadResult | null>((resolve, reject) => {
      this.worker.on(
        'message',
        (
          m:
            | { op: 'done'; signed: Uint8Array; whole: Uint8Array | null; hashed: { index: number; sha256: string; size: number }[] }
            | { op: 'stopped' }
            | { op: 'error'; message: string; code?: string; syscall?: string },
        ) => {
          if (m.op === 'done')
            resolve({
              signed: Buffer.from(m.signed),
              whole: m.whole ? Buffer.from(m.whole) : null,
              hashed: new Map(m.hashed.map((h) => [h.index, { sha256: h.sha256, size: h.size }])),
            });
          else if (m.op === 'stopped') resolve(null);
          else reject(Object.assign(new Error(m.message), { code: m.code, syscall: m.syscall }));
        },
      );
      this.worker.on('error', reject);
      // A thread that stops for any reason must fail the wait on it, or the caller hangs forever.
      this.worker.on('exit', (code) => reject(new Error(`the thread reading it stopped with exit code ${code}`)));
    });
    this.outcome.catch((e: Error) => {
      this.failure ??= e;
    });
  }

  /** Hands the thread its job; it starts reading at once. Runs once. */
  start(job: HashThreadJob): void {
    if (this.used) throw new Error('A hash thread runs one pass.');
    this.used = true;
    const board = new Int32Array(new SharedArrayBuffer((BOARD.claims + job.files.length) * 4));
    if (this.stopped) board[BOARD.stop] = 1;
    this.board = board;
    this.worker.ref();
    this.worker.postMessage({
      fd: job.fd,
      size: job.size,
      ranges: job.ranges.map(([s, e]) => [s, e]),
      wholeFile: job.wholeFile,
      files: job.files.map((f) => ({ start: f.start, length: f.length, shared: f.shared })),
      board: board.buffer,
      k: { chunkBytes: THREAD_CHUNK_BYTES, stop: BOARD.stop, progress: BOARD.chunks, claims: BOARD.claims },
    });
  }

  /** Claims file `index` for this thread; false when the second thread took it first. */
  claim(index: number): boolean {
    return Atomics.compareExchange(this.board!, BOARD.claims + index, UNCLAIMED, BY_CALLER) === UNCLAIMED;
  }

  /** Bytes the second thread has read and hashed so far (a lower bound once it has finished). */
  get bytesRead(): number {
    return this.board ? Atomics.load(this.board, BOARD.chunks) * THREAD_CHUNK_BYTES : 0;
  }

  /** The thread's failure (a read that failed, the thread gone), once it has been reported. */
  get failed(): Error | null {
    return this.failure;
  }

  /** The digests, once the thread has read to the end; null when it was stopped first. */
  result(): Promise<HashThreadResult | null> {
    return this.outcome;
  }

  /** Asks the thread to stop at its next chunk (cancelled, or this side failed); before `start`, it stops at once. */
  stop(): void {
    this.stopped = true;
    if (this.board) Atomics.store(this.board, BOARD.stop, 1);
  }

  /** Stops the thread; the file may be closed once this has returned. */
  async close(): Promise<void> {
    this.stop();
    await this.worker.terminate();
  }
}
