import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ContractEvents, JobChannel, JobResult } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { createDispatch, type Dispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { createServiceHandlers } from '../../../main/ipc/handlers';
import { JobRunner } from '../../../main/ipc/jobs/runner';
import type { JobExecutor } from '../../../main/ipc/jobs/executor';
import { PathGrants } from '../../../main/ipc/path-grants';
import { openWorkspace } from '../../../main/services/workspace';

/**
 * The service table over real services, with the window's path grants; the tests grant paths
 * as main's dialog handlers would after the user chose them.
 */
function setup() {
  const done = new Map<string, ContractEvents['jobs.done']>();
  const progress: ContractEvents['jobs.progress'][] = [];
  const waiters = new Map<string, (d: ContractEvents['jobs.done']) => void>();
  const opened: string[] = [];
  const grants = new PathGrants({ trustedDatabases: () => opened });
  const jobs = new JobRunner(grants.watchJobs((event, payload) => {
    if (event === 'jobs.progress') progress.push(payload as ContractEvents['jobs.progress']);
    if (event === 'jobs.done') {
      const d = payload as ContractEvents['jobs.done'];
      done.set(d.jobId, d);
      waiters.get(d.jobId)?.(d);
    }
  }));
  const { handlers, session } = createServiceHandlers({ openWorkspace, jobs, onWorkspaceOpened: (p) => opened.push(p) });
  const dispatch: Dispatch = createDispatch(handlers as HandlerTable, grants);
  const call = async <T>(channel: string, args: unknown): Promise<T> => {
    const result = (await dispatch(channel, args)) as IpcResult<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  const runJob = async <C extends JobChannel>(channel: C, args: unknown): Promise<IpcResult<JobResult<C>>> => {
    const { jobId } = await call<{ jobId: string }>(channel, args);
    const finished = done.get(jobId) ?? (await new Promise<ContractEvents['jobs.done']>((r) => waiters.set(jobId, r)));
    return finished.result as IpcResult<JobResult<C>>;
  };
  return { dispatch, call, runJob, progress, opened, session, grants };
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
    expect(result).toMatchObject({ ok: false, error: { kind: 'not-found', message: 'No database is open.' } });
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
    const wrong = await h.runJob('packs.export', { assessmentId, identityLabel: 'Priya 2026', passphrase: 'wrong passphrase', outPath, profile: 'customer', acceptExceptions: true });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });

    const exported = await h.runJob('packs.export', { assessmentId, identityLabel: 'Priya 2026', passphrase: 'correct horse battery staple 2026', outPath, profile: 'certification', acceptExceptions: true });
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.value.verification.valid).toBe(true);
    expect(exported.value.verification.trusted).toBe(true);
    expect(exported.value.acceptedExceptions.length).toBeGreaterThan(0);
    // One save dialog answer, one written pack: writing there again needs the dialog again.
    const again = await h.dispatch('packs.export', { assessmentId, identityLabel: 'Priya 2026', passphrase: 'correct horse battery staple 2026', outPath, profile: 'certification', acceptExceptions: true });
    expect(again).toMatchObject({ ok: false, error: { message: 'That save location was not chosen in this window.' } });

    h.grants.grant(outPath, 'read');

    const verified = await h.runJob('packs.verify', { path: outPath, fingerprint: identity.fingerprint });
    expect(verified).toMatchObject({ ok: true, value: { valid: true, trusted: true } });
    // In the database that holds the identity, the pack needs no fingerprint: it is the user's own.
    const own = await h.runJob('packs.verify', { path: outPath });
    expect(own).toMatchObject({ ok: true, value: { valid: true, trusted: true, trust: { trustedBy: ['own-identity'], ownIdentity: 'Priya 2026' } } });

    h.grants.grant(join(dir, 'recipient.sscp'), 'database');
    await h.call('workspace.open', { dbPath: join(dir, 'recipient.sscp') });
    const preview = await h.runJob('packs.previewImport', { path: outPath });
    expect(preview).toMatchObject({ ok: true, value: { verification: { valid: true }, assessment: { organisation: 'Acme' } } });
    expect(preview).toMatchObject({ ok: true, value: { verification: { trusted: false, trust: { status: 'unknown' } } } });
    // The recipient's database does not hold the identity: nothing vouches for the signer.
    const refused = await h.runJob('packs.import', { path: outPath });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'untrusted-signer' } });
    if (!refused.ok) expect(`${refused.error.message} ${refused.error.hint ?? ''}`).not.toMatch(/--|sscp /);
    const imported = await h.runJob('packs.import', { path: outPath, acceptUntrustedSigner: identity.fingerprint });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.assessment.state).toBe('signed');
    const carried = await h.call<{ assessment: { id: string; previousId: string; state: string } }>('assessments.carryForward', { assessmentId: imported.value.assessment.id });
    expect(carried.assessment).toMatchObject({ previousId: imported.value.assessment.id, state: 'draft' });
    const list = await h.call<{ assessment: { id: string }; unverifiedSigner: unknown }[]>('assessments.list', {});
    for (const id of [imported.value.assessment.id, carried.assessment.id]) {
      expect(list.find((i) => i.assessment.id === id)?.unverifiedSigner).toMatchObject({ importedAssessmentId: imported.value.assessment.id, signerFingerprint: identity.fingerprint });
    }
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
    const { handlers, session } = createServiceHandlers({ openWorkspace: openWorkspaceSpy, jobs: new JobRunner(() => undefined), executor });
    return { dispatch: createDispatch(handlers as HandlerTable, grants), executor, openWorkspaceSpy, grants, session };
  }

  it('never opens a database the page merely names', async () => {
    const t = spiedTable();
    const dbPath = join(dir, 'named.sscp');
    const result = await t.dispatch('workspace.open', { dbPath });
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: 'That database was not chosen in this window.' } });
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
      ['packs.export', { assessmentId: 'a', identityLabel: 'P', passphrase: 'x', outPath: join(dir, 'pack.pdf'), profile: 'customer', acceptExceptions: true }],
      // A read grant is not a licence to write over the file.
      ['forms.export', { assessmentId: 'a', outPath: join(dir, 'read-only.docx') }],
    ] as const;
    t.grants.grant(join(dir, 'read-only.docx'), 'read');
    for (const [channel, args] of attempts) {
      const result = await t.dispatch(channel, args);
      expect(result, channel).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      if (!result.ok) expect(result.error.hint).toBeTruthy();
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
