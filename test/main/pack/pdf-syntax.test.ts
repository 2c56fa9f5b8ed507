import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { safeAttachmentName, uniqueAttachmentNames } from '../../../main/pack/attachment-names';
import { alreadyCompressed } from '../../../main/pack/embed-evidence';
import type { PdfDict, PdfName, PdfString } from '../../../main/pack/pdf/objects';
import { decodeTextString, dict, name, parsePdfDate, pdfDate, PdfRef, ref, serialize, textString } from '../../../main/pack/pdf/objects';
import { PdfFileReader } from '../../../main/pack/pdf/file-reader';
import { NeedMoreBytes, PdfParser, PdfSyntaxError } from '../../../main/pack/pdf/parser';
import { derLength } from '../../../main/pack/verify/der-length';

const parse = (text: string, atEnd = true) => new PdfParser(Buffer.from(text, 'latin1'), atEnd).readValue();

describe('PDF objects: what we write, we read back', () => {
  it('round-trips dictionaries, arrays, names, strings, numbers and references', () => {
    const value = dict({
      Type: name('EmbeddedFile'),
      Subtype: name('application/vnd.cyclonedx+json'),
      Params: dict({ Size: 1234, ModDate: pdfDate(new Date('2026-11-22T14:17:44Z')) }),
      Kids: [ref(12), ref(13), null, true, false, -1.5],
      Title: textString('Zoë & Søn Łódź 株式会社 (draft) \\ final'),
    });
    const text = serialize(value);
    expect(text).toContain('/application#2fvnd.cyclonedx+json');
    const back = parse(text) as PdfDict;
    expect((back.get('Subtype') as PdfName).name).toBe('application/vnd.cyclonedx+json');
    expect(decodeTextString(back.get('Title') as PdfString)).toBe('Zoë & Søn Łódź 株式会社 (draft) \\ final');
    expect((back.get('Kids') as unknown[]).slice(0, 2)).toEqual([new PdfRef(12, 0), new PdfRef(13, 0)]);
    expect((back.get('Kids') as unknown[]).slice(2)).toEqual([null, true, false, -1.5]);
    const params = back.get('Params') as PdfDict;
    expect(params.get('Size')).toBe(1234);
    expect(parsePdfDate(decodeTextString(params.get('ModDate') as PdfString))?.toISOString()).toBe('2026-11-22T14:17:44.000Z');
  });

  it('reads hex strings, escapes, octal codes and comments', () => {
    expect(Buffer.from((parse('<48 65 6C6c6F>') as PdfString).bytes).toString()).toBe('Hello');
    expect(Buffer.from((parse('(a\\(b\\)c\\n\\101)') as PdfString).bytes).toString()).toBe('a(b)c\nA');
    expect(parse('% a comment\n[1 2 R 3]')).toEqual([new PdfRef(1, 2), 3]);
    expect(parsePdfDate("D:20261122151744+01'00'")?.toISOString()).toBe('2026-11-22T14:17:44.000Z');
  });

  it('asks for more bytes mid-object unless the window reaches the end of the file', () => {
    expect(() => parse('<</Type /Sig /Contents <00', false)).toThrow(NeedMoreBytes);
    expect(() => parse('<</Type /Sig /Contents <00', true)).toThrow(PdfSyntaxError);
    expect(() => parse('<hex not hex>')).toThrow(PdfSyntaxError);
  });
});

describe('attachment names', () => {
  it('are safe to save under on any system', () => {
    expect(safeAttachmentName('../../etc/passwd')).toBe('_._etc_passwd');
    expect(safeAttachmentName('C:\\Users\\x\\report?.pdf')).toBe('C__Users_x_report_.pdf');
    expect(safeAttachmentName('..')).toBe('evidence');
    expect(safeAttachmentName('.hidden')).toBe('hidden');
    expect(safeAttachmentName('tab\there')).toBe('tab_here');
    expect(safeAttachmentName(`${'a'.repeat(300)}.pdf`)).toHaveLength(120);
    expect(safeAttachmentName(`${'a'.repeat(300)}.pdf`).endsWith('.pdf')).toBe(true);
  });

  it("are unique ignoring case, and never take the pack's own manifest names", () => {
    expect(uniqueAttachmentNames(['a.pdf', 'A.pdf', 'a.pdf', 'manifest.json', 'notes'])).toEqual([
      'a.pdf',
      'A (2).pdf',
      'a (3).pdf',
      'manifest (2).json',
      'notes',
    ]);
  });
});

describe('small helpers', () => {
  it('never samples formats that are compressed already', () => {
    expect(alreadyCompressed('text/plain')).toBe(false);
    expect(alreadyCompressed('application/vnd.cyclonedx+json')).toBe(false);
    expect(alreadyCompressed('application/octet-stream')).toBe(false);
    expect(alreadyCompressed('application/pdf')).toBe(true);
    expect(alreadyCompressed('image/png')).toBe(true);
    expect(alreadyCompressed('application/zip')).toBe(true);
    expect(alreadyCompressed('Application/GZIP; charset=binary')).toBe(true);
  });

  it('reads DER lengths in short and long form, refusing truncated or indefinite ones', () => {
    expect(derLength(Uint8Array.from([0x30, 0x03, 1, 2, 3, 0, 0]))).toBe(5);
    expect(derLength(Uint8Array.from([0x30, 0x82, 0x01, 0x00, ...new Array(256).fill(7)]))).toBe(260);
    expect(derLength(Uint8Array.from([0x30, 0x80, 0, 0]))).toBeNull();
    expect(derLength(Uint8Array.from([0x30, 0x05, 1]))).toBeNull();
  });
});

describe('cross-reference tables', () => {
  /** A PDF of `count` tiny objects whose table is written with `entry` (offset, kind) per line, read back by the reader that verify uses. */
  async function readBack(count: number, entry: (offset: number, kind: 'n' | 'f') => string, header = (n: number) => `0 ${n}\n`) {
    const dir = await mkdtemp(join(tmpdir(), 'sscp-xref-'));
    try {
      let body = '%PDF-1.7\n';
      const offsets: number[] = [];
      for (let i = 1; i <= count; i += 1) {
        offsets.push(body.length);
        body += `${i} 0 obj\n<< /N ${i} >>\nendobj\n`;
      }
      const xref = body.length;
      body += `xref\n${header(count + 1)}${entry(0, 'f')}${offsets.map((o) => entry(o, 'n')).join('')}`;
      body += `trailer\n<< /Size ${count + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
      const path = join(dir, 'x.pdf');
      await writeFile(path, body, 'latin1');
      const reader = await PdfFileReader.over(await open(path, 'r'));
      try {
        await reader.readStructure();
        const found = reader.objectNumbers.map((n) => [n, reader.offsetOf(n)]);
        const last = (await reader.resolve(new PdfRef(count, 0))) as PdfDict;
        return { found, expected: offsets.map((o, i) => [i + 1, o]), last: last.get('N') };
      } finally {
        await reader.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const standard = (offset: number, kind: string) => `${String(offset).padStart(10, '0')} ${kind === 'f' ? '65535' : '00000'} ${kind}\r\n`;

  it('reads a standard table of thousands of entries, past the first window, to the right offsets', async () => {
    const { found, expected, last } = await readBack(3000, standard);
    expect(found).toEqual(expected);
    expect(last).toBe(3000);
  });

  it('reads each standard end of line (SP CR, SP LF, CR LF)', async () => {
    for (const eol of [' \r', ' \n', '\r\n']) {
      const { found, expected } = await readBack(40, (o, k) => `${String(o).padStart(10, '0')} 00000 ${k}${eol}`);
      expect(found).toEqual(expected);
    }
  });

  it('still reads a table that bends the fixed layout, word by word', async () => {
    // Short offsets, single spaces and bare line feeds: not the standard's 20 bytes an entry.
    const { found, expected, last } = await readBack(300, (o, k) => `${o} 0 ${k}\n`);
    expect(found).toEqual(expected);
    expect(last).toBe(300);
  });

  it('refuses an entry that is neither in use nor free, wherever it is', async () => {
    let i = 0;
    const bad = (o: number, k: string) => (++i === 120 ? `${String(o).padStart(10, '0')} 00000 x\r\n` : standard(o, k));
    await expect(readBack(200, bad)).rejects.toThrow('neither "n" nor "f"');
  });

  it('refuses a subsection that claims more entries than the file has', async () => {
    await expect(readBack(10, standard, (n) => `0 ${n + 5}\n`)).rejects.toThrow(PdfSyntaxError);
  });
});
