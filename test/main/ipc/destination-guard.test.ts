import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appHintOf } from '../../setup/error-words';
import { ipcHarness } from './ipc-harness';

/**
 * The app's writers behind the save dialog: the dialog asked before replacing a file, so an
 * existing file is replaced, but a save location that is the open database, its companions
 * or its evidence folder is refused all the same (the dialog would happily offer them).
 */
describe('the app refuses to save over the open database', () => {
  const { result: call, runJob, session, grants } = ipcHarness();
  /** The user picked `path` in the save dialog (and agreed to replace it, if it exists). */
  const saveAs = (path: string) => grants.grant(path, 'write');

  let dir: string;
  let dbPath: string;
  let assessmentId: string;
  const passphrase = 'correct horse battery staple 2026';

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-ipc-dest-'));
    dbPath = join(dir, 'a.sscp');
    grants.grant(dbPath, 'database');
    expect(await call('workspace.open', { dbPath })).toMatchObject({ ok: true });
    const created = await call<{ id: string }>('assessments.create', {
      organisation: 'Acme',
      products: ['Ledger'],
      role: 'developer-distributor',
      theme3InScope: false,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
    });
    if (!created.ok) throw new Error(created.error.message);
    assessmentId = created.value.id;
    const identity = await call('identities.create', {
      label: 'Priya',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
      organisation: 'Acme',
      withRoot: false,
      passphrase,
    });
    expect(identity).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    session.close();
    await rm(dir, { recursive: true, force: true });
  });

  async function expectIntact(): Promise<void> {
    const list = await call<{ assessment: { id: string; state: string } }[]>('assessments.list', {});
    expect(list.ok && list.value.map((x) => x.assessment.state)).toEqual(['draft']);
    expect((await readFile(dbPath)).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    expect(readdirSync(dir).filter((n) => n.startsWith('.'))).toEqual([]);
  }

  const targets = () => [
    [dbPath, 'the assessments database itself'],
    [`${dbPath}-wal`, "the database's write-ahead log"],
    [join(`${dbPath}.evidence`, 'pack.pdf'), "inside the database's evidence folder"],
    [join(dir, 'alias.pdf'), 'the assessments database itself'],
  ];

  it('a certificate, the Word form and a pack chosen onto the database, its -wal, its evidence folder or a link to it are refused, and nothing is lost', async () => {
    await symlink(dbPath, join(dir, 'alias.pdf'));
    for (const [outPath, words] of targets()) {
      saveAs(outPath!);
      const cert = await call('identities.exportCertificate', { label: 'Priya', root: false, outPath });
      expect(cert, outPath).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      if (!cert.ok) {
        expect(cert.error.message).toContain(words);
        expect(appHintOf(cert.error)).not.toMatch(/--|sscp /);
      }
      saveAs(outPath!);
      const form = await runJob('forms.export', { assessmentId, outPath });
      expect(form, outPath).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      saveAs(outPath!);
      const attestation = await runJob('attestations.export', { assessmentId, outPath });
      expect(attestation, outPath).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      if (!attestation.ok) expect(appHintOf(attestation.error)).not.toMatch(/--|sscp /);
      saveAs(outPath!);
      const pack = await runJob('packs.export', {
        assessmentId,
        identityLabel: 'Priya',
        passphrase,
        outPath,
        profile: 'certification',
        acceptExceptions: true,
      });
      expect(pack, outPath).toMatchObject({ ok: false, error: { kind: 'conflict' } });
      if (!pack.ok) expect(pack.error.message).toContain(words);
      await expectIntact();
    }
  });

  it('the save dialog asked, so an existing file is replaced', async () => {
    const cert = join(dir, 'cert.pem');
    const form = join(dir, 'form.docx');
    await writeFile(cert, 'old');
    await writeFile(form, 'old');
    saveAs(cert);
    expect(await call('identities.exportCertificate', { label: 'Priya', root: false, outPath: cert })).toEqual({
      ok: true,
      value: { path: cert },
    });
    expect(await readFile(cert, 'utf8')).toContain('BEGIN CERTIFICATE');
    saveAs(form);
    expect(await runJob('forms.export', { assessmentId, outPath: form })).toEqual({
      ok: true,
      value: { path: form, appendedClaims: [], missingCoverFields: [] },
    });
    expect((await readFile(form)).subarray(0, 2).toString('latin1')).toBe('PK');
    const attestation = join(dir, 'attestation.cdx.json');
    await writeFile(attestation, 'old');
    saveAs(attestation);
    expect(await runJob('attestations.export', { assessmentId, outPath: attestation })).toEqual({
      ok: true,
      value: { path: attestation, signed: false },
    });
    expect(JSON.parse(await readFile(attestation, 'utf8'))).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6' });
    await expectIntact();
  });
});
