import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractEvents, JobChannel, JobResult } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { createDispatch, type Dispatch, type HandlerTable } from '../../../main/ipc/dispatch';
import { createServiceHandlers } from '../../../main/ipc/handlers';
import { JobRunner } from '../../../main/ipc/jobs/runner';
import { openWorkspace } from '../../../main/services/workspace';

/** The service table with a platform table that refuses everything: these tests never need it. */
function setup() {
  const done = new Map<string, ContractEvents['jobs.done']>();
  const progress: ContractEvents['jobs.progress'][] = [];
  const waiters = new Map<string, (d: ContractEvents['jobs.done']) => void>();
  const jobs = new JobRunner((event, payload) => {
    if (event === 'jobs.progress') progress.push(payload as ContractEvents['jobs.progress']);
    if (event === 'jobs.done') {
      const d = payload as ContractEvents['jobs.done'];
      done.set(d.jobId, d);
      waiters.get(d.jobId)?.(d);
    }
  });
  const opened: string[] = [];
  const { handlers, session } = createServiceHandlers({ openWorkspace, jobs, onWorkspaceOpened: (p) => opened.push(p) });
  const dispatch: Dispatch = createDispatch(handlers as HandlerTable);
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
  return { dispatch, call, runJob, progress, opened, session };
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
    await h.call('identities.exportCertificate', { label: 'Priya 2026', root: false, outPath: certPath });
    expect(await readFile(certPath, 'utf8')).toContain('BEGIN CERTIFICATE');

    const wrong = await h.runJob('packs.export', { assessmentId, identityLabel: 'Priya 2026', passphrase: 'wrong passphrase', outPath: join(dir, 'x.pdf'), profile: 'customer', acceptExceptions: true });
    expect(wrong).toMatchObject({ ok: false, error: { kind: 'wrong-passphrase' } });

    const outPath = join(dir, 'pack.pdf');
    const exported = await h.runJob('packs.export', { assessmentId, identityLabel: 'Priya 2026', passphrase: 'correct horse battery staple 2026', outPath, profile: 'certification', acceptExceptions: true });
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported.value.verification.valid).toBe(true);
    expect(exported.value.verification.trusted).toBe(true);
    expect(exported.value.acceptedExceptions.length).toBeGreaterThan(0);

    const verified = await h.runJob('packs.verify', { path: outPath, fingerprint: identity.fingerprint });
    expect(verified).toMatchObject({ ok: true, value: { valid: true, trusted: true } });

    await h.call('workspace.open', { dbPath: join(dir, 'recipient.sscp') });
    const preview = await h.runJob('packs.previewImport', { path: outPath });
    expect(preview).toMatchObject({ ok: true, value: { verification: { valid: true }, assessment: { organisation: 'Acme' } } });
    const imported = await h.runJob('packs.import', { path: outPath });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    expect(imported.value.assessment.state).toBe('signed');
    const carried = await h.call<{ assessment: { id: string; previousId: string; state: string } }>('assessments.carryForward', { assessmentId: imported.value.assessment.id });
    expect(carried.assessment).toMatchObject({ previousId: imported.value.assessment.id, state: 'draft' });
  });
});
