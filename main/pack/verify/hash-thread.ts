import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import { readFully } from '../../fs/read-fully';

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
  passed: 3, // -1 until the thread has its plan; then how many files it had passed (they are read apart)
  published: 4, // ring slots the thread has filled for this side so far
  released: 5, // ring slots this side is done with (the thread waits on it when the ring is full)
  ringEnd: 6, // 1 once the thread will fill no more slots (its read is done, it stopped or failed)
  seq: 7, // bumped at every slot, at the ring's end and at a stop: this side waits on it
  sideWaits: 8, // 1 while this side waits on seq: only then does the thread notify it
  threadWaits: 9, // 1 while the thread waits on released: only then does this side notify it
} as const;
const BOARD_WORDS = 10;
/**
 * Slots in the ring, each THREAD_CHUNK_BYTES: 2 MiB, which bounds the memory it takes. Small
 * enough to stay in the processors' caches as the slots go round: with 16 MiB (16 slots of 1 MiB
 * or 64 of 256 KiB) verify of the bench's 1 GiB pack took 0.3–0.5 s more processor time than
 * with this ring, more than the second read it saves.
 */
export const RING_SLOTS = 8;
// Each file's claim word (in a board of its own, sent with the plan): 0 nobody yet, 1 the second thread, 2 this one.
// A file the thread had passed before its plan either side claims; each later one the thread gives to one side.
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
// which branches off the signature's at the gap when the gap is the only hole. Each file that
// starts where it has not yet read it gives to one side (see HashThread): a chunk holding bytes
// of a file of the caller's it reads into the next ring slot (if the ring is full, it works on
// the files it had passed before it had the plan, from the last back, or waits until the caller
// releases a slot) and publishes before hashing it; the files that are its own it hashes from
// the same read. The files it had passed it goes on taking from the last back once its read is
// done. A short read is the end of the file, however long it was when the
// pass began.
const WORKER_SOURCE = `
const { parentPort, receiveMessageOnPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { readSync } = require('node:fs');
const readFully = ${readFully.toString()};
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
    const ring = new Uint8Array(plan.ring);
    const meta = new Float64Array(plan.meta);
    const slots = plan.slots;
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
    Atomics.store(ctl, k.passed, passed);
    Atomics.notify(ctl, k.passed);
    // The rest are read once, here: the caller takes its files from the ring as they are read.
    let readTo = wholeFile ? size : 0;
    for (const [, to] of ranges) readTo = Math.max(readTo, Math.min(to, size));
    for (let i = next; i < files.length; i++) readTo = Math.max(readTo, Math.min(files[i].start + files[i].length, size));
    let published = 0;
    // Where the caller's files in the read end: a chunk any of them is in goes through the ring.
    let callers = [];
    const posted = () => {
      Atomics.add(ctl, k.seq, 1);
      // A wake-up costs a lock and, when it wakes someone, a system call: only when the caller waits.
      if (Atomics.load(ctl, k.sideWaits) !== 0) Atomics.notify(ctl, k.seq);
    };
    // The files it had passed before it had the plan: the caller takes them from the first on,
    // and this thread from the last back, each reading its own from the file: whenever the ring
    // is full (the caller is behind), and once its read is done. However far ahead it got,
    // neither thread ends up waiting long for the other.
    let back = passed - 1;
    let own = null;
    // Reads and hashes one chunk of such a file; false when there is none left for it to take.
    const passedPiece = () => {
      while (!own && back >= 0) {
        const index = back--;
        const f = files[index];
        if (f.shared && Atomics.compareExchange(claims, index, ${UNCLAIMED}, ${BY_THREAD}) === ${UNCLAIMED})
          own = { index, f, hash: createHash('sha256'), done: 0 };
      }
      if (!own) return false;
      const want = Math.min(k.chunkBytes, own.f.length - own.done);
      const got = want > 0 ? readFully(readSync, fd, buffer, 0, want, own.f.start + own.done) : 0;
      own.hash.update(buffer.subarray(0, got));
      own.done += got;
      if (own.done >= own.f.length || got < want) {
        hashed.push({ index: own.index, sha256: own.hash.digest('hex'), size: own.done });
        own = null;
      }
      return true;
    };
    const waitForSlot = () => {
      for (;;) {
        const released = Atomics.load(ctl, k.released);
        if (published - released < slots || stopped()) return;
        if (passedPiece()) continue;
        Atomics.store(ctl, k.threadWaits, 1);
        // Checked again once the caller can see it waits: a slot released meanwhile is not missed.
        if (published - Atomics.load(ctl, k.released) >= slots && !stopped()) Atomics.wait(ctl, k.released, released, 50);
        Atomics.store(ctl, k.threadWaits, 0);
      }
    };
    try {
      while (position < readTo && !stopped()) {
        const want = Math.min(k.chunkBytes, readTo - position);
        const start = position;
        // The files that begin in this chunk. One the caller must do (decode, checksum, sink) is
        // its; one it may share the caller gets while it keeps up with the ring (at most half
        // full), else this thread hashes it: whichever is behind does less.
        for (; next < files.length && files[next].start < start + want; next++) {
          const f = files[next];
          const toCaller = !f.shared || published - Atomics.load(ctl, k.released) <= slots >> 1;
          Atomics.store(claims, next, toCaller ? ${BY_CALLER} : ${BY_THREAD});
          if (toCaller) callers.push(f.start + f.length);
          else active.push({ index: next, start: f.start, end: f.start + f.length, hash: createHash('sha256'), size: 0 });
        }
        callers = callers.filter((e) => e > start);
        let piece;
        if (callers.length > 0) {
          waitForSlot();
          if (stopped()) break;
          const slot = published % slots;
          const view = ring.subarray(slot * k.chunkBytes, slot * k.chunkBytes + want);
          const got = readFully(readSync, fd, view, 0, want, position);
          meta[slot * 2] = start;
          meta[slot * 2 + 1] = got;
          published += 1;
          Atomics.store(ctl, k.published, published);
          posted();
          piece = view.subarray(0, got);
        } else {
          const got = readFully(readSync, fd, buffer, 0, want, position);
          piece = buffer.subarray(0, got);
        }
        const got = piece.length;
        const end = start + got;
        ranges.forEach(([from, to], i) => {
          const s = Math.max(from, start), e = Math.min(to, end);
          if (s < e) signed.update(piece.subarray(s - start, e - start));
          // Up to the gap both hashes are one: the whole file's branches off there.
          if (i === 0 && branch && whole === null && to <= end) whole = signed.copy();
        });
        const wholeFrom = branch ? Math.max(gap, start) : start;
        if (whole && wholeFrom < end) whole.update(piece.subarray(wholeFrom - start));
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
      // Files past the end of the file (it is shorter than it was): the caller's, with nothing in them.
      if (!stopped()) for (; next < files.length; next++) Atomics.store(claims, next, ${BY_CALLER});
    } finally {
      Atomics.store(ctl, k.ringEnd, 1);
      posted();
    }
    if (stopped()) {
      parentPort.postMessage({ op: 'stopped' });
      return;
    }
    // Files cut short by the end of the file end with what there was.
    for (const a of active) hashed.push({ index: a.index, sha256: a.hash.digest('hex'), size: a.size });
    while (!stopped() && passedPiece());
    if (stopped()) {
      parentPort.postMessage({ op: 'stopped' });
      return;
    }
    // A file that ended before its gap: the whole file is what the signature's hash has seen.
    if (wholeFile && whole === null) whole = signed.copy();
    parentPort.postMessage({ op: 'done', signed: signed.digest(), whole: whole ? whole.digest() : null, hashed, read: position });
  } catch (err) {
    parentPort.postMessage({ op: 'error', message: String(err && err.message), code: err && err.code, syscall: err && err.syscall });
  } finally {
    port.close();
  }
});
`;

/** Atomics.waitAsync (Node 16+; ES2024, newer than the library types this project compiles against). */
const waitAsync = (
  Atomics as unknown as {
    waitAsync(array: Int32Array, index: number, value: number): { async: false; value: string } | { async: true; value: Promise<string> };
  }
).waitAsync;

/** A chunk of the file the thread read into the ring for this side: where it is in the file, and its bytes. */
export interface RingSlot {
  readonly position: number;
  readonly bytes: Buffer;
}

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
 * file, which this thread does. Each byte is read once, by it: the chunks that hold a file of
 * this thread's it reads into a ring of slots in shared memory (RING_SLOTS of
 * THREAD_CHUNK_BYTES), publishes them in order, and reads into a slot again only once this
 * thread has released it (`nextSlot`, `release`); this thread hashes its files from the slots.
 * As its read reaches each file it gives it to one side (`mine`): one to decode, to check
 * against a declared MD5 or to write out (a sink) to this thread; one stored as it is, with
 * nothing else to do, to this thread while it keeps up with the ring (at most half full), else
 * it hashes it itself. Whichever is behind does less, so neither waits long for the other,
 * whatever start-up cost or decoding falls on this side, and the ring bounds the memory. It is
 * given the file as soon as the file is open (`begin`), and hashes the signature's bytes from
 * byte 0 while this side reads the structure; the plan (`start`) then says what the rest of its
 * read is for. The files it had passed by then (`passedFiles`) are read again: this side claims
 * them from the first on (`claim`), when the ring has nothing for it, and the thread from the
 * last back once its read is done.
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
  /** The thread has posted its outcome (or is gone): nothing more will be published. */
  private over = false;
  private readonly ended: Promise<void>;
  private ring: SharedArrayBuffer | null = null;
  private meta: Float64Array | null = null;
  /** Each slot of the ring, as a Buffer. */
  private views: Buffer[] = [];
  /** Ring slots this side has taken so far. */
  private taken = 0;

  /**
   * Starts the thread, which then waits for `begin`: start it early, it takes a while to boot.
   * `slots`: the ring's size in chunks (RING_SLOTS), smaller only to test it.
   */
  constructor(private readonly slots: number = RING_SLOTS) {
    this.worker = new Worker(WORKER_SOURCE, { eval: true });
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
    this.ended = this.outcome.then(
      () => {
        this.over = true;
      },
      () => {
        this.over = true;
      },
    );
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
    board[BOARD.passed] = -1;
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
        k: {
          chunkBytes: THREAD_CHUNK_BYTES,
          stop: BOARD.stop,
          progress: BOARD.chunks,
          wake: BOARD.wake,
          passed: BOARD.passed,
          published: BOARD.published,
          released: BOARD.released,
          ringEnd: BOARD.ringEnd,
          seq: BOARD.seq,
          sideWaits: BOARD.sideWaits,
          threadWaits: BOARD.threadWaits,
        },
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
    // No file for this side, no ring: nothing to share.
    const slots = job.files.length > 0 ? this.slots : 1;
    this.ring = new SharedArrayBuffer(slots * THREAD_CHUNK_BYTES);
    this.meta = new Float64Array(new SharedArrayBuffer(slots * 2 * 8));
    this.views = Array.from({ length: slots }, (_, i) => Buffer.from(this.ring!, i * THREAD_CHUNK_BYTES, THREAD_CHUNK_BYTES));
    this.worker.ref();
    this.port!.postMessage({
      ranges: job.ranges.map(([s, e]) => [s, e]),
      wholeFile: job.wholeFile,
      files: job.files.map((f) => ({ start: f.start, length: f.length, shared: f.shared })),
      claims: claims.buffer,
      ring: this.ring,
      meta: this.meta.buffer,
      slots,
    });
    // The message is in the thread's queue before this: the thread takes it when it sees the word.
    this.wake();
  }

  /**
   * Claims file `index` for this thread; false when the second thread took it first. Only for the
   * files the thread had passed before its plan (`passedFiles`); the rest it gives out itself.
   */
  claim(index: number): boolean {
    return Atomics.compareExchange(this.claims!, index, UNCLAIMED, BY_CALLER) === UNCLAIMED;
  }

  /**
   * How many files (from the first) the thread had passed before it had its plan, once it has
   * it; null when it stopped or failed first. Those, either side claims (`claim`) and reads; each
   * later one the thread gives to one side as its read reaches it (`mine`).
   */
  async passedFiles(): Promise<number | null> {
    const board = this.board!;
    for (;;) {
      const passed = Atomics.load(board, BOARD.passed);
      if (passed >= 0) return passed;
      if (this.stopped || this.failure || this.over) return null;
      await this.waitOn(BOARD.passed, passed);
    }
  }

  /** Whether the thread gave file `index` (one it had not passed) to this side; decided before a slot with its bytes is published. */
  mine(index: number): boolean {
    return Atomics.load(this.claims!, index) === BY_CALLER;
  }

  /**
   * The next chunk of the file the thread read for this side's files, in the order it read them:
   * its place in the file and its bytes, which stay valid until `release`. Null once the thread
   * will publish no more (its read is done, or it stopped or failed: see `failed`).
   */
  async nextSlot(): Promise<RingSlot | null> {
    const board = this.board!;
    for (;;) {
      const seq = Atomics.load(board, BOARD.seq);
      if (this.stopped || this.failure) return null;
      const slot = this.takeSlot();
      if (slot) return slot;
      if (Atomics.load(board, BOARD.ringEnd) !== 0 || this.over) return null;
      // The thread wakes this side only while it says it waits; a slot published before it said
      // so has changed seq, and then the wait returns at once.
      Atomics.store(board, BOARD.sideWaits, 1);
      await this.waitOn(BOARD.seq, seq);
      Atomics.store(board, BOARD.sideWaits, 0);
    }
  }

  /** The next slot (as nextSlot) if the thread has published it already, else null at once. */
  takeSlot(): RingSlot | null {
    if (this.stopped || this.failure || this.taken >= Atomics.load(this.board!, BOARD.published)) return null;
    const slot = this.taken % (this.meta!.length / 2);
    this.taken += 1;
    const length = this.meta![slot * 2 + 1]!;
    return { position: this.meta![slot * 2]!, bytes: this.views[slot]!.subarray(0, length) };
  }

  /** This side is done with the oldest slot it took: the thread may read into it again. */
  release(): void {
    Atomics.add(this.board!, BOARD.released, 1);
    if (Atomics.load(this.board!, BOARD.threadWaits) !== 0) Atomics.notify(this.board!, BOARD.released);
  }

  /** Waits until `word` of the board changes from `value` (or the thread ends, or a stop wakes it). */
  private async waitOn(word: number, value: number): Promise<void> {
    const waited = waitAsync(this.board!, word, value);
    if (waited.async) await Promise.race([waited.value, this.ended]);
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
    // A thread waiting for a slot to be released, and this side waiting for one to be filled, both wake.
    Atomics.notify(this.board, BOARD.released);
    Atomics.add(this.board, BOARD.seq, 1);
    Atomics.notify(this.board, BOARD.seq);
    Atomics.notify(this.board, BOARD.passed);
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
