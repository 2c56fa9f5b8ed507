import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/pack/build-pack';
import { makePackInput, makeSigner, makeTempDir, run } from './fixtures';

type Json = Record<string, unknown>;

/**
 * The tagged report of a real pack, read back with qpdf (no code shared with ours): every
 * structure element in document order, every page's decoded content, the AcroForm.
 */
describe('the pack is accessible: its structure tree, read back with qpdf', () => {
  const tmp = makeTempDir('pack-structure');
  const packPath = join(tmp.dir, 'pack.pdf');
  let objects: Record<string, Json>;
  const value = (ref: unknown): Json => (objects[`obj:${String(ref)}`] as { value: Json }).value;
  const stream = (ref: unknown) => (objects[`obj:${String(ref)}`] as { stream: { dict: Json; data?: string } }).stream;
  let catalog: Json;
  /** Every structure element, depth first, with its object reference. */
  const elements: { ref: string; el: Json }[] = [];

  beforeAll(async () => {
    const signer = await makeSigner(true);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    const input = makePackInput(evidenceDir, signer.signer);
    const products = ['Ελληνικό Λογισμικό', 'Продукт «Ромашка»', 'ソフトウェア製品', 'Ledger'];
    await buildPack({ ...input, detail: { ...input.detail, assessment: { ...input.detail.assessment, products } } }, packPath);
    const r = run('qpdf', ['--json', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', packPath]);
    expect(r.status, r.stderr).toBe(0);
    objects = (JSON.parse(r.stdout) as { qpdf: [Json, Record<string, Json>] }).qpdf[1];
    catalog = value((objects.trailer as { value: Json }).value['/Root']);
    const walk = (ref: unknown, depth: number): void => {
      if (typeof ref !== 'string' || !/^\d+ \d+ R$/.test(ref) || depth > 64) return;
      const el = value(ref);
      if (el['/Type'] !== '/StructElem' && el['/S'] === undefined) return;
      elements.push({ ref, el });
      const kids = el['/K'];
      for (const kid of Array.isArray(kids) ? kids : [kids]) walk(kid, depth + 1);
    };
    const root = value(catalog['/StructTreeRoot']);
    for (const kid of root['/K'] as string[]) walk(kid, 0);
  });
  afterAll(() => tmp.cleanup());

  it('heading levels never skip, from the cover to the last page', () => {
    const levels = elements
      .map((e) => /^\/H([1-6])$/.exec(String(e.el['/S']))?.[1])
      .filter((x): x is string => x !== undefined)
      .map(Number);
    expect(levels.length).toBeGreaterThan(20);
    expect(levels[0]).toBe(1);
    const skips = levels.flatMap((level, i) =>
      i > 0 && level > levels[i - 1]! + 1 ? [`H${levels[i - 1]} → H${level} at heading ${i}`] : [],
    );
    expect(skips).toEqual([]);
    // The "How to verify" steps, once H3 straight under an H1, are H2 now.
    expect(levels).toContain(2);
  });

  it('every table header cell says what it heads: /Scope /Column for a header row, /Row for a facts label', () => {
    const headers = elements.filter((e) => e.el['/S'] === '/TH');
    expect(headers.length).toBeGreaterThan(20);
    for (const { el } of headers) expect(el['/A']).toMatchObject({ '/O': '/Table', '/Scope': expect.stringMatching(/^\/(Column|Row)$/) });
    const scopes = new Set(headers.map((h) => (h.el['/A'] as Json)['/Scope']));
    expect(scopes).toEqual(new Set(['/Column', '/Row']));
  });

  it('text in another script is marked with its language; the document language is en-GB', () => {
    expect(catalog['/Lang']).toBe('u:en-GB');
    const pages = value(catalog['/Pages'])['/Kids'] as string[];
    const cover = value(pages[0]);
    const contents = Array.isArray(cover['/Contents']) ? (cover['/Contents'] as string[]) : [cover['/Contents'] as string];
    const text = contents.map((c) => Buffer.from(stream(c).data ?? '', 'base64').toString('latin1')).join('\n');
    const langs = [...text.matchAll(/\/Span\s*<<\s*\/Lang\s*\(([^)]*)\)\s*>>\s*BDC/g)].map((m) => m[1]);
    // Greek and Japanese are named; Cyrillic and the organisation's Han-only 株式会社 say their script.
    expect(new Set(langs)).toEqual(new Set(['el', 'und-Cyrl', 'ja', 'und-Hani']));
  });

  it('the signature widget is in the structure tree: a Form element whose /OBJR is the widget, found again through its /StructParent', () => {
    const acroForm = value(catalog['/AcroForm']);
    const widgetRef = (acroForm['/Fields'] as string[])[0]!;
    const widget = value(widgetRef);
    const forms = elements.filter((e) => e.el['/S'] === '/Form');
    expect(forms).toHaveLength(1);
    const form = forms[0]!;
    expect(form.el['/K']).toMatchObject({ '/Type': '/OBJR', '/Obj': widgetRef });
    expect(String(form.el['/Alt'])).toContain('Digital signature of the Senior Responsible Owner');
    expect(String(widget['/TU'])).toContain('Digital signature of the Senior Responsible Owner');
    const root = value(catalog['/StructTreeRoot']);
    const tree = (typeof root['/ParentTree'] === 'string' ? value(root['/ParentTree']) : root['/ParentTree']) as Json;
    const nums = tree['/Nums'] as unknown[];
    const at = nums.findIndex((n, i) => i % 2 === 0 && n === widget['/StructParent']);
    expect(at).toBeGreaterThanOrEqual(0);
    expect(nums[at + 1]).toBe(form.ref);
    expect(root['/ParentTreeNextKey']).toBe((widget['/StructParent'] as number) + 1);
    expect(run('qpdf', ['--check', packPath]).status).toBe(0);
  });
});

describe('the report writer keeps heading levels in order', () => {
  it('refuses a heading that skips a level, naming it', async () => {
    const { ReportWriter } = await import('../../../main/pack/report/writer');
    const w = new ReportWriter({
      title: 't',
      author: 'a',
      subject: 's',
      producer: 'p',
      keywords: 'k',
      createdAt: new Date('2026-01-01T00:00:00Z'),
    });
    w.newPage();
    w.beginSection('One');
    w.h1('Title');
    w.h2('Part');
    w.h3('Detail');
    w.h1('Next chapter');
    expect(() => w.h3('Too deep')).toThrow('The heading "Too deep" (H3) would skip a level after an H1.');
    expect(() => w.tagged('H4', 'Deeper still')).toThrow(/would skip a level/);
  });
});
