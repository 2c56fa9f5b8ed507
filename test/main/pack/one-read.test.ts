import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sha256Hex } from '../../helpers/sha256';
import { makeTempDir } from '../evidence/temp-dir';
import { hashPass } from '../../../main/pack/verify/hash-pass';
import type { EmbeddedStream } from '../../../main/pack/verify/locate';
import { HashThread, THREAD_CHUNK_BYTES } from '../../../main/pack/verify/hash-thread';

// Every read this (the main) thread makes through fs.readSync, counted; the second thread's are its own.
const mainReads = vi.hoisted(() => ({ bytes: 0 }));
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof fs>();
  const readSync = ((...args: Parameters<typeof actual.readSync>) => {
    const n = (actual.readSync as (...a: unknown[]) => number)(...args);
    mainReads.bytes += n;
    return n;
  }) as typeof actual.readSync;
  return { ...actual, readSync, default: { ...actual, readSync } };
});

const temp = makeTempDir('sscp-one-read-');
afterAll(temp.cleanup);

describe('one read of the pack', () => {
  it('hashes, decodes and writes out the embedded files from the second thread’s read, reading none of them again', async () => {
    const parts: Buffer[] = [randomBytes(3_000)];
    const streams: EmbeddedStream[] = [];
    const decoded: Buffer[] = [];
    let at = 3_000;
    for (let i = 0; i < 12; i++) {
      const plain = i % 2 === 0 ? randomBytes(700_000 + i * 10_000) : Buffer.from(`line ${i}\n`.repeat(60_000));
      const bytes = i % 2 === 0 ? plain : deflateSync(plain);
      streams.push({
        name: `f${i}`,
        start: at,
        length: bytes.length,
        deflated: i % 2 === 1,
        relationship: null,
        params: { size: plain.length, checksum: null },
      });
      decoded.push(plain);
      parts.push(bytes, randomBytes(50));
      at += bytes.length + 50;
    }
    const data = Buffer.concat(parts);
    const path = join(temp.dir, 'pack.bin');
    fs.writeFileSync(path, data);
    const fd = fs.openSync(path, 'r');
    const thread = new HashThread();
    try {
      mainReads.bytes = 0;
      const written = new Map<string, number>();
      const r = await hashPass(path, data.length, [[0, data.length]], streams, {
        fd,
        thread,
        wholeFile: true,
        // An import: every file is written out, so every file is this thread's.
        sinkFor: (s) => ({ write: (chunk) => void written.set(s.name, (written.get(s.name) ?? 0) + chunk.length), end: () => undefined }),
      });
      for (const [i, s] of streams.entries()) {
        expect(r.files.get(s)?.sha256, s.name).toBe(sha256Hex(decoded[i]!));
        expect(written.get(s.name), s.name).toBe(decoded[i]!.length);
      }
      expect(r.wholeDigest?.toString('hex')).toBe(sha256Hex(data));
      // The second thread read the file once; this thread read none of it.
      expect(thread.bytesRead).toBe(Math.ceil(data.length / THREAD_CHUNK_BYTES) * THREAD_CHUNK_BYTES);
      expect(mainReads.bytes).toBe(0);
    } finally {
      await thread.close();
      fs.closeSync(fd);
    }
  });
});
