import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/pack/build-pack';
import { makePackInput, makeSigner, makeTempDir, run } from './fixtures';

const HOSTILE_ORG = `Zoë & Søn <Ltd> "Quoted" 'Apos' ]]> &amp;`;
const HOSTILE_SRO = `Ada <b>Lovelace</b> & "Co" 'x'\u0007`;
const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
const DC = 'http://purl.org/dc/elements/1.1/';
const PDF_NS = 'http://ns.adobe.com/pdf/1.3/';
const XMP = 'http://ns.adobe.com/xap/1.0/';

interface QpdfJson {
  qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>];
}

/**
 * What the pack declares about itself (PDF/A-3b, PDF 1.7 outline), read back from a real
 * pack by tools that share no code with ours: mutool for the XMP bytes, qpdf for objects.
 */
describe('a pack whose organisation and SRO names hold XML markup', () => {
  const tmp = makeTempDir('pdf-conformance');
  const packPath = join(tmp.dir, 'pack.pdf');
  let objects: QpdfJson['qpdf'][1];
  let rootDict: Record<string, unknown>;

  beforeAll(async () => {
    const signer = await makeSigner(false);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    const input = makePackInput(evidenceDir, signer.signer);
    const detail = { ...input.detail, assessment: { ...input.detail.assessment, organisation: HOSTILE_ORG, sroName: HOSTILE_SRO } };
    await buildPack({ ...input, detail }, packPath);
    const json = run('qpdf', ['--json=2', '--json-key=qpdf', packPath]);
    expect(json.status).toBe(0);
    objects = (JSON.parse(json.stdout) as QpdfJson).qpdf[1];
    const trailer = objects.trailer!.value!;
    rootDict = objects[`obj:${String(trailer['/Root'])}`]!.value!;
  });
  afterAll(() => tmp.cleanup());

  function obj(ref: unknown): { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } } {
    const o = objects[`obj:${String(ref)}`];
    if (!o) throw new Error(`no object ${String(ref)}`);
    return o;
  }

  it('carries an XMP packet that is well-formed XML with the exact names', () => {
    const r = run('mutool', ['show', '-b', packPath, 'trailer/Root/Metadata']);
    expect(r.status).toBe(0);
    const errors: string[] = [];
    const doc = new DOMParser({
      onError: (level, msg) => {
        // The U+FFFD standing in for the bell is meant; xmldom only warns about it.
        if (level !== 'warning') errors.push(`${level}: ${msg}`);
      },
    }).parseFromString(r.stdout, 'text/xml');
    expect(errors).toEqual([]);
    const texts = (ns: string, name: string): string[] => Array.from(doc.getElementsByTagNameNS(ns, name)).map((e) => e.textContent ?? '');
    const li = (ns: string, name: string): string => {
      const el = doc.getElementsByTagNameNS(ns, name)[0]!;
      return el.getElementsByTagNameNS(RDF, 'li')[0]!.textContent ?? '';
    };
    expect(li(DC, 'title')).toBe(`${HOSTILE_ORG}: Software Security Code of Practice evidence pack`);
    // The bell cannot be carried by XML 1.0; it becomes U+FFFD in XMP and Info alike.
    expect(li(DC, 'creator')).toBe(HOSTILE_SRO.replace('\u0007', '\uFFFD'));
    expect(li(DC, 'description')).toMatch(/^Self-assessment against .+, signed by the Senior Responsible Owner$/);
    expect(texts(PDF_NS, 'Keywords')[0]).toMatch(/^SSCP; Software Security Code of Practice; evidence pack; /);
    expect(texts(PDF_NS, 'Producer')[0]).toMatch(/^SSCP Evidence Pack /);
    expect(texts(XMP, 'CreateDate')).toEqual(['2026-11-22T14:17:44Z']);
    expect(texts(XMP, 'ModifyDate')).toEqual(['2026-11-22T14:17:44Z']);
    expect(texts('http://www.aiim.org/pdfa/ns/id/', 'part')).toEqual(['3']);
    expect(texts('http://www.aiim.org/pdfa/ns/id/', 'conformance')).toEqual(['B']);
  });

  it('keeps the Info dictionary equal to the XMP title and author', () => {
    const r = run('pdfinfo', ['-enc', 'UTF-8', packPath]);
    expect(r.stdout).toContain(`Title:           ${HOSTILE_ORG}: Software Security Code of Practice evidence pack`);
    expect(r.stdout).toContain(`Author:          ${HOSTILE_SRO.replace('\u0007', '\uFFFD')}`);
  });

  it('writes the metadata stream dictionary with /Length only, no stray /length', () => {
    const dict = obj(rootDict['/Metadata']).stream!.dict;
    expect(Object.keys(dict).sort()).toEqual(['/Length', '/Subtype', '/Type']);
    expect(dict['/Type']).toBe('/Metadata');
    expect(dict['/Subtype']).toBe('/XML');
  });

  it('gives the outline root a /Count of its visible items and closed parents a negative one', () => {
    const outlines = obj(rootDict['/Outlines']).value!;
    const top: Record<string, unknown>[] = [];
    for (let ref = outlines['/First']; ref; ref = obj(ref).value!['/Next']) top.push(obj(ref).value!);
    expect(top.length).toBeGreaterThan(8);
    expect(outlines['/Count']).toBe(top.length);
    const themes = top.filter((t) => t['/First']);
    expect(themes.length).toBeGreaterThan(0);
    for (const theme of themes) {
      let n = 0;
      for (let ref = theme['/First']; ref; ref = obj(ref).value!['/Next']) n += 1;
      expect(theme['/Count']).toBe(-n);
    }
    for (const leaf of top.filter((t) => !t['/First'])) expect(leaf['/Count']).toBeUndefined();
  });
});
