import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isSscpError, type SscpError } from '../../../shared/errors';
import { adler32 } from '../../../main/pack/adler32';
import { buildPack } from '../../../main/pack/build-pack';
import { AHEAD_RING_BYTES, DeflateAhead, FILE_CAP_BYTES, type Deflated } from '../../../main/pack/deflate-ahead';
import { CHUNK_BYTES, embedEvidenceStream, EVIDENCE_DEFLATE, type EvidenceStreamSpec } from '../../../main/pack/embed-evidence';
import { ParallelSha256 } from '../../../main/pack/parallel-sha256';
import { PdfAppender } from '../../../main/pack/pdf/appender';
import type { PackProgress } from '../../../main/pack/types';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner, makeTempDir, run, type EvidenceSpec, type TestSigner } from './fixtures';

const tmp = makeTempDir('deflate-ahead');
afterAll(() => tmp.cleanup());
afterEach(() => vi.restoreAllMocks());

const SETTINGS = { chunkBytes: CHUNK_BYTES, zlib: EVIDENCE_DEFLATE };
let counter = 0;

function logText(bytes: number): Buffer {
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const line = `2026-11-22T10:${String(i % 60).padStart(2, '0')}:00Z INFO build=${4711 + (i >> 9)} req=${randomBytes(4).toString('hex')} ok\n`;
    lines.push(line);
    n += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

/** Random bytes as hex: deflate halves it, so it is compressed, and its deflated form is large. */
function hexText(bytes: number): Buffer {
  return Buffer.from(randomBytes(Math.ceil(bytes / 2)).toString('hex')).subarray(0, bytes);
}

function writeEvidence(data: Buffer): { path: string; size: number; sha256: string } {
  const path = join(tmp.dir, `evidence-${counter++}`);
  writeFileSync(path, data);
  return { path, size: data.length, sha256: createHash('sha256').update(data).digest('hex') };
}

/** The zlib stream the embedding writes for a file deflated ahead: header, pieces, empty final block, Adler-32. */
function asZlib(d: Deflated): Buffer {
  const trailer = Buffer.from([0x03, 0x00, 0, 0, 0, 0]);
  trailer.writeUInt32BE(d.adler32, 2);
  return Buffer.concat([Buffer.from([0x58, 0x09]), ...d.data, trailer]);
}

describe('deflating ahead on another thread', () => {
  it('hashes, checksums and deflates each file in one read, as the embedding would', async () => {
    const files = [logText(3 * CHUNK_BYTES + 12_345), logText(100), Buffer.from(JSON.stringify({ a: 'x'.repeat(5000) }))].map(
      writeEvidence,
    );
    const ahead = new DeflateAhead(files, SETTINGS);
    try {
      // Until the thread takes a file, `take` gives it to the caller: here the thread does them all.
      await vi.waitFor(() => expect(ahead.ended).toBe(true), { timeout: 20_000 });
      for (const [i, f] of files.entries()) {
        const d = await ahead.take(i);
        expect(d).not.toBeNull();
        const original = readFileSync(f.path);
        expect(d!.read).toBe(f.size);
        expect(d!.sha256).toBe(f.sha256);
        expect(d!.adler32).toBe(adler32(original));
        // The whole stream, as embedded, is one valid zlib stream whose checksum zlib checks.
        expect(inflateSync(asZlib(d!)).equals(original)).toBe(true);
        ahead.release(d!);
      }
    } finally {
      await ahead.close();
    }
    expect(ahead.ended).toBe(true);
  });

  it('hands back a file that is gone or unreadable, for the embedding to refuse in its own words', async () => {
    const present = writeEvidence(logText(50_000));
    const ahead = new DeflateAhead([{ path: join(tmp.dir, 'no-such-file'), size: 10 }, present], SETTINGS);
    try {
      await vi.waitFor(() => expect(ahead.ended).toBe(true), { timeout: 20_000 });
      expect(await ahead.take(0)).toBeNull();
      expect((await ahead.take(1))?.sha256).toBe(present.sha256);
    } finally {
      await ahead.close();
    }
  });

  it('stops reading a file that has grown past its recorded size: the embedding refuses it anyway', async () => {
    const grown = writeEvidence(logText(10 * CHUNK_BYTES));
    const ahead = new DeflateAhead([{ path: grown.path, size: CHUNK_BYTES - 10 }], SETTINGS);
    try {
      await vi.waitFor(() => expect(ahead.ended).toBe(true), { timeout: 20_000 });
      const d = await ahead.take(0);
      expect(d!.read).toBeGreaterThan(CHUNK_BYTES - 10);
      expect(d!.read).toBeLessThanOrEqual(2 * CHUNK_BYTES);
    } finally {
      await ahead.close();
    }
  });

  it('keeps no more than its ring in memory: a file too large deflated, and files past the room left, go to the embedding', async () => {
    // Each small one deflates to about 55 KB: the 128 KiB ring holds two; the 2.5 MiB one is over the file cap.
    const small = [0, 1, 2, 3].map(() => writeEvidence(hexText(100_000)));
    const large = writeEvidence(hexText(5 * 1024 * 1024));
    const ahead = new DeflateAhead([large, ...small], SETTINGS, { ringBytes: 128 * 1024, fileCapBytes: 64 * 1024 });
    try {
      await vi.waitFor(() => expect(ahead.handedOver(2)).toBe(true), { timeout: 20_000 });
      expect(await ahead.take(0)).toBeNull();
      const first = await ahead.take(1);
      const second = await ahead.take(2);
      for (const [d, f] of [
        [first, small[0]!],
        [second, small[1]!],
      ] as const) {
        expect(d!.sha256).toBe(f.sha256);
        expect(inflateSync(asZlib(d!)).equals(readFileSync(f.path))).toBe(true);
      }
      // The thread waits for room: the next file is still free, so the embedding takes it itself.
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(ahead.takenByThread(3)).toBe(false);
      expect(await ahead.take(3)).toBeNull();
      ahead.release(first!);
      ahead.release(second!);
      // With room again the thread goes on; the ring's bytes are reused, wrapping round its end.
      const last = await vi.waitFor(
        async () => {
          expect(ahead.handedOver(4) || !ahead.takenByThread(4)).toBe(true);
          return ahead.take(4);
        },
        { timeout: 20_000 },
      );
      if (last) expect(inflateSync(asZlib(last)).equals(readFileSync(small[3]!.path))).toBe(true);
    } finally {
      await ahead.close();
    }
  });

  it('stops at its next chunk when told, and a stopped thread hands nothing over', async () => {
    // A sparse 4 GiB file: seconds of hashing had the thread not stopped, and no disk used.
    const big = join(tmp.dir, `sparse-${counter++}`);
    writeFileSync(big, '');
    truncateSync(big, 4 * 1024 * 1024 * 1024);
    const ahead = new DeflateAhead([{ path: big, size: 4 * 1024 * 1024 * 1024 }], SETTINGS);
    await vi.waitFor(() => expect(ahead.takenByThread(0)).toBe(true), { timeout: 20_000, interval: 1 });
    ahead.stop();
    // Handed back half-done: the embedding deflates it itself.
    expect(await ahead.take(0)).toBeNull();
    await ahead.close();
    expect(ahead.ended).toBe(true);
  });
});

describe('embedding a file deflated ahead', () => {
  async function embedWith(
    f: { path: string; size: number; sha256: string },
    deflated: Deflated | null,
  ): Promise<{ error: unknown; encoded: Buffer }> {
    const packPath = join(tmp.dir, `pack-${counter++}.bin`);
    const handle = await open(packPath, 'w+');
    const sink = new ParallelSha256({ writeFd: handle.fd });
    const spec: EvidenceStreamSpec = {
      label: 'build.log',
      path: f.path,
      size: f.size,
      sha256: f.sha256,
      mediaType: 'text/plain',
      modifiedAt: new Date(),
      streamNum: 10,
      lengthNum: 11,
      compress: true,
      deflated,
    };
    let error: unknown = null;
    try {
      const out = new PdfAppender(sink, 0);
      await embedEvidenceStream(out, spec, () => undefined);
      out.flush();
      await sink.drain();
    } catch (e) {
      error = e;
    } finally {
      await sink.close();
      await handle.close();
    }
    const pack = readFileSync(packPath);
    const start = pack.indexOf('stream\n') + 'stream\n'.length;
    return { error, encoded: start > 6 ? pack.subarray(start, pack.indexOf('\nendstream')) : Buffer.alloc(0) };
  }

  async function deflatedAhead(f: { path: string; size: number }): Promise<Deflated> {
    const ahead = new DeflateAhead([f], SETTINGS);
    try {
      return (await ahead.take(0))!;
    } finally {
      await ahead.close();
    }
  }

  const reason = (e: unknown) => (isSscpError(e) ? { reason: (e as SscpError).reason, message: e.message } : e);

  it('writes the same stream as deflating while embedding: one zlib stream with an 8 KiB window header', async () => {
    const f = writeEvidence(logText(2 * CHUNK_BYTES + 777));
    const ahead = await embedWith(f, await deflatedAhead(f));
    const streamed = await embedWith(f, null);
    expect(ahead.error).toBeNull();
    expect(ahead.encoded.equals(streamed.encoded)).toBe(true);
    expect([...ahead.encoded.subarray(0, 2)]).toEqual([0x58, 0x09]);
    expect(inflateSync(ahead.encoded).equals(readFileSync(f.path))).toBe(true);
  });

  it('refuses a file that changed before it was deflated ahead, as the streaming embedding does', async () => {
    const f = writeEvidence(logText(300_000));
    const bytes = readFileSync(f.path);
    bytes[1000]! ^= 0x20;
    writeFileSync(f.path, bytes);
    const ahead = await embedWith(f, await deflatedAhead(f));
    const streamed = await embedWith(f, null);
    expect(isSscpError(ahead.error) && ahead.error.reason?.code).toBe('evidence-changed');
    expect(reason(ahead.error)).toEqual(reason(streamed.error));
    // Refused before a byte of the file was written.
    expect(ahead.encoded.length).toBe(0);
  });

  it.each([
    ['vanishes', (path: string) => rmSync(path), 'pack-evidence-missing'],
    ['changes size', (path: string) => truncateSync(path, 1000), 'evidence-changed'],
  ] as const)('refuses a file that %s after it was deflated ahead, in the same words as before', async (_what, change, code) => {
    const f = writeEvidence(logText(300_000));
    const d = await deflatedAhead(f);
    change(f.path);
    const ahead = await embedWith(f, d);
    const streamed = await embedWith(f, null);
    expect(isSscpError(ahead.error) && ahead.error.reason?.code).toBe(code);
    expect(reason(ahead.error)).toEqual(reason(streamed.error));
  });
});

describe('a pack whose compressed evidence is deflated ahead', () => {
  let signer: TestSigner;
  beforeAll(async () => {
    signer = await makeSigner(false);
  });

  function freshDir(name: string): string {
    const dir = join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  function takes(): () => Promise<(Deflated | null)[]> {
    const spy = vi.spyOn(DeflateAhead.prototype, 'take');
    return () => Promise.all(spy.mock.results.map((r) => r.value as Promise<Deflated | null>));
  }

  function extracted(packPath: string, dir: string): Map<string, Buffer> {
    const out = join(dir, 'extracted');
    mkdirSync(out);
    expect(run('pdfdetach', ['-saveall', '-o', out, packPath]).status).toBe(0);
    return new Map(readdirSync(out).map((name) => [name, readFileSync(join(out, name))]));
  }

  it('holds more compressible evidence than the memory caps allow, every file byte for byte (pdfdetach), and verifies', async () => {
    const dir = freshDir('over-cap');
    const evidence: EvidenceSpec[] = [
      // Deflated, this one alone is over the per-file cap: the embedding streams it.
      { fileName: 'huge-dump.txt', mediaType: 'text/plain', content: hexText(FILE_CAP_BYTES * 2 + 4096), claims: ['1.1.1'] },
      // Together these are over what the ring can hold.
      ...[1, 2, 3].map((n) => ({
        fileName: `dump-${n}.txt`,
        mediaType: 'text/plain',
        content: hexText(Math.ceil((AHEAD_RING_BYTES * 2) / 3) + n),
        claims: ['1.1.1'],
      })),
      { fileName: 'build.log', mediaType: 'text/plain', content: logText(3 * CHUNK_BYTES + 5), claims: ['2.2.1'] },
      { fileName: 'policy.pdf', mediaType: 'application/pdf', content: randomBytes(200_000), claims: ['1.1.2'] },
    ];
    const results = takes();
    const packPath = join(dir, 'pack.pdf');
    await buildPack(makePackInput(dir, signer.signer, {}, evidence), packPath);
    const taken = await results();
    // Five files deflated: the thread did some, the embedding the rest (the huge one at least).
    expect(taken).toHaveLength(5);
    expect(taken.some((d) => d !== null)).toBe(true);
    expect(taken.some((d) => d === null)).toBe(true);
    const files = extracted(packPath, dir);
    for (const e of evidence) expect(files.get(e.fileName)?.equals(e.content), e.fileName).toBe(true);
    const pack = readFileSync(packPath);
    expect(pack.includes(Buffer.from('/Filter /FlateDecode'))).toBe(true);
    const verdict = await verifyPack(packPath, { fingerprint: signer.fingerprint });
    expect(verdict.valid).toBe(true);
  });

  it('a cancel while the report is laid out stops the thread and leaves no file', async () => {
    const dir = freshDir('cancel-layout');
    const evidence: EvidenceSpec[] = [1, 2, 3].map((n) => ({
      fileName: `build-${n}.log`,
      mediaType: 'text/plain',
      content: logText(8 * CHUNK_BYTES),
      claims: ['1.1.1'],
    }));
    const input = makePackInput(dir, signer.signer, {}, evidence);
    const before = readdirSync(dir).sort();
    const closes = vi.spyOn(DeflateAhead.prototype, 'close');
    const stops = vi.spyOn(DeflateAhead.prototype, 'stop');
    const controller = new AbortController();
    const phases: PackProgress['phase'][] = [];
    let stoppedAtOnce = false;
    const error = await buildPack(input, join(dir, 'pack.pdf'), {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p.phase);
        if (p.phase !== 'layout') return;
        controller.abort();
        // The thread is told at once, not when the layout is over.
        stoppedAtOnce = stops.mock.calls.length > 0;
      },
    }).catch((e: unknown) => e);
    expect(isSscpError(error) && error.kind).toBe('cancelled');
    expect(phases).not.toContain('embed');
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(stoppedAtOnce).toBe(true);
    expect(closes).toHaveBeenCalled();
    const ahead = closes.mock.contexts[0] as DeflateAhead;
    expect(ahead.ended).toBe(true);
  });
});
