import { MessageChannel, type MessagePort, type Worker } from 'node:worker_threads';
import { readFully } from '../../fs/read-fully';
import { startEvalWorker, THREAD_FAILED, threadError, threadFailedSource, type ThreadFailure } from '../eval-worker';

/** Bytes the second thread reads at a time: small enough to hash while still in the CPU's cache. */
export const THREAD_CHUNK_BYTES = 256 * 1024;

/**
 * What the thread leaves unread at the end of the file until it knows where the signature's gap
 * is (begin): more than any pack this app writes has after the start of its gap (the 32 KiB
 * gap, then the signature dictionary's tail, the last update's cross-reference section and the
 * trailer: about 37 KB for the bench's 1 GiB pack, 20 bytes more per object the last update
 * writes). A pack whose gap lies earlier is still hashed exactly: the thread starts again from
 * byte 0, at the cost of the bytes read twice.
 */
export const UNPLANNED_TAIL_BYTES = 16 * 1024 * 1024;

// Words of the control board, an Int32Array over shared memory; the thread gets the same layout.
const BOARD = {
  stop: 0, // this thread asks the second to stop (cancelled, or this side failed)
  chunks: 1, // chunks the second thread has read and hashed (its progress)
  wake: 2, // set (and notified) when the plan is posted or a stop asked: the thread waits on it
} as const;
const BOARD_WORDS = 3;
// Each file's claim word (in a board of its own, sent with the plan): 0 nobody yet, 1 the second thread, 2 this one.
const UNCLAIMED = 0;
const BY_THREAD = 1;
const BY_CALLER = 2;

// Plain CommonJS run with `eval`, so it works the same under tsx, vitest, and a bundled app.
// It starts as soon as it has the file (begin): while this side still reads the structure, it
// hashes the file from byte 0 as the signature's digest, since a signature that proves anything
// covers the file from its first byte up to its gap (verify-pack's byte-range check), stopping
// short of the end, where the gap is (UNPLANNED_TAIL_BYTES). Then, with the plan (the signed
// ranges, the files), it goes on from there: the bytes it has hashed are the first range's
// start whenever the plan's first range starts at 0 and has not been passed; otherwise it starts
// again from byte 0 with fresh hashes. It reads the rest of the file in order, hashing the bytes
// inside the signed ranges into one hash and, when asked, every byte into the whole file's,
// which branches off the signature's at the gap when the gap is the only hole. Each file it may
// share that starts where it has not yet read and the caller has not claimed, it claims and
// hashes too, from the same read; those it had passed before it had the plan, it takes from the
// last back once its read is done. A short read is the end of the file, however long it was
// when the pass began.
const WORKER_SOURCE = `
const { parentPort, receiveMessageOnPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const readFully = ${readFully.toString()};
const ${THREAD_FAILED} = ${threadFailedSource};
parentPort.once('message', ({ fd, size, bound, board, port, k }) => {
  const ctl = new Int32Array(board);
  const stopped = () => Atomics.load(ctl, k.stop) !== 0;
  try {
    let signed = createHash('sha256');
    const buffer = Buffer.allocUnsafe(k.chunkBytes);
    let position = 0;
    let plan = null;
    // Before the plan: the signature's hash from byte 0, up to the bound, then wait for the plan.
    let limit = bound;
    while (!stopped()) {
      if (Atomics.load(ctl, k.wake) !== 0) {
        const m = receiveMessageOnPort(port);
        if (m) {
          plan = m.message;
          break;
        }
      }
      if (position >= limit) {
        Atomics.wait(ctl, k.wake, 0, 50);
        continue;
      }
      const want = Math.min(k.chunkBytes, limit - position);
      const got = readFully(readSync, fd, buffer, 0, want, position);
      signed.update(buffer.subarray(0, got));
      position += got;
      Atomics.add(ctl, k.progress, 1);
      // The file ended early (it shrank): the plan decides what that means.
      if (got < want) limit = position;
    }
    if (stopped()) {
      parentPort.postMessage({ op: 'stopped' });
      return;
    }
    const { ranges, wholeFile, files } = plan;
    const claims = new Int32Array(plan.claims);
    const first = ranges[0];
    // The bytes hashed so far are the start of the first range, or they are of no use.
    if (!(first && first[0] === 0 && position <= first[1])) {
      signed = createHash('sha256');
      if (position > 0 && (wholeFile || ranges.some(([from]) => from < position))) {
        position = 0;
        Atomics.store(ctl, k.progress, 0);
      }
    }
    const branch = wholeFile && ranges.length === 2 && ranges[0][0] === 0 && ranges[0][1] <= ranges[1][0] && ranges[1][1] === size;
    const gap = branch ? ranges[0][1] : 0;
    // Without a branch, the whole file's hash has every byte so far: those the signature's has.
    let whole = wholeFile && !branch ? signed.copy() : null;
    const hashed = [];
    const active = [];
    // The files that start before where the read stands it has passed: see below.
    let next = 0;
    while (next < files.length && files[next].start < position) next += 1;
    const passed = next;
    // It reads no further than there is something to hash: a damaged or unsigned PDF has no
    // ranges, and then it reads only the files it may take.
    let readTo = wholeFile ? size : 0;
    for (const [, to] of ranges) readTo = Math.max(readTo, Math.min(to, size));
    for (let i = next; i < files.length; i++) if (files[i].shared) readTo = Math.max(readTo, Math.min(files[i].start + files[i].length, size));
    while (position < readTo && !stopped()) {
      const want = Math.min(k.chunkBytes, readTo - position);
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
        if (f.shared && Atomics.compareExchange(claims, next, ${UNCLAIMED}, ${BY_THREAD}) === ${UNCLAIMED})
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
    if (stopped()) {
      parentPort.postMessage({ op: 'stopped' });
      return;
    }
    // Files cut short by the end of the file end with what there was.
    for (const a of active) hashed.push({ index: a.index, sha256: a.hash.digest('hex'), size: a.size });
    // The files it had passed before it had the plan: the caller takes them from the first on,
    // and this thread, its read done, from the last back, each reading its own from the file.
    // However far ahead it got, neither thread ends up waiting for the other.
    for (let index = passed - 1; index >= 0 && !stopped(); index--) {
      const f = files[index];
      if (!f.shared || Atomics.compareExchange(claims, index, ${UNCLAIMED}, ${BY_THREAD}) !== ${UNCLAIMED}) continue;
      const hash = createHash('sha256');
      let done = 0;
      while (done < f.length && !stopped()) {
        const want = Math.min(k.chunkBytes, f.length - done);
        const got = readFully(readSync, fd, buffer, 0, want, f.start + done);
        hash.update(buffer.subarray(0, got));
        done += got;
        if (got < want) break;
      }
      hashed.push({ index, sha256: hash.digest('hex'), size: done });
    }
    if (stopped()) {
      parentPort.postMessage({ op: 'stopped' });
      return;
    }
    // A file that ended before its gap: the whole file is what the signature's hash has seen.
    if (wholeFile && whole === null) whole = signed.copy();
    parentPort.postMessage({ op: 'done', signed: signed.digest(), whole: whole ? whole.digest() : null, hashed, read: position });
  } catch (err) {
    ${THREAD_FAILED}(err);
  } finally {
    port.close();
  }
});
`;

/** An embedded file's bytes in the file, and whether the second thread may hash them (stored as they are, nothing else to do). */
export interface ThreadFile {
  readonly start: number;
  readonly length: number;
  readonly shared: boolean;
}

/** The file the thread reads, which it may start on before the rest of its job is known (begin). */
export interface HashThreadFile {
  /** An open file descriptor: both threads read this one file, never a path opened twice. */
  readonly fd: number;
  /** Bytes to read: the file's size when the pass began; a file that shrank ends early. */
  readonly size: number;
}

/** What the thread does with the file, once the structure has said it. */
export interface HashThreadPlan {
  /** The byte ranges whose concatenation is the signed digest (in file order). */
  readonly ranges: readonly (readonly [number, number])[];
  /** Also hash the whole file. */
  readonly wholeFile: boolean;
  /** The embedded files, in order of where they start. */
  readonly files: readonly ThreadFile[];
}

export interface HashThreadJob extends HashThreadFile, HashThreadPlan {}

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
 * takes it reads itself, from the same descriptor. It is given the file as soon as the file is
 * open (`begin`), and hashes the signature's bytes from byte 0 while this side reads the
 * structure; the plan (`start`) then says what the rest of its read is for.
 */
export class HashThread {
  private readonly worker: Worker;
  private readonly outcome: Promise<HashThreadResult | null>;
  private board: Int32Array | null = null;
  private claims: Int32Array | null = null;
  private port: MessagePort | null = null;
  private file: HashThreadFile | null = null;
  private failure: Error | null = null;
  private stopped = false;

  /** Starts the thread, which then waits for `begin`: start it early, it takes a while to boot. */
  constructor() {
    let settle: { resolve: (r: HashThreadResult | null) => void; reject: (e: Error) => void };
    this.outcome = new Promise<HashThreadResult | null>((resolve, reject) => (settle = { resolve, reject }));
    this.worker = startEvalWorker<
      | { op: 'done'; signed: Uint8Array; whole: Uint8Array | null; hashed: { index: number; sha256: string; size: number }[] }
      | { op: 'stopped' }
      | ThreadFailure
    >('the thread reading it', WORKER_SOURCE, undefined, {
      message: (m) => {
        if (m.op === 'done')
          settle.resolve({
            signed: Buffer.from(m.signed),
            whole: m.whole ? Buffer.from(m.whole) : null,
            hashed: new Map(m.hashed.map((h) => [h.index, { sha256: h.sha256, size: h.size }])),
          });
        else if (m.op === 'stopped') settle.resolve(null);
        else settle.reject(threadError(m));
      },
      // Once it has answered, its end changes nothing; before, it fails the wait on it.
      gone: (cause) => settle.reject(cause),
    });
    this.outcome.catch((e: Error) => {
      this.failure ??= e;
    });
    // A thread not yet given its plan (`start`) must not keep the process alive; one that runs
    // it does. After the listeners: adding a 'message' listener refs the worker again.
    this.worker.unref();
  }

  /**
   * Gives the thread the file, opened and checked, as soon as there is one: it starts hashing it
   * from byte 0 for the signature while this side reads the structure (see WORKER_SOURCE), and
   * waits for the rest of its job (`start`). Until then it does not keep the process alive. Runs once.
   */
  begin(file: HashThreadFile): void {
    if (this.file) throw new Error('A hash thread reads one file.');
    this.file = { fd: file.fd, size: file.size };
    const board = new Int32Array(new SharedArrayBuffer(BOARD_WORDS * 4));
    if (this.stopped) {
      board[BOARD.stop] = 1;
      board[BOARD.wake] = 1;
    }
    this.board = board;
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    this.port = port1;
    const unplanned = Math.max(0, file.size - UNPLANNED_TAIL_BYTES);
    this.worker.postMessage(
      {
        fd: file.fd,
        size: file.size,
        // Whole chunks, so that its progress in chunks stays exact.
        bound: unplanned - (unplanned % THREAD_CHUNK_BYTES),
        board: board.buffer,
        port: port2,
        k: { chunkBytes: THREAD_CHUNK_BYTES, stop: BOARD.stop, progress: BOARD.chunks, wake: BOARD.wake },
      },
      [port2],
    );
  }

  /**
   * Hands the thread the rest of its job (begin's, when it was begun on this file; else it
   * begins here): it goes on from where it has got, or from byte 0 if what it hashed is of no use
   * to the job. Runs once.
   */
  start(job: HashThreadJob): void {
    if (this.claims) throw new Error('A hash thread runs one pass.');
    if (!this.file) this.begin(job);
    else if (this.file.fd !== job.fd || this.file.size !== job.size) throw new Error('A hash thread reads the file it was begun on.');
    const claims = new Int32Array(new SharedArrayBuffer(Math.max(1, job.files.length) * 4));
    this.claims = claims;
    this.worker.ref();
    this.port!.postMessage({
      ranges: job.ranges.map(([s, e]) => [s, e]),
      wholeFile: job.wholeFile,
      files: job.files.map((f) => ({ start: f.start, length: f.length, shared: f.shared })),
      claims: claims.buffer,
    });
    // The message is in the thread's queue before this: the thread takes it when it sees the word.
    this.wake();
  }

  /** Claims file `index` for this thread; false when the second thread took it first. */
  claim(index: number): boolean {
    return Atomics.compareExchange(this.claims!, index, UNCLAIMED, BY_CALLER) === UNCLAIMED;
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
    if (!this.board) return;
    Atomics.store(this.board, BOARD.stop, 1);
    this.wake();
  }

  /** Stops the thread; the file may be closed once this has returned. */
  async close(): Promise<void> {
    this.stop();
    await this.worker.terminate();
    this.port?.close();
  }

  private wake(): void {
    Atomics.store(this.board!, BOARD.wake, 1);
    Atomics.notify(this.board!, BOARD.wake);
  }
}
