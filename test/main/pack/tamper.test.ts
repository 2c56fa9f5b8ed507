import { appendFileSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/pack/build-pack';
import { PdfFileReader } from '../../../main/pack/pdf/file-reader';
import { asArray, asDict, asRef } from '../../../main/pack/pdf/objects';
import type { PackCheckId } from '../../../main/pack/verify/types';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { findEmbeddedFiles } from '../../../main/pack/verify/locate';
import type { PackInput } from '../../../main/pack/types';
import { makePackInput, makeSigner, makeTempDir, type TestSigner } from './fixtures';
import { extractSignature } from './pdf-tools';

interface Tamper {
  readonly what: string;
  /** A check that must fail for this change: the reason the verifier must give. */
  readonly mustFail: PackCheckId;
  readonly apply: (pdf: Buffer) => Buffer;
}

const HEX = '0123456789abcdef';
/** Another hex digit, so the signature stays a syntactically clean hex string. */
const otherHexDigit = (c: number) => HEX.charCodeAt((HEX.indexOf(String.fromCharCode(c).toLowerCase()) + 1) % 16);

function flipAt(offset: number, hex = false): (pdf: Buffer) => Buffer {
  return (pdf) => {
    const copy = Buffer.from(pdf);
    copy[offset] = hex ? otherHexDigit(copy[offset]!) : copy[offset]! ^ 0x01;
    return copy;
  };
}

describe('tampering: one changed byte anywhere, or anything appended, is rejected with the right reason', () => {
  const tmp = makeTempDir('pack-tamper');
  const packPath = join(tmp.dir, 'pack.pdf');
  let signer: TestSigner;
  let input: PackInput;
  const tampers: Tamper[] = [];

  beforeAll(async () => {
    signer = await makeSigner(true);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    input = makePackInput(evidenceDir, signer.signer);
    await buildPack(input, packPath);
    const pdf = readFileSync(packPath);
    const { byteRange } = extractSignature(packPath);
    const [, a, b] = byteRange;
    const gapHex = pdf.subarray(a + 1, b - 1).toString('latin1');
    const derHexLength = gapHex.replace(/(00)+$/, '').length;

    // Locate regions with our reader (only to find offsets; the verdicts come from verifyPack).
    const reader = await PdfFileReader.open(packPath);
    await reader.readStructure();
    const catalog = asDict(await reader.resolve(reader.trailer.get('Root')))!;
    const pages = asDict(await reader.resolve(catalog.get('Pages')))!;
    const firstPage = asDict(await reader.resolve(asArray(pages.get('Kids'))![0]))!;
    const contents = await reader.readObject(asRef(firstPage.get('Contents'))!);
    const pageText = await reader.streamExtent(contents);
    const info = asDict(await reader.resolve(reader.trailer.get('Info')))!;
    const title = await reader.readObject(asRef(info.get('Title'))!);
    const embedded = await findEmbeddedFiles(reader, catalog);
    await reader.close();
    const evidence = embedded.find((f) => f.name === 'secure-development-policy.pdf')!;
    const manifest = embedded.find((f) => f.name === 'manifest.json')!;
    const attestation = embedded.find((f) => f.name === 'attestation.cdx.json')!;
    // The signer certificate's title attribute, inside the CMS but outside the signed attributes.
    const titleHex = Buffer.from('Chief Technology Officer', 'utf8').toString('hex');
    const certTitleAt = gapHex.indexOf(titleHex);
    expect(certTitleAt).toBeGreaterThan(0);
    expect(gapHex.indexOf('06092a864886f70d01090431220420')).toBeGreaterThan(0);
    const text = pdf.toString('latin1');
    const lastXref = text.lastIndexOf('\nxref\n') + 1;

    tampers.push(
      { what: 'evidence stream (start)', mustFail: 'digest', apply: flipAt(evidence.start + 7) },
      { what: 'evidence stream (middle)', mustFail: 'embedded-files', apply: flipAt(evidence.start + Math.floor(evidence.length / 2)) },
      { what: 'page text', mustFail: 'digest', apply: flipAt(pageText.start + 20) },
      { what: 'document info (title)', mustFail: 'digest', apply: flipAt(title.offset + 12) },
      { what: 'PDF header version', mustFail: 'digest', apply: flipAt(7) },
      { what: 'manifest.json stream', mustFail: 'digest', apply: flipAt(manifest.start + 10) },
      {
        what: 'attestation.cdx.json stream (middle)',
        mustFail: 'embedded-files',
        apply: flipAt(attestation.start + Math.floor(attestation.length / 2)),
      },
      { what: 'signature value (end of the CMS)', mustFail: 'cms-signature', apply: flipAt(a + 1 + derHexLength - 10, true) },
      { what: 'embedded certificate inside the CMS', mustFail: 'signing-certificate', apply: flipAt(a + 1 + certTitleAt + 1, true) },
      { what: 'zero padding after the CMS', mustFail: 'padding', apply: flipAt(b - 20, true) },
      // Checked while the pack is hashed against the digest it claims: a claim that is not the
      // pack's digest must still fail, once the signature is checked against the computed one.
      {
        what: 'the digest the signature claims (message-digest attribute)',
        mustFail: 'digest',
        apply: flipAt(a + 1 + gapHex.indexOf('06092a864886f70d01090431220420') + 30 + 5, true),
      },
      { what: '/ByteRange numbers', mustFail: 'byte-range', apply: flipAt(text.indexOf('/ByteRange [', a) + 14, true) },
      { what: 'cross-reference table', mustFail: 'digest', apply: flipAt(lastXref + 30, true) },
      { what: 'last byte of the file', mustFail: 'digest', apply: flipAt(pdf.length - 2) },
      {
        what: 'appended incremental update changing the title',
        mustFail: 'byte-range',
        apply: (original) => {
          const size = Number(/\/Size (\d+)/.exec(text.slice(lastXref))![1]);
          const startxref = Number(/startxref\n(\d+)/.exec(text.slice(lastXref))![1]);
          const objOffset = original.length;
          const obj = `${size} 0 obj\n<</Title (Forged title)>>\nendobj\n`;
          const xrefOffset = objOffset + obj.length;
          const root = /\/Root (\d+ \d+ R)/.exec(text.slice(lastXref))![1];
          const update = `${obj}xref\n${size} 1\n${String(objOffset).padStart(10, '0')} 00000 n \ntrailer\n<</Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${startxref}>>\nstartxref\n${xrefOffset}\n%%EOF\n`;
          return Buffer.concat([original, Buffer.from(update, 'latin1')]);
        },
      },
    );
  });
  afterAll(() => tmp.cleanup());

  it('the untouched pack is valid', async () => {
    const result = await verifyPack(packPath, { rootsPem: [signer.rootPem!] });
    expect(result.problems).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('every tampered copy is invalid, for the expected reason', async () => {
    const pdf = readFileSync(packPath);
    const table: { what: string; valid: boolean; failed: string; reason: string }[] = [];
    for (const [i, tamper] of tampers.entries()) {
      const path = join(tmp.dir, `tampered-${i}.pdf`);
      writeFileSync(path, tamper.apply(pdf));
      const result = await verifyPack(path, { rootsPem: [signer.rootPem!] });
      const failed = result.checks.filter((c) => c.outcome === 'fail').map((c) => c.id);
      table.push({ what: tamper.what, valid: result.valid, failed: failed.join(','), reason: result.summary });
    }
    console.table(table);
    for (const [i, row] of table.entries()) {
      expect(row.valid, row.what).toBe(false);
      expect(row.failed.split(','), row.what).toContain(tampers[i]!.mustFail);
    }
  });

  it('a signature value whose length is damaged is reported in plain words, not just by format name', async () => {
    const pdf = readFileSync(packPath);
    const [, a] = extractSignature(packPath).byteRange;
    const damaged = Buffer.from(pdf);
    // The second byte of the DER is its length; 0x80 (indefinite) is never valid DER.
    damaged.write('80', a + 3, 'latin1');
    const path = join(tmp.dir, 'damaged-signature.pdf');
    writeFileSync(path, damaged);
    const result = await verifyPack(path, { rootsPem: [signer.rootPem!] });
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.id === 'padding')?.message).toBe(
      'The signature value is damaged: it is not well-formed (DER encoding), so it cannot be read.',
    );
  });

  it('a pack with a byte appended after %%EOF is caught by the byte-range check', async () => {
    const path = join(tmp.dir, 'appended.pdf');
    copyFileSync(packPath, path);
    appendFileSync(path, '\n');
    const result = await verifyPack(path);
    expect(result.valid).toBe(false);
    expect(result.checks.find((c) => c.id === 'byte-range')?.message).toContain('1 byte was added after signing');
  });
});
