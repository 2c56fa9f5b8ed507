import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import { readForm } from '../../../main/form/read/read-form';
import { readDocumentXml } from '../../../main/form/read/open-docx';
import { docxBytes, headerRow, p, r, tbl } from './word-xml';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sscp-open-docx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function fileWith(name: string, bytes: Uint8Array | string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytes);
  return path;
}

const notDocx = (detail: RegExp) =>
  expect.objectContaining({
    kind: 'unreadable',
    message: expect.stringMatching(new RegExp(`is not a Word document \\(\\.docx\\): .*${detail.source}`)),
  });

/** Rewrites the declared uncompressed size of every entry in a zip, central directory and local headers. */
function lieAboutSizes(zip: Uint8Array, declared: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, declared, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, declared, true);
  }
  return out;
}

describe('opening a .docx safely', () => {
  it('reads word/document.xml from a sound document', async () => {
    const path = await fileWith('ok.docx', docxBytes(p(r('hello'))));
    expect(await readDocumentXml(path)).toContain('<w:t xml:space="preserve">hello</w:t>');
  });

  it('refuses an empty file', async () => {
    await expect(readForm(await fileWith('empty.docx', ''), CURRENT_CATALOG)).rejects.toThrow(notDocx(/it is empty/));
  });

  it('refuses a file that is not a zip, such as a PDF renamed', async () => {
    await expect(readForm(await fileWith('renamed.docx', '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n'), CURRENT_CATALOG)).rejects.toThrow(
      notDocx(/it is not a zip archive/),
    );
  });

  it('refuses a zip without a Word document inside', async () => {
    const zip = zipSync({ 'readme.txt': strToU8('hello'), '[Content_Types].xml': strToU8('<Types/>') });
    await expect(readForm(await fileWith('other.docx', zip), CURRENT_CATALOG)).rejects.toThrow(notDocx(/it has no Word document inside/));
  });

  it.each([
    ['../evil.xml'],
    ['word/../../evil.xml'],
    ['/etc/passwd'],
    ['C:\\Windows\\evil.dll'],
    ['\\\\server\\share\\x'],
    ['word\\..\\..\\x'],
  ])('refuses an entry with the unsafe path %s', async (name) => {
    const zip = docxBytes(tbl(headerRow()), { [name]: strToU8('x') });
    await expect(readForm(await fileWith('traversal.docx', zip), CURRENT_CATALOG)).rejects.toThrow(
      notDocx(/it contains a part with an unsafe path/),
    );
  });

  it('refuses a zip bomb by its declared size before inflating anything', async () => {
    const zip = lieAboutSizes(docxBytes(p(r('x'))), 0xfffffff0);
    await expect(readForm(await fileWith('declared-bomb.docx', zip), CURRENT_CATALOG)).rejects.toThrow(
      notDocx(/it would unpack to more than 200 MB/),
    );
  });

  it('refuses an entry compressed implausibly tightly', async () => {
    const bomb = zipSync(
      { '[Content_Types].xml': strToU8('<Types/>'), word: { 'document.xml': new Uint8Array(20 * 1024 * 1024) } },
      { level: 9 },
    );
    await expect(readForm(await fileWith('ratio-bomb.docx', bomb), CURRENT_CATALOG)).rejects.toThrow(
      notDocx(/compressed implausibly tightly/),
    );
  });

  it('stops inflating an entry that produces more than it declared', async () => {
    // Declares 1 KB (a harmless ratio) but inflates to 900 KB: only the running count catches it.
    const body = p(r('x'.repeat(900 * 1024)));
    const zip = lieAboutSizes(docxBytes(body), 1024);
    await expect(readForm(await fileWith('lying-bomb.docx', zip), CURRENT_CATALOG)).rejects.toThrow(
      notDocx(/unpacks to more than it declares/),
    );
  });

  it('refuses a damaged entry', async () => {
    const zip = docxBytes(p(r('hello world '.repeat(200))));
    const broken = zip.slice();
    // Corrupt the compressed bytes of the document part, just after its local header's name.
    const at = Buffer.from(broken).indexOf('word/document.xml') + 'word/document.xml'.length + 4;
    for (let i = at; i < at + 40; i++) broken[i] = 0xff;
    await expect(readForm(await fileWith('damaged.docx', broken), CURRENT_CATALOG)).rejects.toThrow(
      expect.objectContaining({ kind: 'unreadable' }),
    );
  });

  it('says a missing file or a folder cannot be opened', async () => {
    const missing = join(dir, 'missing.docx');
    await expect(readForm(missing, CURRENT_CATALOG)).rejects.toThrow(
      expect.objectContaining({ kind: 'not-found', message: `The Word form ${missing} cannot be read: it does not exist.` }),
    );
    const folder = join(dir, 'folder.docx');
    await mkdir(folder);
    await expect(readForm(folder, CURRENT_CATALOG)).rejects.toThrow(
      expect.objectContaining({ kind: 'invalid-input', message: `The Word form ${folder} is a folder, not a file.` }),
    );
  });

  it('refuses a file of random bytes', async () => {
    const noise = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    await expect(readForm(await fileWith('noise.docx', noise), CURRENT_CATALOG)).rejects.toThrow(notDocx(/it is not a zip archive/));
  });

  it('says a Word document that is not the form is not the form', async () => {
    const path = await fileWith('letter.docx', docxBytes(p(r('Dear customer,'))));
    await expect(readForm(path, CURRENT_CATALOG)).rejects.toThrow(
      expect.objectContaining({
        kind: 'invalid-input',
        message: expect.stringContaining('is not the Software Security Code of Practice self-assessment form'),
      }),
    );
  });
});
