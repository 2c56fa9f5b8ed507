import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  const args = ['cms', '-verify', '-binary', '-inform', 'DER', '-in', sigPath, '-content', contentPath, '-purpose', 'any', '-out', '/dev/null'];
  if (caFile) args.push('-CAfile', caFile);
  else args.push('-noverify');
  const r = run('openssl', args);
  return { status: r.status, output: r.stdout + r.stderr };
}
