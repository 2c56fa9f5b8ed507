import { execFileSync } from 'node:child_process';
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { sscp } from '../../cli/run-sscp';
import { fixturePack } from '../import/helpers';
import { makeTempDir } from './fixtures';

/**
 * Most PDFs written today keep their cross-reference data in compressed streams, which packs
 * never do. Such a file with no signature is another document: `verify` and `import` say
 * "not an evidence pack" and exit 2, not 1 "invalid" or "damaged".
 */
describe('an ordinary modern PDF given as a pack', () => {
  const tmp = makeTempDir('sscp-not-a-pack-');
  let modern: string;
  beforeAll(async () => {
    const plain = join(tmp.dir, 'letter.pdf');
    const doc = new PDFDocument({ pdfVersion: '1.7' });
    const out = createWriteStream(plain);
    doc.pipe(out);
    doc.text('Dear customer, our policies are attached.');
    doc.end();
    await finished(out);
    modern = join(tmp.dir, 'modern.pdf');
    // Object streams and a cross-reference stream, as Word, browsers and scanners write.
    execFileSync('qpdf', ['--object-streams=generate', plain, modern]);
    expect(execFileSync('qpdf', ['--show-xref', modern]).toString()).toMatch(/compressed/);
  });
  afterAll(() => tmp.cleanup());

  it('sscp verify exits 2: not an evidence pack', async () => {
    const r = await sscp('verify', modern);
    expect(r.code, r.out).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toContain(`${modern} is a PDF but not an SSCP evidence pack: it is not signed`);
    expect(r.err).not.toContain('damaged');
    await expect(verifyPack(modern)).rejects.toMatchObject({
      kind: 'unreadable',
      message: expect.stringContaining('not an SSCP evidence pack') as unknown,
    });
  });

  it('sscp import exits 2: not an evidence pack, and creates no database', async () => {
    const db = join(tmp.dir, 'import.sscp');
    const r = await sscp('import', modern, '--db', db);
    expect(r.code).toBe(2);
    expect(r.err).toContain('modern.pdf is a PDF but not an SSCP evidence pack: it is not signed');
    expect(r.err).not.toContain('damaged');
    expect(existsSync(db)).toBe(false);
  });

  it('a real pack rewritten the same way is still an altered pack: invalid, exit 1', async () => {
    const rewritten = join(tmp.dir, 'rewritten.pdf');
    execFileSync('qpdf', ['--object-streams=generate', fixturePack('v1-customer.pdf'), rewritten]);
    const r = await sscp('verify', rewritten);
    expect(r.code, r.err).toBe(1);
    expect(r.out).toContain('INVALID:');
  });
});
