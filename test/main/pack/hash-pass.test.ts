import { createHash, randomBytes } from 'node:crypto';
import { closeSync, openSync, renameSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import { hashPass, type DecodedSink, type FileDigest } from '../../../main/pack/verify/hash-pass';
import type { EmbeddedStream } from '../../../main/pack/verify/locate';
import { HashThread, THREAD_CHUNK_BYTES, UNPLANNED_TAIL_BYTES } from '../../../main/pack/verify/hash-thread';

const temp = makeTempDir('sscp-hash-pass-');
const dir = temp.dir;
afterAll(temp.cleanup);

describe('one read for the signed ranges and the whole file', () => {
  const data = randomBytes(9 * 1024 * 1024 + 321);
  const path = join(dir, 'file.bin');
  writeFileSync(path, data);
  const size = data.length;

  it.each([
    // The gap near the end, as in every pack this app writes: the whole file's hash branches off the signature's.
    ['a gap near the end', size - 70_000, size - 3_000],
    // The gap on a chunk boundary and at the very end.
    ['a gap starting on a chunk boundary', 8 * 128 * 1024, size - 10],
    ['a gap reaching the end', size - 5_000, size],
    // A long tail after the gap: the whole file gets its own read and thread.
    ['a gap far from the end', 1_000, 2_000],
  ])('hashes both exactly with %s', async (_, gapStart, gapEnd) => {
    const ranges = [
      [0, gapStart],
      [gapEnd, size],
    ] as const;
    const r = await hashPass(path, size, ranges, [], { wholeFile: true });
    expect(r.rangeDigest.toString('hex')).toBe(sha256Hex(data.subarray(0, gapStart), data.subarray(gapEnd)));
    expect(r.wholeDigest?.toString('hex')).toBe(sha256Hex(data));
    const alone = await hashPass(path, size, ranges, []);
    expect(alone.rangeDigest.equals(r.rangeDigest)).toBe(true);
    expect(alone.wholeDigest).toBeNull();
  });

  it('stays exact with a gap inside one chunk, wherever it falls', async () => {
    const small = data.subarray(0, 3 * 1024 * 1024 + 77);
    const smallPath = join(dir, 'small.bin');
    writeFileSync(smallPath, small);
    for (let i = 0; i < 40; i++) {
      const gapStart = small.length - 200_000 + i * 4_099;
      const gapEnd = gapStart + 1 + ((i * 7_919) % 30_000);
      const r = await hashPass(
        smallPath,
        small.length,
        [
          [0, gapStart],
          [gapEnd, small.length],
        ],
        [],
        { wholeFile: true },
      );
      expect(r.wholeDigest?.toString('hex'), `gap ${gapStart}-${gapEnd}`).toBe(sha256Hex(small));
      expect(r.rangeDigest.toString('hex'), `gap ${gapStart}-${gapEnd}`).toBe(
        sha256Hex(small.subarray(0, gapStart), small.subarray(gapEnd)),
      );
    }
  });

  it('reads the descriptor it is given, never the path again', async () => {
    // The pack a verifier opened and read the structure of, then replaced by another file of
    // the same size under the same name: the pass still hashes the one that was opened.
    const opened = join(dir, 'opened.bin');
    writeFileSync(opened, data);
    const fd = openSync(opened, 'r');
    try {
      const other = join(dir, 'other.bin');
      writeFileSync(other, randomBytes(size));
      renameSync(other, opened);
      const r = await hashPass(opened, size, [[0, size]], [], { fd, wholeFile: true });
      expect(r.rangeDigest.toString('hex')).toBe(sha256Hex(data));
      expect(r.wholeDigest?.toString('hex')).toBe(sha256Hex(data));
    } finally {
      closeSync(fd);
    }
  });
});

describe('the embedded files, shared between the two threads', () => {
  // A file laid out like a pack: stored files, deflated ones, a tiny one, one overlapping another, one past the end.
  const text = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => `line ${seed}:${i} ok\n`).join(''));
  const parts: { bytes: Buffer; decoded: Buffer; deflated: boolean }[] = [];
  for (let i = 0; i < 24; i++) {
    if (i % 3 === 1) {
      const decoded = text(20_000 + i * 1_000, i);
      parts.push({ bytes: deflateSync(decoded), decoded, deflated: true });
    } else {
      const decoded = randomBytes(i === 5 ? 3 : 300_000 + i * 50_000);
      parts.push({ bytes: decoded, decoded, deflated: false });
    }
  }
  const pieces: Buffer[] = [randomBytes(4_000)];
  const streams: EmbeddedStream[] = [];
  let at = pieces[0]!.length;
  for (const [i, part] of parts.entries()) {
    streams.push({
      name: `f${i}`,
      start: at,
      length: part.bytes.length,
      deflated: part.deflated,
      relationship: null,
      params: { size: part.decoded.length, checksum: null },
    });
    pieces.push(part.bytes, randomBytes(97));
    at += part.bytes.length + 97;
  }
  const data = Buffer.concat(pieces);
  const path = join(dir, 'pack-like.bin');
  writeFileSync(path, data);
  // Overlapping the first stored file, and running past the end of the file.
  const overlap: EmbeddedStream = { ...streams[0]!, name: 'overlap', start: streams[0]!.start + 10, length: 1_000 };
  const pastEnd: EmbeddedStream = { ...streams[0]!, name: 'past-end', start: data.length - 20, length: 500 };
  const all = [...streams, overlap, pastEnd];
  const want = (s: EmbeddedStream): string =>
    s.name === 'overlap' || s.name === 'past-end'
      ? sha256Hex(data.subarray(s.start, s.start + s.length))
      : sha256Hex(parts[Number(s.name.slice(1))]!.decoded);

  function expectAll(files: ReadonlyMap<EmbeddedStream, FileDigest>): void {
    expect(files.size).toBe(all.length);
    for (const s of all) expect(files.get(s)?.sha256, s.name).toBe(want(s));
    expect(files.get(pastEnd)?.size).toBe(20);
  }

  it('gives every file its own digest, whichever thread hashed it', async () => {
    const r = await hashPass(path, data.length, [[0, data.length]], all, { wholeFile: true });
    expectAll(r.files);
    expect(r.rangeDigest.toString('hex')).toBe(sha256Hex(data));
  });

  it('gives every file its digest when the second thread had read past them before it knew of them', async () => {
    // The thread begun on the pack before its structure was read: it hashed nearly all of it
    // for the signature and must leave out no file, nor hash one twice.
    const padded = Buffer.concat([data, randomBytes(UNPLANNED_TAIL_BYTES)]);
    const paddedPath = join(dir, 'pack-like-padded.bin');
    writeFileSync(paddedPath, padded);
    const fd = openSync(paddedPath, 'r');
    const thread = new HashThread();
    try {
      thread.begin({ fd, size: padded.length });
      while (thread.bytesRead < Math.floor(data.length / THREAD_CHUNK_BYTES) * THREAD_CHUNK_BYTES) await sleep(1);
      const r = await hashPass(paddedPath, padded.length, [[0, padded.length]], [...streams, overlap], { fd, thread, wholeFile: true });
      expect(r.files.size).toBe(streams.length + 1);
      for (const s of [...streams, overlap]) expect(r.files.get(s)?.sha256, s.name).toBe(want(s));
      expect(r.rangeDigest.toString('hex')).toBe(sha256Hex(padded));
      expect(r.wholeDigest?.toString('hex')).toBe(sha256Hex(padded));
    } finally {
      await thread.close();
      closeSync(fd);
    }
  });

  it('takes the digests of the files the second thread reached first', async () => {
    // This thread behind: the second finds every other stored file still free and takes it.
    const ordered = [...all].sort((a, b) => a.start - b.start);
    const left = ordered.flatMap((s, i) => (!s.deflated && i % 2 === 0 ? [i] : []));
    class Behind extends HashThread {
      override claim(index: number): boolean {
        return left.includes(index) ? false : super.claim(index);
      }
    }
    const thread = new Behind();
    try {
      const r = await hashPass(path, data.length, [[0, data.length]], all, { thread });
      expectAll(r.files);
      // They were the second thread's: this one can no longer claim them.
      expect(left.length).toBeGreaterThan(5);
      for (const i of left) expect(HashThread.prototype.claim.call(thread, i), `file ${i}`).toBe(false);
    } finally {
      await thread.close();
    }
  });

  it('writes every file a sink asks for, exactly as decoded, and checks each against a declared MD5', async () => {
    const written = new Map<string, ReturnType<typeof createHash>>();
    const ended = new Map<string, FileDigest>();
    const sinkFor = (s: EmbeddedStream): DecodedSink | null => {
      if (s.name === 'f7') return null;
      const hash = createHash('sha256');
      written.set(s.name, hash);
      return { write: (chunk) => void hash.update(chunk), end: (digest) => void ended.set(s.name, digest) };
    };
    const md5 = createHash('md5').update(parts[3]!.decoded).digest('hex');
    const checked = all.map((s) => (s.name === 'f3' ? { ...s, params: { size: parts[3]!.decoded.length, checksum: md5 } } : s));
    const r = await hashPass(path, data.length, [[0, data.length]], checked, { sinkFor });
    for (const s of checked) {
      expect(r.files.get(s)?.sha256, s.name).toBe(want(s));
      if (s.name !== 'f7') expect(written.get(s.name)?.digest('hex'), s.name).toBe(want(s));
      if (s.name !== 'f7') expect(ended.get(s.name)?.sha256, s.name).toBe(want(s));
    }
    expect(r.files.get(checked[3]!)?.md5).toBe(md5);
  });

  it('ends the pass with the error of a sink that fails, and stops the other thread', async () => {
    const failure = new Error('disk full');
    const sinkFor = (s: EmbeddedStream): DecodedSink | null =>
      s.name === 'f9'
        ? {
            write: () => {
              throw failure;
            },
            end: () => undefined,
          }
        : null;
    await expect(hashPass(path, data.length, [[0, data.length]], all, { sinkFor })).rejects.toBe(failure);
  });

  it('stops when cancelled', async () => {
    const controller = new AbortController();
    const r = hashPass(path, data.length, [[0, data.length]], all, {
      signal: controller.signal,
      onBytes: () => controller.abort(),
    });
    await expect(r).rejects.toMatchObject({ reason: { code: 'pack-verify-cancelled' } });
  });
});

describe('a cancel', () => {
  it('stops the second thread too, even while this one has nothing left but to wait for it', async () => {
    // A large sparse file and no embedded files: this thread is done at once and waits.
    const path = join(dir, 'sparse.bin');
    const size = 4 * 1024 * 1024 * 1024;
    writeFileSync(path, '');
    truncateSync(path, size);
    const controller = new AbortController();
    const thread = new HashThread();
    try {
      const pass = hashPass(path, size, [[0, size]], [], { signal: controller.signal, thread });
      setTimeout(() => controller.abort(), 50);
      await expect(pass).rejects.toMatchObject({ reason: { code: 'pack-verify-cancelled' } });
      // It stopped where it was, not at the end of the file.
      expect(thread.bytesRead).toBeLessThan(size);
    } finally {
      await thread.close();
    }
  });
});

describe('a pack that cannot be read to the end', () => {
  const data = randomBytes(3 * 1024 * 1024);
  const path = join(dir, 'unreadable.bin');
  writeFileSync(path, data);
  const stream: EmbeddedStream = {
    name: 'f',
    start: 1_000,
    length: 2 * 1024 * 1024,
    deflated: true,
    relationship: null,
    params: { size: null, checksum: null },
  };

  it("is said of the pack, with the system's code, whichever thread read it", async () => {
    // Open for writing only: every read fails (EBADF), on this thread and on the second.
    const writeOnly = openSync(path, 'a');
    try {
      for (const streams of [[], [stream]]) {
        const failure = hashPass(path, data.length, [[0, data.length]], streams, { fd: writeOnly });
        await expect(failure).rejects.toMatchObject({ reason: { code: 'read-failed', path, what: 'evidence pack', detail: 'EBADF' } });
      }
    } finally {
      closeSync(writeOnly);
    }
  });

  it('is said of the pack when the second thread is lost', async () => {
    const thread = new HashThread();
    try {
      void (thread as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
      await expect(hashPass(path, data.length, [[0, data.length]], [], { thread })).rejects.toMatchObject({
        reason: { code: 'read-failed', path, detail: expect.stringMatching(/thread reading it stopped with exit code/) },
      });
    } finally {
      await thread.close();
    }
  });
});

describe('a compressed attachment that decodes to more than it declares', () => {
  // 64 MiB of zeros deflate to about 64 KiB: the shape of a decompression bomb.
  const bomb = deflateSync(Buffer.alloc(64 * 1024 * 1024));
  const data = Buffer.concat([randomBytes(1_000), bomb, randomBytes(1_000)]);
  const path = join(dir, 'bomb.bin');
  writeFileSync(path, data);
  const stream = (size: number | null): EmbeddedStream => ({
    name: 'bomb.log',
    start: 1_000,
    length: bomb.length,
    deflated: true,
    relationship: null,
    params: { size, checksum: null },
  });

  it('stops decoding at the size it declares, and says so', async () => {
    const declared = stream(1_000);
    const r = await hashPass(path, data.length, [[0, data.length]], [declared]);
    const digest = r.files.get(declared)!;
    expect(digest.error).toBe('it decodes to more than the 1000 bytes it declares');
    expect(digest.sha256).toBeNull();
    // Not one more byte decoded and hashed than it may hold.
    expect(digest.size).toBeLessThanOrEqual(1_000);
  });

  it('stops at the bound the caller gives (the manifest) when it declares no size, and not before', async () => {
    const undeclared = stream(null);
    const bounded = await hashPass(path, data.length, [[0, data.length]], [undeclared], { decodedLimit: () => 5_000 });
    expect(bounded.files.get(undeclared)).toMatchObject({ sha256: null, error: 'it decodes to more than the 5000 bytes it declares' });
    const exact = await hashPass(path, data.length, [[0, data.length]], [undeclared], { decodedLimit: () => 64 * 1024 * 1024 });
    expect(exact.files.get(undeclared)).toEqual({ sha256: sha256Hex(Buffer.alloc(64 * 1024 * 1024)), size: 64 * 1024 * 1024, md5: null });
  });
});
