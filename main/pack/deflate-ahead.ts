import type { Worker } from 'node:worker_threads';
import { readFully } from '../fs/read-fully';
import { adler32 } from './adler32';
import { startEvalWorker } from './eval-worker';

/**
 * The deflated bytes waiting for the embedding to write them live in one ring of shared memory
 * of this size (a power of two), allocated once: nothing is allocated or handed over per file,
 * so memory stays flat however much is deflated. This bounds what deflating ahead adds to the
 * export's peak memory, which must stay under 256 MB (the rest of the export peaks at about
 * 225 MB, while the signing key is derived, and stays near 200 MB while it embeds).
 */
export const AHEAD_RING_BYTES = 8 * 1024 * 1024;
/** A file whose deflated form outgrows this is left to the embedding, which streams it. At most half the ring. */
export const FILE_CAP_BYTES = 4 * 1024 * 1024;
/** The thread takes a new file only when at least this much of the ring is free. */
const ROOM_TO_START = 2 * 1024 * 1024;

// Control words, in an Int32Array over shared memory: then one state word per file.
const STOP = 0; // set once: the export ended or was cancelled, the thread stops at its next chunk
const TAIL = 1; // bytes of the ring the embedding has written and released (wrapping, modulo 2^32)
const STATES = 2;
// A file's state: nobody has it yet, the thread took it, the embedding took it. Each side takes
// a file only from FREE with a compare-and-exchange, so exactly one of them deflates it.
const FREE = 0;
const THREAD = 1;
const EMBEDDING = 2;

/** A file deflated ahead, exactly as the embedding would have deflated it in the same read. */
export interface Deflated {
  /** Bytes read, and the SHA-256 (hex) and Adler-32 of exactly those bytes. */
  readonly read: number;
  readonly sha256: string;
  readonly adler32: number;
  /**
   * The raw deflate pieces, each ending in a sync flush (see deflateChunks in embed-evidence.ts),
   * as one or two views of the ring (two where they wrap round): valid until `release`.
   */
  readonly data: readonly Buffer[];
  /** Their total length. */
  readonly length: number;
}

export interface DeflateSettings {
  readonly chunkBytes: number;
  /** zlib options for each piece: level, windowBits, memLevel. */
  readonly zlib: { readonly level: number; readonly windowBits: number; readonly memLevel: number };
}

type Outcome =
  { op: 'done'; index: number; read: number; sha256: string; adler: number; start: number; length: number } | { op: 'redo'; index: number };

// Plain CommonJS run with `eval`, like the hashing thread (parallel-sha256.ts). For each file in
// order it waits for room in the ring, takes the file unless the embedding has, and in one
// read per chunk hashes, checksums and deflates it into the ring. The embedding takes the
// files in the same order and releases each after writing it, so the ring is a queue. Any
// failure (the file gone, unreadable, too large deflated, a stop) hands the file back as
// 'redo' and its bytes are dropped from the ring: the embedding then does it itself and
// refuses it, if it must, in its own words.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const { deflateRawSync, constants } = require('node:zlib');
const { files, control, ring: shared, fileCap, roomToStart, chunkBytes, zlib } = workerData;
const ctl = new Int32Array(control);
const ring = Buffer.from(shared);
const size = ring.length;
const adler32 = ${adler32.toString()};
const readFully = ${readFully.toString()};
const chunk = Buffer.allocUnsafe(chunkBytes);
const options = { ...zlib, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: 256 * 1024 };
const stopped = () => Atomics.load(ctl, ${STOP}) === 1;
let head = 0; // bytes put in the ring, wrapping like TAIL

/** Waits until n bytes of the ring are free; false when told to stop. */
function room(n) {
  for (;;) {
    if (stopped()) return false;
    const tail = Atomics.load(ctl, ${TAIL});
    if (size - ((head - tail) >>> 0) >= n) return true;
    Atomics.wait(ctl, ${TAIL}, tail, 250);
  }
}

function put(piece) {
  const at = (head >>> 0) & (size - 1);
  const first = Math.min(piece.length, size - at);
  piece.copy(ring, at, 0, first);
  if (first < piece.length) piece.copy(ring, 0, first);
  head = (head + piece.length) | 0;
}

function deflateFile(path, expected) {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    let adler = 1;
    let read = 0;
    let length = 0;
    for (;;) {
      if (stopped()) return null;
      const filled = readFully(readSync, fd, chunk, 0, chunkBytes, read);
      if (filled === 0) break;
      const data = chunk.subarray(0, filled);
      hash.update(data);
      adler = adler32(data, adler);
      const piece = deflateRawSync(data, options);
      length += piece.length;
      if (length > fileCap || !room(piece.length)) return null;
      put(piece);
      read += filled;
      // A file grown past its recorded size is refused by the embedding: no need to read it all.
      if (filled < chunkBytes || read > expected) break;
    }
    return { read, sha256: hash.digest('hex'), adler, length };
  } finally {
    closeSync(fd);
  }
}

for (let index = 0; index < files.length && room(roomToStart); index++) {
  if (Atomics.compareExchange(ctl, ${STATES} + index, ${FREE}, ${THREAD}) !== ${FREE}) continue;
  const start = head;
  let result = null;
  try {
    result = deflateFile(files[index].path, files[index].size);
  } catch {
    result = null;
  }
  if (!result) {
    head = start; // what it put in the ring was never handed over
    parentPort.postMessage({ op: 'redo', index });
    continue;
  }
  parentPort.postMessage({ op: 'done', index, read: result.read, sha256: result.sha256, adler: result.adler, start, length: result.length });
}
`;

/**
 * Deflates, on a thread of its own, the evidence files an export will deflate, in the order it
 * will embed them, while this thread lays the report out (pdfkit keeps one core busy and the
 * other idle) and then ahead of the embedding. Each file is read once: the bytes deflated are
 * the bytes hashed, so the embedding compares that SHA-256 with the recorded one before it
 * writes a byte, and a file changed on disk is refused as before. What waits in memory is
 * capped (AHEAD_RING_BYTES, FILE_CAP_BYTES); a file the thread has not taken (or gave back)
 * is deflated by the embedding as it streams, so the cap never changes the pack, only who
 * does the work.
 */
export class DeflateAhead {
  private readonly control: Int32Array;
  private readonly ring: Buffer;
  private readonly worker: Worker;
  private readonly results = new Map<number, Deflated | null>();
  private readonly waiting = new Map<number, (d: Deflated | null) => void>();
  private gone = false;

  constructor(
    files: readonly { readonly path: string; readonly size: number }[],
    settings: DeflateSettings,
    limits: { readonly ringBytes?: number; readonly fileCapBytes?: number } = {},
  ) {
    this.control = new Int32Array(new SharedArrayBuffer((STATES + files.length) * 4));
    const ringBytes = limits.ringBytes ?? AHEAD_RING_BYTES;
    if (ringBytes & (ringBytes - 1)) throw new Error('The ring size must be a power of two.');
    this.ring = Buffer.from(new SharedArrayBuffer(ringBytes));
    const fileCap = Math.min(limits.fileCapBytes ?? FILE_CAP_BYTES, ringBytes / 2);
    this.worker = startEvalWorker<Outcome>(
      'the deflating thread',
      WORKER_SOURCE,
      {
        files: files.map((f) => ({ path: f.path, size: f.size })),
        control: this.control.buffer,
        ring: this.ring.buffer,
        fileCap,
        roomToStart: Math.min(ROOM_TO_START, ringBytes / 2),
        chunkBytes: settings.chunkBytes,
        zlib: settings.zlib,
      },
      {
        message: (m) => {
          const result: Deflated | null =
            m.op === 'done'
              ? { read: m.read, sha256: m.sha256, adler32: m.adler, data: this.views(m.start, m.length), length: m.length }
              : null;
          const waiter = this.waiting.get(m.index);
          if (waiter) {
            this.waiting.delete(m.index);
            waiter(result);
          } else this.results.set(m.index, result);
        },
        // Whatever stops the thread (its end, a crash, terminate), a file it had taken and not
        // handed back is done by the embedding instead: nobody waits on a thread that is gone.
        gone: () => {
          this.gone = true;
          for (const waiter of this.waiting.values()) waiter(null);
          this.waiting.clear();
        },
      },
    );
  }

  /**
   * The file at `index` deflated, if the thread has taken it (waiting for it to finish); null
   * when the caller must deflate it itself, which it then owns. Each index is taken once.
   */
  take(index: number): Promise<Deflated | null> {
    const slot = STATES + index;
    if (Atomics.compareExchange(this.control, slot, FREE, EMBEDDING) === FREE) return Promise.resolve(null);
    const ready = this.results.get(index);
    if (ready !== undefined) {
      this.results.delete(index);
      return Promise.resolve(ready);
    }
    if (this.gone) return Promise.resolve(null);
    return new Promise((resolve) => this.waiting.set(index, resolve));
  }

  /** The ring's bytes from `start` (a wrapping count), as one or two views. */
  private views(start: number, length: number): Buffer[] {
    const at = (start >>> 0) & (this.ring.length - 1);
    const first = Math.min(length, this.ring.length - at);
    const views = [this.ring.subarray(at, at + first)];
    if (first < length) views.push(this.ring.subarray(0, length - first));
    return views;
  }

  /**
   * The embedding has written a file taken from here: its bytes in the ring may be reused.
   * Files are released in the order they were taken.
   */
  release(deflated: Deflated): void {
    Atomics.add(this.control, TAIL, deflated.length);
    Atomics.notify(this.control, TAIL);
  }

  /** Whether the thread has taken the file at `index` (it may still be deflating it). */
  takenByThread(index: number): boolean {
    return Atomics.load(this.control, STATES + index) === THREAD;
  }

  /** Whether the thread has finished with the file at `index`: `take` returns at once. */
  handedOver(index: number): boolean {
    return this.results.has(index);
  }

  /** Whether the thread has ended (its work done, stopped, or failed). */
  get ended(): boolean {
    return this.gone;
  }

  /** Stops the thread at its next chunk (a cancel); what it held is dropped. */
  stop(): void {
    Atomics.store(this.control, STOP, 1);
    Atomics.notify(this.control, TAIL);
  }

  /** Stops the thread and waits until it is gone. */
  async close(): Promise<void> {
    this.stop();
    this.results.clear();
    await this.worker.terminate();
  }
}
