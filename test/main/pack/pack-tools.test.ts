import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../../main/pack/build-pack';
import { manifestSchema, type Manifest } from '../../../main/pack/manifest';
import type { BuiltPack, PackInput } from '../../../main/pack/types';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner, makeTempDir, run, UNICODE_ORG, type TestSigner } from './fixtures';
import { opensslVerify, pdfsig } from './pdf-tools';

/**
 * One certification pack signed by an organisation-issued identity, checked by tools that
 * share no code with ours: poppler (pdfsig, pdfdetach, pdftotext), qpdf, openssl, NSS.
 */
describe('a certification pack, checked by independent tools', () => {
  const tmp = makeTempDir('pack-tools');
  const packPath = join(tmp.dir, 'pack.pdf');
  let signer: TestSigner;
  let input: PackInput;
  let built: BuiltPack;
  let manifest: Manifest;

  beforeAll(async () => {
    signer = await makeSigner(true);
    const evidenceDir = join(tmp.dir, 'evidence');
    mkdirSync(evidenceDir);
    input = makePackInput(evidenceDir, signer.signer);
    built = await buildPack(input, packPath);
    const out = join(tmp.dir, 'detached');
    mkdirSync(out);
    run('pdfdetach', ['-saveall', '-o', out, packPath]);
    manifest = manifestSchema.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
  });
  afterAll(() => tmp.cleanup());

  it('reports the SHA-256 of the file it wrote', () => {
    expect(createHash('sha256').update(readFileSync(packPath)).digest('hex')).toBe(built.sha256);
    expect(readdirSync(tmp.dir).filter((n) => n.endsWith('.partial'))).toEqual([]);
  });

  it('pdfsig: the whole document is signed and the signature is valid', () => {
    const text = pdfsig(packPath);
    expect(text).toContain('Total document signed');
    expect(text).toContain('Signature Validation: Signature is Valid.');
    expect(text).toContain('ETSI.CAdES.detached');
  });

  it('pdfsig with the organisation root in an NSS database: the certificate is trusted', () => {
    const nss = join(tmp.dir, 'nss');
    mkdirSync(nss);
    const rootFile = join(tmp.dir, 'root.pem');
    writeFileSync(rootFile, signer.rootPem!);
    expect(run('certutil', ['-N', '--empty-password', '-d', `sql:${nss}`]).status).toBe(0);
    expect(run('certutil', ['-A', '-n', 'org-root', '-t', 'C,C,C', '-i', rootFile, '-d', `sql:${nss}`]).status).toBe(0);
    const text = pdfsig(packPath, nss);
    expect(text).toContain('Signature is Valid.');
    expect(text).toContain('Certificate is Trusted.');
  });

  it('qpdf --check finds no errors', () => {
    const r = run('qpdf', ['--check', packPath]);
    expect(r.stdout).toContain('No syntax or stream encoding errors found');
    expect(r.status).toBe(0);
  });

  it('pdfdetach -saveall yields every embedded file byte-identical to its manifest entry', () => {
    const out = join(tmp.dir, 'detached');
    const saved = readdirSync(out).sort();
    const expected = [
      ...manifest.files.filter((f) => f.embedded).map((f) => f.name),
      ...(manifest.dataFiles ?? []).map((f) => f.name),
      'assessment.json',
      'manifest.json',
    ].sort();
    expect(saved).toEqual(expected);
    expect(saved).toContain('attestation.cdx.json');
    for (const f of [...manifest.files.filter((e) => e.embedded), ...(manifest.dataFiles ?? [])]) {
      expect(
        createHash('sha256')
          .update(readFileSync(join(out, f.name)))
          .digest('hex'),
      ).toBe(f.sha256);
    }
    // A hostile original name cannot escape the output folder.
    expect(saved.every((n) => !n.includes('/') && !n.includes('..'))).toBe(true);
    expect(new Set(saved.map((n) => n.toLowerCase())).size).toBe(saved.length);
  });

  it('manifest.json and assessment.json describe the assessment faithfully', () => {
    const out = join(tmp.dir, 'detached');
    expect(manifest.packId).toBe(built.packId);
    expect(manifest.profile).toBe('certification');
    expect(manifest.catalog).toEqual({ id: input.catalog.id, version: input.catalog.version });
    expect(manifest.files.map((f) => f.sha256)).toEqual(input.detail.evidence.map((e) => e.sha256));
    expect(manifest.files.find((f) => f.originalName === '../../etc/passwd')?.claims).toEqual(['3.2.1']);
    const exported = JSON.parse(readFileSync(join(out, 'assessment.json'), 'utf8'));
    expect(exported.detail).toEqual(JSON.parse(JSON.stringify(input.detail)));
    expect(exported.auditChainHead.hash).toBe(input.audit.headHash);
  });

  it('openssl cms -verify accepts the CMS over the two signed byte ranges', () => {
    const caFile = join(tmp.dir, 'ca.pem');
    writeFileSync(caFile, signer.rootPem!);
    const r = opensslVerify(packPath, tmp.dir, caFile);
    expect(r.output).toContain('Verification successful');
    expect(r.status).toBe(0);
  });

  it('pdftotext extracts the organisation name in Latin, Polish and CJK scripts', () => {
    const text = run('pdftotext', ['-enc', 'UTF-8', packPath, '-']).stdout;
    expect(text).toContain(UNICODE_ORG);
    expect(text).toContain('How to verify this pack');
    expect(text).toContain(signer.fingerprint);
    // The page does not let a printed fingerprint vouch for itself.
    expect(text).toMatch(/obtained\s+from\s+the\s+organisation\s+by\s+another\s+channel/);
    expect(text).toMatch(/3:\s+intact,\s+but\s+no\s+fingerprint/);
    expect(text).toMatch(/Page 3 of \d+/);
  });

  it('pdfinfo sees a tagged PDF 1.7 with the SRO as author and our producer', () => {
    const info = run('pdfinfo', [packPath]).stdout;
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    expect(info).toMatch(/Author:\s+Zoë Okafor/);
    expect(info).toMatch(/Producer:\s+SSCP Evidence Pack \d+\.\d+\.\d+/);
    expect(info).toMatch(/Form:\s+AcroForm/);
  });

  it('tagged structure: one Document root with sections, headings, tables and described figures; an outline per theme and principle', () => {
    const struct = run('pdfinfo', ['-struct', packPath]);
    expect(struct.stderr).not.toContain('Warning');
    expect(struct.stdout.split('\n')[0]).toBe('Document');
    for (const tag of ['Sect "Cover"', 'H1', 'H2', 'H3', 'Table', 'TH', 'TD', 'Figure']) expect(struct.stdout).toContain(tag);
    const outlines = (
      JSON.parse(run('qpdf', ['--json', '--json-key=outlines', packPath]).stdout) as {
        outlines: { title: string; kids: { title: string }[] }[];
      }
    ).outlines;
    expect(outlines.map((o) => o.title)).toEqual([
      'Summary',
      'Scope',
      ...input.catalog.themes.map((t) => `Theme ${t.id}: ${t.title}`),
      'Remedial action plan',
      'Evidence index',
      'Audit trail',
      'Attestation',
      'How to verify this pack',
    ]);
    expect(outlines[2]!.kids.map((k) => k.title)).toEqual(input.catalog.themes[0]!.principles.map((p) => `${p.id} ${p.title}`));
  });

  it('verifyPack: valid and trusted against the root, or the pinned fingerprint', async () => {
    const byRoot = await verifyPack(packPath, { rootsPem: [signer.rootPem!] });
    expect(byRoot.problems).toEqual([]);
    expect(byRoot.valid).toBe(true);
    expect(byRoot.trusted).toBe(true);
    expect(byRoot.packId).toBe(built.packId);
    expect(byRoot.fingerprint).toBe(signer.fingerprint);
    expect(byRoot.files.every((f) => f.status === 'ok')).toBe(true);
    const byFingerprint = await verifyPack(packPath, { fingerprint: signer.fingerprint.toUpperCase().replace(/(..)(?=.)/g, '$1:') });
    expect(byFingerprint.valid && byFingerprint.trusted).toBe(true);
  });

  it('verifyPack: valid but untrusted with nothing to trust, invalid with the wrong fingerprint', async () => {
    const untrusted = await verifyPack(packPath);
    expect(untrusted.valid).toBe(true);
    expect(untrusted.trusted).toBe(false);
    expect(untrusted.summary).toContain('Intact, but the signer is not trusted: Nothing establishes who the signer is');
    // The summary reaches the app too: it names no CLI option.
    expect(untrusted.summary).not.toMatch(/--/);
    const wrong = await verifyPack(packPath, { fingerprint: 'ab'.repeat(32) });
    expect(wrong.valid).toBe(false);
    expect(wrong.checks.find((c) => c.id === 'signer-trust')?.outcome).toBe('fail');
  });
});
