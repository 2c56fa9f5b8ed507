import { spawnSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestSigner } from '../pack/fixtures';
import { buildSmallPack, cli, makeSigner, makeTempDir, snapshot } from './helpers';

const BIN = fileURLToPath(new URL('../../../bin/sscp.mjs', import.meta.url));
const FORM = fileURLToPath(new URL('../../fixtures/form/form-45.docx', import.meta.url));

describe('sscp import', () => {
  const tmp = makeTempDir('import-cli');
  let orgSigner: TestSigner;
  let pack: string;
  beforeAll(async () => {
    orgSigner = await makeSigner(true);
    pack = await buildSmallPack(tmp.dir, orgSigner, 'org-pack.pdf', 'customer');
  });
  afterAll(() => tmp.cleanup());

  it('--trust ROOT.pem trusts a signer issued by that root; --json prints the documented shape', async () => {
    const root = join(tmp.dir, 'root.pem');
    writeFileSync(root, orgSigner.rootPem!);
    const db = join(tmp.dir, 'trust.sscp');
    const r = await cli('import', pack, '--db', db, '--trust', root, '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      kind: 'pack',
      imported: true,
      profile: 'customer',
      schemaVersion: 1,
      verification: { valid: true, trusted: true, problems: [], signer: { commonName: 'Zoë Okafor', fingerprint: orgSigner.fingerprint } },
      assessment: { claims: 45, evidenceFiles: 3, evidenceWithheld: 1 },
      evidence: { stored: 2, alreadyHeld: 0, withheld: 1 },
      renamed: [],
      cleaned: [],
    });
    expect(json.assessmentId).toMatch(/^[0-9a-f-]{36}$/);
    expect((json.file as { sha256: string }).sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses --trust together with --fingerprint, and a trust file that is not there, before touching the database', async () => {
    const db = join(tmp.dir, 'args.sscp');
    const both = await cli('import', pack, '--db', db, '--trust', 'x.pem', '--fingerprint', 'ab'.repeat(32));
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('Give either --trust or --fingerprint, not both.');
    const missing = await cli('import', pack, '--db', db, '--trust', join(tmp.dir, 'nope.pem'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The trusted root');
    expect(missing.stderr).toContain('cannot be read: it does not exist.');
    expect(snapshot(db)).toEqual({ counts: {}, files: [] });
  });

  it('recognises the Word form by content, whatever its name, and imports it as a draft', async () => {
    const disguised = join(tmp.dir, 'form-saved-as.pdf.bin');
    copyFileSync(FORM, disguised);
    const db = join(tmp.dir, 'form.sscp');
    const r = await cli('import', disguised, '--db', db, '--org', 'Acme Ltd', '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { kind: string; assessmentId: string; placed: unknown[] };
    expect(json.kind).toBe('form');
    expect(json.placed).toHaveLength(45);
    const show = await cli('show', json.assessmentId, '--db', db, '--json');
    expect(JSON.parse(show.stdout)).toMatchObject({ assessment: { origin: 'imported-form', state: 'draft', organisation: 'Acme Ltd' } });
  });

  it('runs through the real binary with the documented exit codes', () => {
    const db = join(tmp.dir, 'bin.sscp');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8' });
    const ok = run('import', pack, '--db', db, '--fingerprint', orgSigner.fingerprint);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Imported as assessment [0-9a-f-]{36} \(signed, read-only\)/);
    const again = run('import', pack, '--db', db);
    expect(again.status).toBe(2);
    expect(again.stderr).toMatch(/This pack was already imported on/);
    const text = join(tmp.dir, 'readme.txt');
    writeFileSync(text, 'hello');
    const neither = run('import', text, '--db', db);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toContain(`${text} is neither an evidence pack (PDF) nor the official Word form (.docx).`);
  });
});
