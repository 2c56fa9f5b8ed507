import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync, inflateSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { adler32 } from '../../../main/pack/adler32';
import { embedEvidenceStream, shouldCompress } from '../../../main/pack/embed-evidence';
import { interleaveByBytes } from '../../../main/pack/build-pack';
import { ParallelSha256 } from '../../../main/pack/parallel-sha256';
import { PdfAppender } from '../../../main/pack/pdf/appender';

const dir = mkdtempSync(join(tmpdir(), 'sscp-embed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function logText(bytes: number): Buffer {
  const lines: string[] = [];
  let n = 0;
  for (let i = 0; n < bytes; i++) {
    const line = `2026-11-22T10:${String(i % 60).padStart(2, '0')}:00Z INFO build=${4711 + (i >> 9)} step=compile req=${randomBytes(4).toString('hex')} status=ok\n`;
    lines.push(line);
    n += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

function base64Text(bytes: number): Buffer {
  return Buffer.from(
    randomBytes(Math.ceil((bytes * 3) / 4))
      .toString('base64')
      .replace(/(.{76})/g, '$1\n'),
  ).subarray(0, bytes);
}

/** Embeds `data` as one stream object and returns the dictionary text and the encoded stream bytes. */
async function embed(data: Buffer, mediaType: string): Promise<{ dictText: string; encoded: Buffer }> {
  const path = join(dir, `evidence-${randomBytes(4).toString('hex')}`);
  writeFileSync(path, data);
  const packPath = `${path}.pdf`;
  const handle = await open(packPath, 'w+');
  const sha = createHash('sha256').update(data).digest('hex');
  const sink = new ParallelSha256({ writeFd: handle.fd });
  try {
    const out = new PdfAppender(sink, 0);
    await embedEvidenceStream(
      out,
      { label: 'evidence', path, size: data.length, sha256: sha, mediaType, modifiedAt: new Date(), streamNum: 10, lengthNum: 11 },
      () => undefined,
    );
    out.flush();
    await sink.drain();
  } finally {
    await sink.close();
    await handle.close();
  }
  const pack = readFileSync(packPath);
  const start = pack.indexOf('stream\n') + 'stream\n'.length;
  const end = pack.lastIndexOf('\nendstream');
  return { dictText: pack.subarray(0, start).toString('latin1'), encoded: pack.subarray(start, end) };
}

describe('embedding evidence', () => {
  it('computes Adler-32 as zlib does, also continued across pieces of any length', () => {
    for (const size of [0, 1, 5551, 5552, 5553, 70_000, 1_000_003]) {
      const data = randomBytes(size);
      const fromZlib = deflateSync(data, { level: 0 }).readUInt32BE(deflateSync(data, { level: 0 }).length - 4);
      expect(adler32(data)).toBe(fromZlib);
      const cut = Math.floor(size / 3);
      expect(adler32(data.subarray(cut), adler32(data.subarray(0, cut)))).toBe(fromZlib);
    }
    const ones = Buffer.alloc(3_000_000, 0xff);
    expect(adler32(ones)).toBe(deflateSync(ones, { level: 0 }).readUInt32BE(deflateSync(ones, { level: 0 }).length - 4));
  });

  it('decides by sampling the content: logs and JSON are compressed, base64 dumps and known formats are not', async () => {
    const write = (name: string, data: Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    };
    const log = write('build.log', logText(3_000_000));
    const b64 = write('dump.txt', base64Text(3_000_000));
    expect(await shouldCompress(log, 3_000_000, 'text/plain')).toBe(true);
    // The media type does not decide for text: a base64 dump barely shrinks.
    expect(await shouldCompress(b64, 3_000_000, 'text/plain')).toBe(false);
    // Nor for an unknown type: a log named .bin is still worth compressing.
    expect(await shouldCompress(log, 3_000_000, 'application/octet-stream')).toBe(true);
    // A PDF is not even sampled.
    expect(await shouldCompress(log, 3_000_000, 'application/pdf')).toBe(false);
    const tiny = write('tiny.txt', Buffer.from('aaaa'));
    expect(await shouldCompress(tiny, 4, 'text/plain')).toBe(false);
    // A small file is sampled whole.
    const small = write('small.json', Buffer.from(JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ id: i, status: 'ok' })))));
    expect(await shouldCompress(small, readFileSync(small).length, 'application/json')).toBe(true);
  });

  it('writes a compressed file as one zlib stream that inflates to the exact bytes, across chunk boundaries', async () => {
    for (const size of [2048, 1024 * 1024, 3 * 1024 * 1024 + 12_345]) {
      const data = logText(size);
      const { dictText, encoded } = await embed(data, 'text/plain');
      expect(dictText).toContain('/Filter /FlateDecode');
      expect(encoded.length).toBeLessThan(data.length / 2);
      // inflateSync checks the Adler-32 trailer, and refuses trailing garbage.
      expect(inflateSync(encoded).equals(data)).toBe(true);
    }
  });

  it('stores a base64 dump as it is, without spending time deflating it', async () => {
    const data = base64Text(300_000);
    const { dictText, encoded } = await embed(data, 'text/plain');
    expect(dictText).not.toContain('/Filter');
    expect(encoded.equals(data)).toBe(true);
  });
});

describe('the order evidence is embedded in', () => {
  it('spreads the files to deflate evenly among those stored, by bytes, each list in its own order', () => {
    const packed = ['log-1', 'log-2', 'log-3'];
    const stored = ['archive-1', 'archive-2', 'pdf-1', 'pdf-2', 'pdf-3', 'pdf-4'];
    const sizes: Record<string, number> = {
      'log-1': 10,
      'log-2': 10,
      'log-3': 10,
      'archive-1': 40,
      'archive-2': 40,
      'pdf-1': 5,
      'pdf-2': 5,
      'pdf-3': 5,
      'pdf-4': 5,
    };
    const order = interleaveByBytes(packed, stored, (n) => sizes[n]!);
    expect(order).toEqual(['log-1', 'archive-1', 'log-2', 'archive-2', 'log-3', 'pdf-1', 'pdf-2', 'pdf-3', 'pdf-4']);
    expect(order.filter((n) => n.startsWith('log'))).toEqual(packed);
    expect(interleaveByBytes([], stored, (n) => sizes[n]!)).toEqual(stored);
    expect(interleaveByBytes(packed, [], (n) => sizes[n]!)).toEqual(packed);
  });
});
