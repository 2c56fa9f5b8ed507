import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG } from '../../../shared/catalog/index';
import { MAX_XML_DEPTH, xmlNestingDepth } from '../../../main/form/read/parse-document-xml';
import { readForm, readFormXml } from '../../../main/form/read/read-form';
import { sscp } from '../../cli/run-sscp';
import { claimRow, docxBytes, documentXml, headerRow, p, principleRow, r, tbl, tc, tr } from './word-xml';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sscp-deep-xml-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const nested = (open: string, close: string, depth: number, inner: string): string => open.repeat(depth) + inner + close.repeat(depth);

/** A one-table form whose claim 1.1.1 evidence cell holds the given paragraphs. */
const formBody = (evidence: string[]): string =>
  tbl(
    headerRow(),
    principleRow('1.1', 'Follow a framework'),
    claimRow('Claim 1.1.1', 'The framework in use is documented.', evidence, [p()]),
  );

const refusal = expect.objectContaining({
  kind: 'unreadable',
  message: expect.stringContaining(`its elements are nested more than ${MAX_XML_DEPTH} levels deep`) as unknown,
});

/**
 * A small .docx can nest elements tens of thousands deep; walking that recursively ended in
 * "Maximum call stack size exceeded". Such a file is refused in plain words before any tree is built.
 */
describe('deeply nested Word XML', () => {
  it('refuses a .docx under 1 MB with 60,000 nested tracked insertions, in the app reader and in sscp import', async () => {
    const bytes = docxBytes(formBody([p(nested('<w:ins>', '</w:ins>', 60_000, r('deep')))]));
    expect(bytes.length).toBeLessThan(1024 * 1024);
    const file = join(dir, 'deep-ins.docx');
    await writeFile(file, bytes);
    await expect(readForm(file, CURRENT_CATALOG)).rejects.toThrow(refusal);
    const db = join(dir, 'deep.sscp');
    const cli = await sscp('import', file, '--db', db);
    expect(cli.code, cli.err).toBe(2);
    expect(cli.err).toContain('deep-ins.docx is not a Word document (.docx): its content is damaged');
    expect(cli.err).not.toContain('call stack');
  });

  it('refuses deep nesting at block level and in tables too', () => {
    const sdt = nested('<w:sdt><w:sdtContent>', '</w:sdtContent></w:sdt>', 30_000, p(r('x')));
    expect(() => readFormXml(documentXml(sdt), CURRENT_CATALOG)).toThrow(refusal);
    const tables = nested('<w:tbl><w:tr><w:tc>', '<w:p/></w:tc></w:tr></w:tbl>', 20_000, p(r('x')));
    expect(() => readFormXml(documentXml(tables), CURRENT_CATALOG)).toThrow(refusal);
  });

  it('still reads nesting as deep as a real document could go', () => {
    // Well within the limit, but far deeper than Word writes: read as usual.
    const evidence = p(nested('<w:ins>', '</w:ins>', MAX_XML_DEPTH - 20, r('Policy v2')));
    const row = readFormXml(documentXml(formBody([evidence])), CURRENT_CATALOG).rows.find((x) => x.claimId === '1.1.1');
    expect(row?.evidenceText).toBe('Policy v2');
  });

  it('counts only real elements: not self-closing tags, comments, CDATA, declarations or ">" inside attribute values', () => {
    expect(xmlNestingDepth('<?xml version="1.0"?><a><b/><c x="1 > 2" y=\'/>\'><d></d></c></a>')).toBe(3);
    expect(xmlNestingDepth('<a><!-- <b><c><d> --><![CDATA[<e><f>]]></a>')).toBe(1);
    expect(xmlNestingDepth(`<r>${'<x>'.repeat(10)}${'</x>'.repeat(10)}${tr(tc(p()))}</r>`)).toBe(11);
    expect(xmlNestingDepth(nested('<x>', '</x>', 100_000, ''))).toBe(MAX_XML_DEPTH + 1);
  });
});
