import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cdxProblems } from '../main/attestation/cdx-validate';
import { sscp, tempFolder } from './run-sscp';
import { createIdentity, writePassphraseFile } from './cli-fixtures';

/** `sscp export-cdx`: the assessment as a CycloneDX 1.6 attestation, on its own. */
const { dir, db, cleanup } = tempFolder();
const passFile = join(dir, 'pass.txt');
let id = '';

interface Doc {
  serialNumber: string;
  metadata: { timestamp: string; properties: { name: string; value: string }[] };
  declarations: {
    affirmation?: { signatories: { name: string; externalReference: { url: string; hashes?: { content: string }[] } }[] };
    evidence: { data?: { name: string }[] }[];
  };
}

beforeAll(async () => {
  writePassphraseFile(dir);
  const created = await sscp(
    'new',
    '--db',
    db,
    '--org',
    'Acme & Söhne',
    '--role',
    'developer-distributor',
    '--product',
    'Widget #1',
    '--sro',
    'Ada Jones',
    '--sro-role',
    'CTO',
  );
  expect(created.code, created.err).toBe(0);
  id = created.out.trim();
  writeFileSync(join(dir, 'policy 100% "final" #2.txt'), 'Secure development policy\n');
  expect((await sscp('attach', id, '1.1.1', join(dir, 'policy 100% "final" #2.txt'), '--db', db)).code).toBe(0);
  expect((await sscp('set', id, '1.1.1', '--result', 'met', '--db', db)).code).toBe(0);
  await createIdentity({ passFile, db, org: 'Acme & Söhne' });
});
afterAll(() => cleanup());

describe('sscp export-cdx', () => {
  it('writes a valid CycloneDX 1.6 attestation of a draft, without an affirmation, the same bytes each time', async () => {
    const out = join(dir, 'draft.cdx.json');
    const r = await sscp('export-cdx', id, '--db', db, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.out.trim()).toBe(out);
    expect(r.err).toContain('not signed yet');
    const text = readFileSync(out, 'utf8');
    expect(await cdxProblems(text)).toBeNull();
    const doc = JSON.parse(text) as Doc;
    expect(doc.declarations.affirmation).toBeUndefined();
    expect(doc.declarations.evidence.some((e) => e.data?.[0]?.name === 'policy 100% "final" #2.txt')).toBe(true);

    const again = await sscp('export-cdx', id, '--db', db, '--out', out, '--force');
    expect(again.code, again.err).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(text);
  });

  it('after signing, affirms at the signing time and names the signed pack by its SHA-256', async () => {
    const pack = join(dir, 'pack.pdf');
    const exported = await sscp(
      'export',
      id,
      '--db',
      db,
      '--identity',
      'ada',
      '--out',
      pack,
      '--passphrase-file',
      passFile,
      '--accept-exceptions',
    );
    expect(exported.code, exported.err).toBe(0);
    const out = join(dir, 'signed.cdx.json');
    const r = await sscp('export-cdx', id, '--db', db, '--out', out);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(await cdxProblems(text)).toBeNull();
    const doc = JSON.parse(text) as Doc;
    const signatory = doc.declarations.affirmation!.signatories[0]!;
    expect(signatory.name).toBe('Ada Jones');
    expect(signatory.externalReference.hashes?.[0]?.content).toBe(createHash('sha256').update(readFileSync(pack)).digest('hex'));
    const show = JSON.parse((await sscp('show', id, '--db', db, '--json')).out) as { assessment: { signedAt: string } };
    expect(doc.metadata.timestamp).toBe(show.assessment.signedAt);
    expect(doc.metadata.properties.find((p) => p.name === 'sscp:state')?.value).toBe('signed');
  });

  it('refuses bad input with exit 2 and a hint, writing nothing', async () => {
    const before = readdirSync(dir).sort();
    const cases: { argv: string[]; says: RegExp }[] = [
      { argv: ['export-cdx', 'no-such-assessment', '--db', db, '--out', join(dir, 'x.cdx.json')], says: /no-such-assessment/ },
      { argv: ['export-cdx', id, '--db', join(dir, 'missing.sscp'), '--out', join(dir, 'x.cdx.json')], says: /missing\.sscp/ },
      { argv: ['export-cdx', id, '--db', passFile, '--out', join(dir, 'x.cdx.json')], says: /pass\.txt/ },
      { argv: ['export-cdx', id, '--db', db, '--out', join(dir, 'no-folder', 'x.cdx.json')], says: /no-folder/ },
      { argv: ['export-cdx', id, '--db', db, '--out', join(dir, 'draft.cdx.json')], says: /--force/ },
      { argv: ['export-cdx', id, '--db', db, '--out', db, '--force'], says: /database/ },
    ];
    for (const c of cases) {
      const r = await sscp(...c.argv);
      expect(r.code, `${c.argv.join(' ')}\n${r.err}`).toBe(2);
      expect(r.err).toMatch(c.says);
      expect(r.err.split('\n').filter((l) => l.trim() !== '').length, r.err).toBeGreaterThanOrEqual(2);
    }
    expect(readdirSync(dir).sort()).toEqual(before);
  });

  it('refuses a folder as --out, suggesting a file name in it', async () => {
    const folder = join(dir, 'out-folder');
    mkdirSync(folder);
    const r = await sscp('export-cdx', id, '--db', db, '--out', folder);
    expect(r.code).toBe(2);
    expect(r.err).toContain('attestation.cdx.json');
  });

  it('is listed in --help', async () => {
    const r = await sscp('--help');
    expect(r.out).toContain('export-cdx');
  });
});
