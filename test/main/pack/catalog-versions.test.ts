import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, findCatalog } from '../../../shared/catalog/index';
import { buildPack } from '../../../main/pack/build-pack';
import { verifyPack } from '../../../main/pack/verify/verify-pack';
import { makePackInput, makeSigner, makeTempDir, run, type TestSigner } from './fixtures';

/** The report's text on one line per run of whitespace, so wrapped sentences can be searched. */
function reportText(path: string): string {
  return run('pdftotext', ['-enc', 'UTF-8', path, '-']).stdout.replace(/\s+/g, ' ');
}

describe('packs name the catalog version and the documents it follows', () => {
  const tmp = makeTempDir('pack-catalogs');
  let signer: TestSigner;
  beforeAll(async () => {
    signer = await makeSigner(false);
  });
  afterAll(() => tmp.cleanup());

  it('a 2025.2 pack says which Code, guidance, APC and form versions its catalog follows', async () => {
    const dir = join(tmp.dir, 'current');
    mkdirSync(dir);
    expect(CURRENT_CATALOG.version).toBe('2025.2');
    const packPath = join(dir, 'pack.pdf');
    await buildPack(makePackInput(dir, signer.signer), packPath);
    const text = reportText(packPath);
    expect(text).toContain('uk-sscp version 2025.2');
    expect(text).toContain(
      'Catalog 2025.2 follows: Code of Practice May 2025; Implementation guidance v1.0; Assurance Principles and Claims (APC) v1.0; self-assessment form v0.4.',
    );
    expect((await verifyPack(packPath, { fingerprint: signer.fingerprint })).valid).toBe(true);
  });

  it("an assessment on catalog 2025.1 still signs and verifies, with 2025.1's own claim text", async () => {
    const dir = join(tmp.dir, 'old');
    mkdirSync(dir);
    const old = findCatalog('uk-sscp', '2025.1')!;
    const input = makePackInput(dir, signer.signer);
    const detail = { ...input.detail, assessment: { ...input.detail.assessment, catalogVersion: '2025.1' } };
    const packPath = join(dir, 'pack.pdf');
    await buildPack({ ...input, detail, catalog: old }, packPath);

    const verification = await verifyPack(packPath, { fingerprint: signer.fingerprint });
    expect(verification.valid).toBe(true);
    const text = reportText(packPath);
    expect(text).toContain('uk-sscp version 2025.1');
    expect(text).not.toContain('follows:');
    // 2025.1's wording of 1.4.3, not 2025.2's: a signed version reads as it was.
    expect(text).toContain('ships without default passwords');
    expect(text).not.toContain('tools it uses itself');
  });
});
