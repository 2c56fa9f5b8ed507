import { Worker } from 'node:worker_threads';
import { adler32 } from './adler32';

/**
 * How many deflated bytes may wait in memory for the embedding to write them. With the one
 * file being deflated (at most FILE_CAP_BYTES) this bounds what deflating ahead adds to the
 * export's peak memory, which must stay under 256 MB: the rest of the export peaks at about
 * 190 MB while it embeds.
 */
export const AHEAD_CAP_BYTES = 32 * 1024 * 1024;
/** A file whose deflated form outgrows this is left to the embedding, which streams it. */
export const FILE_CAP_BYTES = 16 * 1024 * 1024;

// Control words, in an Int32Array over shared memory: then one state word per file.
const STOP = 0; // set once: the export ended or was cancelled, the thread stops at its next chunk
const HELD = 1; // deflated bytes handed over and not yet written by the embedding
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
  /** The raw deflate pieces, each ending in a sync flush (see deflateChunks in embed-evidence.ts). */
  readonly data: Buffer;
}

export interface DeflateSettings {
  readonly chunkBytes: number;
  /** zlib options for each piece: level, windowBits, memLevel. */
  readonly zlib: { readonly level: number; readonly windowBits: number; readonly memLevel: number };
}

type Outcome =
  | { op: 'done'; index: number; read: number; sha256: string; adler: number; data: ArrayBuffer; length: number }
  | { op: 'redo'; index: number };

// Plain CommonJS run with `eval`, like the hashing thread (parallel-sha256.ts). For each file in
// order it waits while too much is held, takes the file unless the embedding has, and in one
// read per chunk hashes, checksums and deflates it. Any failure (the file gone, unreadable,
// too large deflated, a stop) hands the file back as 'redo': the embedding then does it itself
// and refuses it, if it must, in its own words.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const { deflateRawSync, constants } = require('node:zlib');
const { files, control, cap, fileCap, chunkBytes, zlib } = workerData;
const ctl = new Int32Array(control);
const adler32 = ${adler32.toString()};
const chunk = Buffer.allocUnsafe(chunkBytes);
const options = { ...zlib, finishFlush: constants.Z_SYNC_FLUSH, chunkSize: chunkBytes + 64 * 1024 };
const stopped = () => Atomics.load(ctl, ${STOP}) === 1;

function deflateFile(path, size) {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    let adler = 1;
    let read = 0;
    let arena = Buffer.allocUnsafeSlow(Math.min(fileCap, Math.max(64 * 1024, Math.ceil(size / 4))));
    let length = 0;
    for (;;) {
      if (stopped()) return null;
      let filled = 0;
      while (filled < chunkBytes) {
        const n = readSync(fd, chunk, filled, chunkBytes - filled, read + filled);
        if (n === 0) break;
        filled += n;
      }
      if (filled === 0) break;
      const data = chunk.subarray(0, filled);
      hash.update(data);
      adler = adler32(data, adler);
      const piece = deflateRawSync(data, options);
      if (length + piece.length > arena.length) {
        if (length + piece.length > fileCap) return null;
        const bigger = Buffer.allocUnsafeSlow(Math.min(fileCap, Math.max(arena.length * 2, length + piece.length)));
        arena.copy(bigger, 0, 0, length);
        arena = bigger;
      }
      piece.copy(arena, length);
      length += piece.length;
      read += filled;
      if (filled < chunkBytes) break;
    }
    // Hand over no more memory than the pieces take.
    if (length < arena.length * 0.75) arena = Buffer.from(arena.subarray(0, length));
    return { read, sha256: hash.digest('hex'), adler, arena, length };
  } finally {
    closeSync(fd);
  }
}

for (let index = 0; index < files.length && !stopped(); index++) {
  for (let held = Atomics.load(ctl, ${HELD}); held >= cap && !stopped(); held = Atomics.load(ctl, ${HELD})) {
    Atomics.wait(ctl, ${HELD}, held, 250);
  }
  if (stopped()) break;
  if (Atomics.compareExchange(ctl, ${STATES} + index, ${FREE}, ${THREAD}) !== ${FREE}) continue;
  let result = null;
  try {
    result = deflateFile(files[index].path, files[index].size);
  } catch {
    result = null;
  }
  if (!result) {
    parentPort.postMessage({ op: 'redo', index });
    continue;
  }
  Atomics.add(ctl, ${HELD}, result.length);
  const data = result.arena.buffer.byteLength === result.length && result.arena.byteOffset === 0 ? result.arena.buffer : result.arena.buffer.slice(result.arena.byteOffset, result.arena.byteOffset + result.length);
  parentPort.postMessage({ op: 'done', index, read: result.read, sha256: result.sha256, adler: result.adler, data, length: result.length }, [data]);
}
`;

/**
 * Deflates, on a thread of its own, the evidence files an export will deflate, in the order it
 * will embed them, while this thread lays the report out (pdfkit keeps one core busy and the
 * other idle) and then ahead of the embedding. Each file is read once: the bytes deflated are
 * the bytes hashed, so the embedding compares that SHA-256 with the recorded one before it
 * writes a byte, and a file changed on disk is refused as before. What waits in memory is
 * capped (AHEAD_CAP_BYTES, FILE_CAP_BYTES); a file the thread has not taken (or gave back)
 * is deflated by the embedding as it streams, so the cap never changes the pack, only who
 * does the work.
 */
export class DeflateAhead {
  private readonly control: Int32Array;
  private readonly worker: Worker;
  private readonly results = new Map<number, Deflated | null>();
  private readonly waiting = new Map<number, (d: Deflated | null) => void>();
  private gone = false;

  constructor(
    files: readonly { readonly path: string; readonly size: number }[],
    settings: DeflateSettings,
    limits: { readonly capBytes?: number; readonly fileCapBytes?: number } = {},
  ) {
    this.control = new Int32Array(new SharedArrayBuffer((STATES + files.length) * 4));
    this.worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: {
        files: files.map((f) => ({ path: f.path, size: f.size })),
        control: this.control.buffer,
        cap: limits.capBytes ?? AHEAD_CAP_BYTES,
        fileCap: limits.fileCapBytes ?? FILE_CAP_BYTES,
        chunkBytes: settings.chunkBytes,
        zlib: settings.zlib,
      },
    });
    this.worker.on('message', (m: Outcome) => {
      const result: Deflated | null =
        m.op === 'done' ? { read: m.read, sha256: m.sha256, adler32: m.adler, data: Buffer.from(m.data, 0, m.length) } : null;
      const waiter = this.waiting.get(m.index);
      if (waiter) {
        this.waiting.delete(m.index);
        waiter(result);
      } else this.results.set(m.index, result);
    });
    // Whatever stops the thread (its end, a crash, terminate), a file it had taken and not
    // handed back is done by the embedding instead: nobody waits on a thread that is gone.
    const gone = () => {
      this.gone = true;
      for (const waiter of this.waiting.values()) waiter(null);
      this.waiting.clear();
    };
    this.worker.on('error', gone);
    this.worker.on('exit', gone);
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

  /** The embedding has written a file taken from here: its memory no longer counts against the cap. */
  release(deflated: Deflated): void {
    Atomics.sub(this.control, HELD, deflated.data.length);
    Atomics.notify(this.control, HELD);
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
    Atomics.notify(this.control, HELD);
  }

  /** Stops the thread and waits until it is gone. */
  async close(): Promise<void> {
    this.stop();
    this.results.clear();
    await this.worker.terminate();
  }
}
