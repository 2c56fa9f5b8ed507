import { createHash } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importPack } from '../../../main/import/pack-import';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { openWorkspace } from '../../../main/services/workspace';
import { isSscpError } from '../../../shared/errors';
import { buildSmallPack, makeSigner, makeTempDir, smallEvidence } from '../import/helpers';
import type { TestSigner } from './fixtures';
import { replaceOnce, resignInPlace } from './pdf-tools';

/**
 * The verifier is as strict as the importer about the attachments themselves. Each pack here is
 * edited and then validly re-signed, so the signature holds and only these checks can object.
 */
describe('attachments: duplicate names and /Params that disagree with the bytes are not VALID', () => {
  const tmp = makeTempDir('attachment-checks');
  let signer: TestSigner;
  let original = '';

  beforeAll(async () => {
    signer = await makeSigner(false);
    original = await buildSmallPack(tmp.dir, signer, 'original.pdf');
  });
  afterAll(() => tmp.cleanup());

  async function edited(name: string, edit: (pdf: Buffer) => void): Promise<string> {
    const path = join(tmp.dir, name);
    copyFileSync(original, path);
    await resignInPlace(path, signer.signer, edit);
    return path;
  }

  const verify = (path: string) => verifyPack(path, { fingerprint: signer.fingerprint });

  it('a re-signed copy with no edit verifies (the harness itself changes nothing else)', async () => {
    const v = await verify(await edited('unchanged.pdf', () => undefined));
    expect(v.problems).toEqual([]);
    expect(v).toMatchObject({ valid: true, trusted: true });
  });

  it('two attachments named "policy.pdf", the first with other bytes: invalid, and the importer refuses it too', async () => {
    // The names tree is sorted; the first "policy.pdf" now points at the build log's bytes.
    const path = await edited('duplicate.pdf', (pdf) => {
      const text = pdf.toString('latin1');
      const entry = /\(assessment\.json\) (\d+) 0 R/.exec(text)!;
      const buildLog = /\(build-log\.txt\) (\d+) 0 R/.exec(text)![1]!;
      replaceOnce(pdf, entry[0], `(policy.pdf) ${buildLog} 0 R`.padEnd(entry[0].length, ' '));
    });
    const v = await verify(path);
    expect(v.valid).toBe(false);
    expect(v.checks.find((c) => c.id === 'embedded-files')).toMatchObject({ outcome: 'fail' });
    expect(v.problems.join(' ')).toContain('The pack holds two attachments named "policy.pdf"');

    const ws = openWorkspace(join(tmp.dir, 'dup.sqlite'));
    try {
      const e = await importPack(ws, path, { fingerprint: signer.fingerprint }).catch((x: unknown) => x);
      expect(isSscpError(e) && e.message).toContain('two attachments named "policy.pdf"');
      expect(ws.listAssessments()).toHaveLength(0);
    } finally {
      ws.close();
    }
  });

  it('an attachment whose /Size disagrees with its bytes: invalid, naming the file', async () => {
    const path = await edited('size.pdf', (pdf) => replaceOnce(pdf, '/Size 2000 ', '/Size 2001 '));
    const v = await verify(path);
    expect(v.valid).toBe(false);
    expect(v.problems.join(' ')).toContain('"policy.pdf" declares 2001 bytes (/Size) but holds 2000.');
  });

  it("an attachment of the pack's own data with a wrong /Size: invalid too", async () => {
    const path = await edited('manifest-size.pdf', (pdf) => {
      const text = pdf.toString('latin1');
      // The last three /Params are the pack's own JSON files; alter one of them.
      const all = [...text.matchAll(/\/Params <<\/Size (\d+) /g)];
      const last = all[all.length - 1]!;
      const wrong = String(Number(last[1]) + 1)
        .padStart(last[1]!.length, '1')
        .slice(-last[1]!.length);
      replaceOnce(pdf, last[0], last[0].replace(last[1]!, wrong));
    });
    const v = await verify(path);
    expect(v.valid).toBe(false);
    expect(v.problems.join(' ')).toMatch(/"(manifest\.json|assessment\.json|attestation\.cdx\.json)" declares \d+ bytes \(\/Size\)/);
  });

  it('a /CheckSum that does not match the bytes is invalid; one that matches is fine', async () => {
    // "/ModDate (D:…Z)" and "/CheckSum (16 bytes)" have the same length.
    const content = smallEvidence()[0]!.content;
    const md5 = createHash('md5').update(content).digest();
    const dateField = (pdf: Buffer) => /\/Params <<\/Size 2000 (\/ModDate \(D:\d{14}Z\))/.exec(pdf.toString('latin1'))![1]!;
    const wrong = await edited('checksum-wrong.pdf', (pdf) =>
      replaceOnce(pdf, `/Size 2000 ${dateField(pdf)}`, `/Size 2000 /CheckSum (${'A'.repeat(16)})`),
    );
    const v = await verify(wrong);
    expect(v.valid).toBe(false);
    expect(v.problems.join(' ')).toContain('"policy.pdf" declares a checksum (/CheckSum) that does not match its bytes.');

    // A literal string can hold the digest as it is unless it has bytes that need escaping.
    if (![0x28, 0x29, 0x5c, 0x0a, 0x0d].some((b) => md5.includes(b))) {
      const right = await edited('checksum-right.pdf', (pdf) =>
        replaceOnce(pdf, `/Size 2000 ${dateField(pdf)}`, `/Size 2000 /CheckSum (${md5.toString('latin1')})`),
      );
      const ok = await verify(right);
      expect(ok.problems).toEqual([]);
      expect(ok.valid).toBe(true);
    }
  });
});
