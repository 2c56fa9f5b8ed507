import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSscpError } from '../../../shared/errors';
import { buildPack } from '../../../main/pack/build-pack';
import { manifestSchema } from '../../../main/pack/manifest';
import type { PackProgress } from '../../../main/pack/types';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { defaultEvidence, makePackInput, makeSigner, makeTempDir, run, type TestSigner } from './fixtures';
import { pdfsig } from './pdf-tools';

describe('profiles, sign-off exceptions, cancellation and changed evidence', () => {
  const tmp = makeTempDir('pack-profiles');
  let signer: TestSigner;
  beforeAll(async () => {
    signer = await makeSigner(false);
  });
  afterAll(() => tmp.cleanup());

  function freshDir(name: string): string {
    const dir = join(tmp.dir, name);
    mkdirSync(dir, { recursive: true });
    return dir;
  }

  it('a customer pack holds no byte sequence of a confidential file, but lists it with its hash', async () => {
    const dir = freshDir('customer');
    const evidence = defaultEvidence();
    const confidential = evidence.find((e) => e.confidential)!;
    const input = makePackInput(dir, signer.signer, { profile: 'customer' }, evidence);
    const packPath = join(dir, 'customer.pdf');
    const built = await buildPack(input, packPath);
    expect(built.withheldFiles).toBe(1);

    const pdf = readFileSync(packPath);
    for (const at of [0, 64 * 100, confidential.content.length - 64]) {
      expect(pdf.indexOf(confidential.content.subarray(at, at + 64)), `chunk at ${at}`).toBe(-1);
    }
    // The non-confidential files are in there, so the search itself can succeed.
    const open = evidence[0]!.content;
    expect(pdf.indexOf(open.subarray(1000, 1064))).toBeGreaterThan(0);

    const out = freshDir('customer-out');
    run('pdfdetach', ['-saveall', '-o', out, packPath]);
    expect(readdirSync(out)).not.toContain('pen-test-report.pdf');
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
    const listed = manifest.files.find((f) => f.name === 'pen-test-report.pdf')!;
    expect(listed).toMatchObject({ embedded: false, confidential: true, sha256: input.detail.evidence[3]!.sha256 });

    const text = run('pdftotext', ['-enc', 'UTF-8', packPath, '-']).stdout;
    expect(text).toContain('Withheld');
    expect(text).toContain(listed.sha256.slice(0, 32));

    const verification = await verifyPack(packPath, { fingerprint: signer.fingerprint });
    expect(verification.valid).toBe(true);
    expect(verification.profile).toBe('customer');
    expect(verification.files.find((f) => f.name === 'pen-test-report.pdf')?.status).toBe('withheld');
  });

  it('exceptions the SRO accepted are printed in the attestation', async () => {
    const dir = freshDir('exceptions');
    const exceptions = ['Claim 1.3.2 is not assessed yet.', 'Evidence "build-log.txt" expired on 01/06/2026.'];
    const packPath = join(dir, 'pack.pdf');
    await buildPack(makePackInput(dir, signer.signer, { acceptedExceptions: exceptions }), packPath);
    const text = run('pdftotext', ['-enc', 'UTF-8', packPath, '-']).stdout;
    expect(text).toContain('Exceptions accepted at signing');
    for (const e of exceptions) expect(text).toContain(e);
  });

  it('cancelling mid-embed rejects with "cancelled" and leaves no file behind', async () => {
    const dir = freshDir('cancel');
    const big = { fileName: 'big-archive.zip', mediaType: 'application/zip', content: randomBytes(48 * 1024 * 1024), claims: ['1.1.1'] };
    const input = makePackInput(dir, signer.signer, {}, [big]);
    const before = readdirSync(dir).sort();
    const controller = new AbortController();
    const phases: PackProgress[] = [];
    const packPath = join(dir, 'pack.pdf');
    const error = await buildPack(input, packPath, {
      signal: controller.signal,
      onProgress: (p) => {
        phases.push(p);
        if (p.phase === 'embed' && p.bytesDone > 0) controller.abort();
      },
    }).catch((e: unknown) => e);
    expect(isSscpError(error) && error.kind).toBe('cancelled');
    expect(phases.some((p) => p.phase === 'embed' && p.bytesDone > 0 && p.bytesDone < big.content.length)).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it.each([
    [0, 'a PDF, stored as it is'],
    [1, 'a log, compressed (its hash is taken on the hashing thread)'],
  ])('evidence changed in the store since it was added aborts the export: integrity, nothing written (%i: %s)', async (index) => {
    const dir = freshDir(`changed-${index}`);
    const input = makePackInput(dir, signer.signer);
    const victim = input.detail.evidence[index]!;
    const path = input.evidencePath(victim.sha256);
    const bytes = readFileSync(path);
    bytes[bytes.length - 1]! ^= 0x20;
    writeFileSync(path, bytes);
    const before = readdirSync(dir).sort();
    const error = await buildPack(input, join(dir, 'pack.pdf')).catch((e: unknown) => e);
    expect(isSscpError(error) && error.kind).toBe('integrity');
    expect((error as Error).message).toContain(victim.fileName);
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('a target folder that does not exist is a plain "not-found", not a stack trace', async () => {
    const dir = freshDir('no-folder');
    const error = await buildPack(makePackInput(dir, signer.signer), join(dir, 'missing', 'pack.pdf')).catch((e: unknown) => e);
    expect(isSscpError(error) && error.kind).toBe('not-found');
    expect((error as Error).message).toContain('does not exist');
  });

  it('a self-signed identity gives a valid signature that pdfsig cannot trust, and ours pins by fingerprint', async () => {
    const dir = freshDir('self-signed');
    const packPath = join(dir, 'pack.pdf');
    await buildPack(makePackInput(dir, signer.signer), packPath);
    const text = pdfsig(packPath);
    expect(text).toContain('Signature is Valid.');
    expect(text).toContain('Total document signed');
    const result = await verifyPack(packPath, { fingerprint: signer.fingerprint });
    expect(result.valid && result.trusted).toBe(true);
  });

  it('a plain PDF is "not an evidence pack"; a text file is not a PDF', async () => {
    const dir = freshDir('not-a-pack');
    const textFile = join(dir, 'notes.pdf');
    writeFileSync(textFile, 'hello');
    const e1 = await verifyPack(textFile).catch((e: unknown) => e);
    expect(isSscpError(e1) && e1.kind).toBe('unreadable');
    expect((e1 as Error).message).toContain('not a PDF');

    const plain = join(dir, 'plain.pdf');
    const body = ['%PDF-1.4', '1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj', '2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj'];
    let pdf = '';
    const offsets: number[] = [];
    for (const line of body) {
      if (line.includes(' obj')) offsets.push(pdf.length);
      pdf += `${line}\n`;
    }
    const xref = pdf.length;
    pdf += `xref\n0 3\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}trailer\n<</Size 3 /Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`;
    writeFileSync(plain, pdf);
    expect(run('qpdf', ['--check', plain]).status).toBe(0);
    const e2 = await verifyPack(plain).catch((e: unknown) => e);
    expect(isSscpError(e2) && e2.kind).toBe('unreadable');
    expect((e2 as Error).message).toContain('not an SSCP evidence pack');
  });
});
