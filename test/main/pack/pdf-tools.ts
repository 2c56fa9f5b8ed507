import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PackSigner } from '../../../main/pack/types';
import { run } from './fixtures';

/** pdfsig exits 0 whatever it finds, so callers read its text. */
export function pdfsig(path: string, nssDir?: string): string {
  const r = run('pdfsig', nssDir ? ['-nssdir', `sql:${nssDir}`, path] : [path]);
  return r.stdout + r.stderr;
}

/** The signature's byte range and the CMS DER (padding removed), read from the file's tail. */
export function extractSignature(path: string): { byteRange: [number, number, number, number]; cms: Buffer; signedBytes: Buffer } {
  const pdf = readFileSync(path);
  const text = pdf.toString('latin1');
  const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\]/g;
  let last: RegExpExecArray | null = null;
  for (let x = m.exec(text); x; x = m.exec(text)) last = x;
  if (!last) throw new Error('no /ByteRange');
  const [a0, a, b, c] = last.slice(1, 5).map(Number) as [number, number, number, number];
  const hex = text.slice(a + 1, b - 1).replace(/(00)+$/, '');
  const cms = Buffer.from(hex.length % 2 ? `${hex}0` : hex, 'hex');
  return { byteRange: [a0, a, b, c], cms, signedBytes: Buffer.concat([pdf.subarray(0, a), pdf.subarray(b, b + c)]) };
}

/** Writes the extracted CMS and signed bytes so openssl can check them. */
export function opensslVerify(path: string, dir: string, caFile: string | null): { status: number; output: string } {
  const { cms, signedBytes } = extractSignature(path);
  const sigPath = join(dir, 'sig.der');
  const contentPath = join(dir, 'content.bin');
  writeFileSync(sigPath, cms);
  writeFileSync(contentPath, signedBytes);
  const args = [
    'cms',
    '-verify',
    '-binary',
    '-inform',
    'DER',
    '-in',
    sigPath,
    '-content',
    contentPath,
    '-purpose',
    'any',
    '-out',
    '/dev/null',
  ];
  if (caFile) args.push('-CAfile', caFile);
  else args.push('-noverify');
  const r = run('openssl', args);
  return { status: r.status, output: r.stdout + r.stderr };
}

/**
 * Re-signs a pack after a same-length edit of its bytes, as a forger holding any key would:
 * the edit is applied, the signed ranges hashed again and a fresh signature by `signer`
 * written into the signature's reserved space. The result is an intact, validly signed PDF,
 * so only the verifier's own checks of the content can catch what the edit did.
 */
export async function resignInPlace(path: string, signer: PackSigner, edit: (pdf: Buffer) => void): Promise<void> {
  const pdf = readFileSync(path);
  const before = pdf.length;
  edit(pdf);
  if (pdf.length !== before) throw new Error('resignInPlace needs a same-length edit');
  const { byteRange } = extractSignature(path);
  const [, a, b, c] = byteRange;
  const digest = createHash('sha256')
    .update(pdf.subarray(0, a))
    .update(pdf.subarray(b, b + c))
    .digest();
  const cms = Buffer.from(await signer.sign(new Uint8Array(digest), new Date()));
  const hex = cms.toString('hex').padEnd(b - a - 2, '0');
  if (hex.length !== b - a - 2) throw new Error('the new signature does not fit');
  pdf.write(hex, a + 1, 'latin1');
  writeFileSync(path, pdf);
}

/** Replaces `from` with `to` (same length) at its only occurrence in the PDF's bytes. */
export function replaceOnce(pdf: Buffer, from: string, to: string): void {
  if (Buffer.byteLength(from, 'latin1') !== Buffer.byteLength(to, 'latin1')) throw new Error(`"${from}" and "${to}" differ in length`);
  const at = pdf.indexOf(Buffer.from(from, 'latin1'));
  if (at < 0 || pdf.indexOf(Buffer.from(from, 'latin1'), at + 1) >= 0) throw new Error(`"${from}" is not in the PDF exactly once`);
  pdf.write(to, at, 'latin1');
}
