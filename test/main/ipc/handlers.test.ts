import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { createServiceHandlers } from '../../../main/ipc/handlers';
import { JobRunner } from '../../../main/ipc/jobs/runner';
import type { JobExecutor } from '../../../main/ipc/jobs/executor';
import { PathGrants } from '../../../main/ipc/path-grants';
import { appActor } from '../../../main/services/actor';
import { openWorkspace } from '../../../main/services/workspace';
import type { Actor, UserProfile } from '../../../shared/domain/actor';
import type { AuditEntry } from '../../../shared/domain/types';
import { createIdentityService } from '../../../main/signing/identity-service';
import { sqliteIdentityRows } from '../../../main/signing/identity-repo';
import { openKeyStore } from '../../../main/signing/key-store';
import { readPkcs12 } from '../../../main/signing/pkcs12';
import { openDatabase } from '../../../main/store/database';
import type { IpcResult } from '../../../shared/ipc/result';
import { appHintOf } from '../../setup/error-words';
import { ipcHarness } from './ipc-harness';

/**
 * The service table over real services, with the window's path grants; the tests grant paths
 * as main's dialog handlers would after the user chose them.
 */
function setup(actor: () => Actor = () => ({ name: 'Priya Raman', role: 'CTO', source: 'profile' }), keyStoreHome?: string) {
  return ipcHarness({ actor, keyStoreHome, trustOpened: true });
}

describe('the service handler table over real services', () => {
  let dir: string;
  const h = setup();
  let assessmentId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-handlers-'));
  });
  afterAll(async () => {
    h.session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says plainly that no database is open yet', async () => {
    const result = await h.dispatch('assessments.list', {});
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found', message: 'No file of assessments is open.' } });
    expect(await h.call('workspace.current', {})).toBeNull();
  });

  it('opens a database, creates an assessment and saves a claim', async () => {
    const dbPath = join(dir, 'a.sscp');
    h.grants.grant(dbPath, 'database');
    expect(await h.call('workspace.open', { dbPath })).toEqual({ dbPath });
    expect(h.opened).toEqual([dbPath]);
    const created = await h.call<{ id: string }>('assessments.create', {
      organisation: 'Acme',
      products: ['Ledger'],
      role: 'developer-distributor',
      theme3InScope: false,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
    });
    assessmentId = created.id;
    await h.call('claims.update', { assessmentId, claimId: '1.1.1', patch: { result: 'met', evidenceText: 'Policy v1.3' } });
    const list = await h.call<{ assessment: { id: string }; completeness: { assessed: number } }[]>('assessments.list', {});
    expect(list).toHaveLength(1);
    expect(list[0]!.completeness.assessed).toBe(1);
  });

  it('refuses control, bidi and over-long text with the field, the character and the limit, before any service runs', async () => {
    const fields = {
      products: [],
      role: 'developer-distributor',
      theme3InScope: false,
      periodStart: null,
      periodEnd: null,
      sroName: 'Priya',
      sroRole: 'CTO',
    };
    const cases: [unknown, RegExp][] = [
      [{ ...fields, organisation: 'Acme\x1b[2J' }, /^The organisation name holds a control character \(U\+001B\) at position 5\.$/],
      [{ ...fields, organisation: 'Acme', sroName: 'Jane\u202eenaJ' }, /^The SRO name holds a bidirectional control character \(U\+202E\)/],
      [
        { ...fields, organisation: 'Acme', products: ['Widget\nVALID'] },
        /^The product name holds a line break \(U\+000A\) at position 7\.$/,
      ],
      [{ ...fields, organisation: 'A'.repeat(1600) }, /^The organisation name is 1,600 characters long; the most allowed is 200\.$/],
    ];
    for (const [args, message] of cases) {
      const result = await h.dispatch('assessments.create', args);
      expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(message) as unknown } });
      expect(JSON.stringify(result)).not.toMatch(/sscp |--/);
    }
    const bad = await h.dispatch('claims.update', { assessmentId, claimId: '1.1.1', patch: { arguments: 'ok\u0085' } });
    expect(bad).toMatchObject({ ok: false, error: { message: 'The arguments text holds a line break (U+0085) at position 3.' } });
    await h.call('claims.update', { assessmentId, claimId: '1.1.1', patch: { arguments: 'two\n\tlines' } });
    const labels = await h.dispatch('identities.create', {
      label: 'sro',
      sroName: 'Priya\u200b',
      sroRole: 'CTO',
      organisation: 'Acme',
      withRoot: false,
      passphrase: 'correct horse battery staple',
    });
    expect(labels).toMatchObject({
      ok: false,
      error: { message: 'The SRO name holds an invisible formatting character (U+200B) at position 6.' },
    });
    const list = await h.call<{ assessment: { organisation: string } }[]>('assessments.list', {});
    expect(list.map((a) => a.assessment.organisation)).toEqual(['Acme']);
  });

  it('attaches a real file as a job with progress, and previews it', async () => {
    const file = join(dir, 'policy.txt');
    await writeFile(file, 'Secure development policy\n'.repeat(1000));
    h.grants.grant(file, 'read');
    const result = await h.runJob('evidence.attach', { assessmentId, claimId: '1.1.1', filePath: file, meta: { confidential: false } });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.fileName).toBe('policy.txt');
    expect(h.progress.some((p) => p.total === 26_000)).toBe(true);
    const preview = await h.call<{ kind: string; content: string }>('evidence.preview', { evidenceId: result.value.id });
    expect(preview.kind).toBe('text');
    expect(preview.content.startsWith('Secure development policy')).toBe(true);
    const library = await h.call<{ item: { id: string }; usedBy: { claimId: string }[] }[]>('evidence.list', {});
    expect(library[0]!.usedBy.map((u) => u.claimId)).toEqual(['1.1.1']);
  });

  it('removes a file from the library held for Undo, puts it back, and makes a second removal final', async () => {
    const file = join(dir, 'to-remove.txt');
    await writeFile(file, 'a file to remove');
    h.grants.grant(file, 'read');
    const attached = await h.runJob('evidence.attach', { assessmentId, claimId: '1.2.1', filePath: file, meta: {} });
    if (!attached.ok) throw new Error(attached.error.message);
    const evidenceId = attached.value.id;
    const plan = await h.call<{ removableIds: string[]; claimLinks: { claimId: string }[] }>('evidence.planRemoval', {
      evidenceIds: [evidenceId],
    });
    expect(plan.removableIds).toEqual([evidenceId]);
    expect(plan.claimLinks.map((l) => l.claimId)).toEqual(['1.2.1']);
    const ids = async () => (await h.call<{ item: { id: string } }[]>('evidence.list', {})).map((e) => e.item.id);

    const removal = await h.call<{ removalId: string; final: boolean }>('evidence.remove', { evidenceIds: [evidenceId] });
    expect(removal.final).toBe(false);
    expect(await ids()).not.toContain(evidenceId);
    expect(await h.call('evidence.undoRemoval', { removalId: removal.removalId })).toMatchObject({
      restoredIds: [evidenceId],
      relinked: 1,
      items: [{ id: evidenceId, fileName: 'to-remove.txt' }],
      links: [{ assessmentId, claimId: '1.2.1', evidenceId }],
    });
    expect(await ids()).toContain(evidenceId);

    const again = await h.call<{ removalId: string }>('evidence.remove', { evidenceIds: [evidenceId] });
    expect(await h.call('evidence.finishRemoval', { removalId: again.removalId })).toBeNull();
    const late = (await h.dispatch('evidence.undoRemoval', { removalId: again.removalId })) as IpcResult<unknown>;
    expect(late).toMatchObject({ ok: false, error: { reason: { code: 'removal-not-undoable' } } });
    // The page cannot smuggle an empty or oversized selection past the schema.
    expect(await h.dispatch('evidence.remove', { evidenceIds: [] })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('follows a symbolic link to an ordinary file and says where it led, but never to a device', async () => {
    const target = join(dir, 'linked-policy.txt');
    await writeFile(target, 'Linked policy\n');
    const link = join(dir, 'policy-link.txt');
    await symlink(target, link);
    h.grants.grant(link, 'read');
    const result = await h.runJob('evidence.attach', { assessmentId, claimId: '1.1.2', filePath: link, meta: {} });
    expect(result.ok && result.value.followedLink).toBe(target);
    const plain = join(dir, 'plain.txt');
    await writeFile(plain, 'Plain\n');
    h.grants.grant(plain, 'read');
    const direct = await h.runJob('evidence.attach', { assessmentId, claimId: '1.1.2', filePath: plain, meta: {} });
    expect(direct.ok && direct.value.followedLink).toBeNull();
    const zero = join(dir, 'zero-link');
    await symlink('/dev/zero', zero);
    h.grants.grant(zero, 'read');
    const refused = await h.runJob('evidence.attach', { assessmentId, claimId: '1.1.2', filePath: zero, meta: {} });
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(refused.error).toMatchObject({ kind: 'invalid-input', message: `${zero} is a device, not a file.` });
  });

  it('refuses a named pipe or a device given to verify, import or the form reader, as a typed failure', async () => {
    const fifo = join(dir, 'pipe.pdf');
    execFileSync('mkfifo', [fifo]);
    for (const [channel, path, says] of [
      ['packs.verify', fifo, 'is a named pipe (FIFO), not a file.'],
      ['packs.previewImport', '/dev/zero', 'is a device, not a file.'],
      ['forms.previewImport', fifo, 'is a named pipe (FIFO), not a file.'],
    ] as const) {
      h.grants.grant(path, 'read');
      const result = await h.runJob(channel, { path });
      expect(result.ok, channel).toBe(false);
      if (result.ok) continue;
      expect(result.error.kind, channel).toBe('invalid-input');
      expect(result.error.message, channel).toContain(`${path} ${says}`);
    }
  });

  it('reports a missing file as a typed job failure, not a crash', async () => {
    h.grants.grant(join(dir, 'nope.pdf'), 'read');
    const result = await h.runJob('evidence.attach', { assessmentId, claimId: '1.1.1', filePath: join(dir, 'nope.pdf'), meta: {} });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).not.toBe('internal');
    expect(result.error.message).toContain('nope.pdf');
  });

  it('creates an identity, exports and verifies a signed pack, then imports it back and carries it forward', async () => {
    const identity = await h.call<{ label: string; fingerprint: string }>('identities.create', {
      label: 'Priya 2026',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
      organisation: 'Acme',
      withRoot: false,
      passphrase: 'correct horse battery staple 2026',
    });
    expect(identity.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    const certPath = join(dir, 'cert.pem');
    h.grants.grant(certPath, 'write');
    await h.call('identities.exportCertificate', { label: 'Priya 2026', root: false, outPath: certPath });
    expect(await readFile(certPath, 'utf8')).toContain('BEGIN CERTIFICATE');

    // A failed export wrote nothing, so the save location the user chose still works for the retry.
    const outPath = join(dir, 'pack.pdf');
    h.grants.grant(outPath, 'write');
    const wrong = await h.runJob('packs.export', {
      assessmentId,
      identityLabel: 'Priya 2026',
      passphrase: 'wrong passphrase',
      outPath,
      profile: 'customer',
      acceptExceptions: true,
      signBeforePeriodEnd: true,
    });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });

    const exported = await h.runJob('packs.export', {
      assessmentId,
      identityLabel: 'Priya 2026',
      passphrase: 'correct horse battery staple 2026',
      outPath,
      profile: 'certification',
      acceptExceptions: true,
      signBeforePeriodEnd: true,
    });
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.value.verification.valid).toBe(true);
    expect(exported.value.verification.trusted).toBe(true);
    expect(exported.value.acceptedExceptions.length).toBeGreaterThan(0);
    // One save dialog answer, one written pack: writing there again needs the dialog again.
    const again = await h.dispatch('packs.export', {
      assessmentId,
      identityLabel: 'Priya 2026',
      passphrase: 'correct horse battery staple 2026',
      outPath,
      profile: 'certification',
      acceptExceptions: true,
      signBeforePeriodEnd: true,
    });
    expect(again).toMatchObject({ ok: false, error: { message: 'That save location was not chosen in this window.' } });

    h.grants.grant(outPath, 'read');

    const verified = await h.runJob('packs.verify', { path: outPath, fingerprint: identity.fingerprint });
    expect(verified).toMatchObject({ ok: true, value: { valid: true, trusted: true } });
    // In the database that holds the identity, the pack needs no fingerprint: it is the user's own.
    const own = await h.runJob('packs.verify', { path: outPath });
    expect(own).toMatchObject({
      ok: true,
      value: { valid: true, trusted: true, trust: { trustedBy: ['own-identity'], ownIdentity: 'Priya 2026' } },
    });

    // The recipient is another person, with a key store of their own that holds no identity.
    const r = setup(undefined, join(dir, 'recipient-home'));
    r.grants.grant(join(dir, 'recipient.sscp'), 'database');
    r.grants.grant(outPath, 'read');
    await r.call('workspace.open', { dbPath: join(dir, 'recipient.sscp') });
    const preview = await r.runJob('packs.previewImport', { path: outPath });
    expect(preview).toMatchObject({ ok: true, value: { verification: { valid: true }, assessment: { organisation: 'Acme' } } });
    expect(preview).toMatchObject({ ok: true, value: { verification: { trusted: false, trust: { status: 'unknown' } } } });
    // Nothing the recipient holds vouches for the signer.
    const refused = await r.runJob('packs.import', { path: outPath });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'untrusted-signer' } });
    if (!refused.ok) expect(`${refused.error.message} ${appHintOf(refused.error) ?? ''}`).not.toMatch(/--|sscp /);
    const imported = await r.runJob('packs.import', { path: outPath, acceptUntrustedSigner: identity.fingerprint });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.assessment.state).toBe('signed');
    const carried = await r.call<{ assessment: { id: string; previousId: string; state: string } }>('assessments.carryForward', {
      assessmentId: imported.value.assessment.id,
    });
    expect(carried.assessment).toMatchObject({ previousId: imported.value.assessment.id, state: 'draft' });
    const list = await r.call<{ assessment: { id: string }; unverifiedSigner: unknown }[]>('assessments.list', {});
    for (const id of [imported.value.assessment.id, carried.assessment.id]) {
      expect(list.find((i) => i.assessment.id === id)?.unverifiedSigner).toMatchObject({
        importedAssessmentId: imported.value.assessment.id,
        signerFingerprint: identity.fingerprint,
      });
    }
    r.session.close();
  });
});

describe('the handler table refuses paths no dialog chose, before any service runs', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-handlers-refuse-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  function spiedTable() {
    const executor: JobExecutor = { start: vi.fn(() => 'job-1'), cancel: vi.fn(() => false), cancelAll: vi.fn() };
    const openWorkspaceSpy = vi.fn(openWorkspace);
    const grants = new PathGrants({ trustedDatabases: () => [] });
    const { handlers, session } = createServiceHandlers({
      openWorkspace: openWorkspaceSpy,
      actor: () => ({ name: 'Priya Raman', source: 'profile' }),
      jobs: new JobRunner(() => undefined),
      executor,
    });
    return { dispatch: createDispatch(handlers as HandlerTable, grants), executor, openWorkspaceSpy, grants, session };
  }

  it('never opens a database the page merely names', async () => {
    const t = spiedTable();
    const dbPath = join(dir, 'named.sscp');
    const result = await t.dispatch('workspace.open', { dbPath });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: 'That file of assessments was not chosen in this window.' },
    });
    expect(t.openWorkspaceSpy).not.toHaveBeenCalled();
    await expect(readFile(dbPath)).rejects.toThrow();
    t.grants.grant(dbPath, 'database');
    expect(await t.dispatch('workspace.open', { dbPath })).toMatchObject({ ok: true, value: { dbPath } });
    expect(t.openWorkspaceSpy).toHaveBeenCalledTimes(1);
    t.session.close();
  });

  it('starts no job to attach, import, verify or export a path that was not granted', async () => {
    const t = spiedTable();
    const dbPath = join(dir, 'jobs.sscp');
    t.grants.grant(dbPath, 'database');
    await t.dispatch('workspace.open', { dbPath });
    const attempts = [
      ['evidence.attach', { assessmentId: 'a', claimId: '1.1.1', filePath: '/etc/shadow', meta: {} }],
      ['evidence.replace', { evidenceId: 'e', filePath: '/home/priya/.ssh/id_ed25519' }],
      ['packs.verify', { path: '/etc/passwd' }],
      ['packs.previewImport', { path: '/etc/passwd' }],
      ['packs.import', { path: '/etc/passwd' }],
      ['forms.previewImport', { path: '/etc/passwd' }],
      ['forms.import', { path: '/etc/passwd' }],
      ['forms.export', { assessmentId: 'a', outPath: '/etc/cron.d/evil' }],
      ['attestations.export', { assessmentId: 'a', outPath: '/etc/cron.d/evil' }],
      [
        'packs.export',
        {
          assessmentId: 'a',
          identityLabel: 'P',
          passphrase: 'x',
          outPath: join(dir, 'pack.pdf'),
          profile: 'customer',
          acceptExceptions: true,
        },
      ],
      // A read grant is not a licence to write over the file.
      ['forms.export', { assessmentId: 'a', outPath: join(dir, 'read-only.docx') }],
    ] as const;
    t.grants.grant(join(dir, 'read-only.docx'), 'read');
    for (const [channel, args] of attempts) {
      const result = await t.dispatch(channel, args);
      expect(result, channel).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      if (!result.ok) expect(appHintOf(result.error)).toBeTruthy();
    }
    expect(t.executor.start).not.toHaveBeenCalled();
    t.session.close();
  });

  it('writes no certificate to a place the page merely names', async () => {
    const t = spiedTable();
    const dbPath = join(dir, 'cert.sscp');
    t.grants.grant(dbPath, 'database');
    await t.dispatch('workspace.open', { dbPath });
    const outPath = join(dir, 'stolen.pem');
    const result = await t.dispatch('identities.exportCertificate', { label: 'nobody', root: false, outPath });
    expect(result).toMatchObject({ ok: false, error: { message: 'That save location was not chosen in this window.' } });
    await expect(readFile(outPath)).rejects.toThrow();
    t.session.close();
  });
});

describe('every change made through the handlers says who made it', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-handlers-actor-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('records the profile of the moment for direct calls and jobs, and the account before a profile is set', async () => {
    // What main does: the actor is read from the settings at each change.
    let profile: UserProfile | null = null;
    const h = setup(() => appActor(profile, () => 'priya'));
    const dbPath = join(dir, 'who.sscp');
    h.grants.grant(dbPath, 'database');
    await h.call('workspace.open', { dbPath });
    const { id } = await h.call<{ id: string }>('assessments.create', {
      organisation: 'Acme',
      products: [],
      role: 'reseller',
      theme3InScope: false,
      periodStart: null,
      periodEnd: null,
      sroName: 'Priya Raman',
      sroRole: 'CTO',
    });
    profile = { name: 'Priya Raman', role: 'CTO', email: 'priya@example.com' };
    await h.call('claims.update', { assessmentId: id, claimId: '1.1.1', patch: { status: 'done' } });
    profile = { name: 'Sam Okafor', role: 'Security lead', email: '' };
    const file = join(dir, 'policy.txt');
    await writeFile(file, 'policy\n');
    h.grants.grant(file, 'read');
    expect((await h.runJob('evidence.attach', { assessmentId: id, claimId: '1.1.1', filePath: file, meta: {} })).ok).toBe(true);

    const history = await h.call<AuditEntry[]>('assessments.audit', { assessmentId: id });
    expect(history.map((e) => [e.action, e.actor])).toEqual([
      ['assessment.created', { name: 'priya', source: 'os-account' }],
      ['claim.updated', { name: 'Priya Raman', role: 'CTO', email: 'priya@example.com', source: 'profile' }],
      ['evidence.attached', { name: 'Sam Okafor', role: 'Security lead', source: 'profile' }],
    ]);
    h.session.close();
  });
});

describe('signing identities belong to the person, whichever database the window has open', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sscp-handlers-keys-'));
  const h = setup(undefined, join(dir, 'home'));
  const PASS = 'correct horse battery staple 2026';

  afterAll(async () => {
    h.session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("an identity created with last year's database open is there with next year's, and backs up to the place chosen", async () => {
    const lastYear = join(dir, '2026.sscp');
    h.grants.grant(lastYear, 'database');
    await h.call('workspace.open', { dbPath: lastYear });
    await h.call('identities.create', {
      label: 'Rosa 2026',
      sroName: 'Rosa Diaz',
      sroRole: 'CISO',
      organisation: 'Acme',
      withRoot: true,
      passphrase: PASS,
    });
    const nextYear = join(dir, '2027.sscp');
    h.grants.grant(nextYear, 'database');
    await h.call('workspace.open', { dbPath: nextYear });
    const listed = await h.call<{ label: string; backedUpAt: string | null; backupRemindedAt: string | null }[]>('identities.list', {});
    expect(listed).toEqual([expect.objectContaining({ label: 'Rosa 2026', backedUpAt: null, backupRemindedAt: null })]);

    expect(await h.call('identities.backupReminded', { label: 'Rosa 2026' })).toMatchObject({
      backupRemindedAt: expect.stringMatching(/^\d{4}-/),
    });
    const outPath = join(dir, 'Rosa backup.p12');
    const refused = await h.dispatch('identities.exportBackup', {
      label: 'Rosa 2026',
      passphrase: PASS,
      p12Password: 'a long backup password',
      withRootKey: true,
      outPath,
    });
    expect(refused).toMatchObject({ ok: false });
    h.grants.grant(outPath, 'write');
    const backup = await h.call<{ path: string; withRootKey: boolean }>('identities.exportBackup', {
      label: 'Rosa 2026',
      passphrase: PASS,
      p12Password: 'a long backup password',
      withRootKey: true,
      outPath,
    });
    expect(backup).toMatchObject({ path: outPath, withRootKey: true });
    const contents = await readPkcs12(outPath, 'a long backup password');
    expect(contents.rootPrivateKeyPkcs8).not.toBeNull();
    expect((await h.call<{ backedUpAt: string | null }[]>('identities.list', {}))[0]!.backedUpAt).toMatch(/^\d{4}-/);
  });

  it('opening a database an older version kept identities in moves them to the key store and says so', async () => {
    const scratch = openKeyStore(join(dir, 'scratch-home'));
    await createIdentityService(scratch).create({
      label: 'Old key',
      sroName: 'Rosa Diaz',
      sroRole: 'CISO',
      organisation: 'Acme',
      passphrase: PASS,
    });
    const old = join(dir, 'old.sscp');
    const db = openDatabase(old);
    sqliteIdentityRows(db, 'signing_identities').repository.insert(scratch.repository.findByLabel('Old key')!);
    db.close();
    scratch.close();
    h.grants.grant(old, 'database');
    expect(await h.call('workspace.open', { dbPath: old })).toEqual({
      dbPath: old,
      identityNotes: ['Moved signing identity "Old key" from this database into your key store; the database no longer holds its key.'],
    });
    expect((await h.call<{ label: string }[]>('identities.list', {})).map((i) => i.label)).toEqual(['Rosa 2026', 'Old key']);
    expect(await h.call('workspace.open', { dbPath: old })).toEqual({ dbPath: old });
  });
});
