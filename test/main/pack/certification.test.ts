import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatVerification } from '../../../main/cli/verify-report';
import { buildPack } from '../../../main/pack/build-pack';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner, makeTempDir, run, type TestSigner } from './fixtures';
import { pdfsig, replaceOnce, resignInPlace } from './pdf-tools';

type Json = Record<string, unknown>;

/** The pack's objects as qpdf (no code shared with ours) reads them. */
function qpdfObjects(path: string): Record<string, Json> {
  const r = run('qpdf', ['--json', '--json-key=qpdf', path]);
  expect(r.status, r.stderr).toBe(0);
  const qpdf = (JSON.parse(r.stdout) as { qpdf: [Json, Record<string, Json>] }).qpdf;
  return qpdf[1];
}

const value = (objects: Record<string, Json>, ref: string): Json => (objects[`obj:${ref}`] as { value: Json }).value;

/** mupdf adds a note to page 1 and saves it as an incremental update, as any PDF editor would. */
function annotateWithMupdf(from: string, to: string, dir: string): void {
  const script = join(dir, 'annotate.js');
  writeFileSync(
    script,
    'var doc = new PDFDocument(scriptArgs[0]); var page = doc.loadPage(0); var a = page.createAnnotation("Text");\n' +
      'a.setContents("added after signing"); a.update(); doc.save(scriptArgs[1], "incremental");\n',
  );
  copyFileSync(from, to);
  const r = run('mutool', ['run', script, to, to]);
  expect(r.status, r.stderr).toBe(0);
}

describe('the SRO signature certifies the pack (DocMDP, no changes allowed)', () => {
  const tmp = makeTempDir('pack-certification');
  const packPath = join(tmp.dir, 'pack.pdf');
  let signer: TestSigner;

  beforeAll(async () => {
    signer = await makeSigner(true);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    await buildPack(makePackInput(evidenceDir, signer.signer), packPath);
  });
  afterAll(() => tmp.cleanup());

  it('qpdf reads a certification signature: /Reference DocMDP with P 1, and the catalog /Perms names it', () => {
    const objects = qpdfObjects(packPath);
    const trailer = (objects.trailer as { value: Json }).value;
    const catalog = value(objects, String(trailer['/Root']));
    const perms = catalog['/Perms'] as Json;
    const sigRef = String(perms['/DocMDP']);
    const sig = value(objects, sigRef);
    expect(sig['/Type']).toBe('/Sig');
    const [reference] = sig['/Reference'] as Json[];
    expect(reference!['/TransformMethod']).toBe('/DocMDP');
    expect(reference!['/TransformParams']).toMatchObject({ '/P': 1, '/V': '/1.2' });
    // The signature field's value is that same dictionary: one signature, and it is the certification.
    const acroForm = value(objects, String(catalog['/AcroForm']));
    const [widget] = acroForm['/Fields'] as string[];
    expect(value(objects, widget!)['/V']).toBe(sigRef);
    expect(run('qpdf', ['--check', packPath]).status).toBe(0);
  });

  it('the verifier reports the pack certified at level 1, in JSON and in words', async () => {
    const v = await verifyPack(packPath, { rootsPem: [signer.rootPem!] });
    expect(v.valid).toBe(true);
    expect(v.certification).toEqual({ certified: true, permission: 1, meaning: 'no changes of any kind are allowed' });
    expect(v.checks.find((c) => c.id === 'certification')).toMatchObject({ outcome: 'pass' });
    expect(formatVerification(packPath, v)).toContain('Certified    yes, level 1: no changes of any kind are allowed');
  });

  it('a note added later by a PDF editor breaks the certification, and every tool says so', async () => {
    const edited = join(tmp.dir, 'annotated.pdf');
    annotateWithMupdf(packPath, edited, tmp.dir);
    const v = await verifyPack(edited, { rootsPem: [signer.rootPem!] });
    expect(v.valid).toBe(false);
    const certification = v.checks.find((c) => c.id === 'certification')!;
    expect(certification.outcome).toBe('fail');
    expect(certification.message).toMatch(
      /^The signer certified the pack with no changes allowed, yet \d+ bytes were added after certification\.$/,
    );
    expect(pdfsig(edited)).toContain('Not total document signed');
    expect(run('mutool', ['sign', '-v', edited]).stdout).toContain('there have been edits since signing');
  });

  it('a signature that claims certification while the catalog no longer says so is refused', async () => {
    const stripped = join(tmp.dir, 'perms-stripped.pdf');
    copyFileSync(packPath, stripped);
    // A forger with a signing key re-signs after renaming /Perms: only the certification check can tell.
    await resignInPlace(stripped, signer.signer, (pdf) => replaceOnce(pdf, '/Perms <<', '/Permz <<'));
    const v = await verifyPack(stripped, { rootsPem: [signer.rootPem!] });
    expect(v.checks.filter((c) => c.outcome === 'fail').map((c) => c.id)).toEqual(['certification']);
    expect(v.certification?.certified).toBe(false);
    expect(v.problems[0]).toContain('the document no longer says so');
  });

  it('a pack signed before packs were certified still verifies, with a warning', async () => {
    const older = join(tmp.dir, 'uncertified.pdf');
    copyFileSync(packPath, older);
    await resignInPlace(older, signer.signer, (pdf) => {
      replaceOnce(pdf, '/Perms <<', '/Permz <<');
      replaceOnce(pdf, '/TransformMethod /DocMDP', '/TransformMethod /NoMDP_');
    });
    const v = await verifyPack(older, { rootsPem: [signer.rootPem!] });
    expect(v.valid).toBe(true);
    expect(v.certification).toMatchObject({ certified: false, permission: null });
    expect(v.checks.find((c) => c.id === 'certification')?.outcome).toBe('warn');
    expect(readFileSync(older).length).toBe(readFileSync(packPath).length);
  });
});
