import { EventEmitter } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ContractEvents } from '../../../shared/ipc/contract';
import type { HostLink, HostReply, HostRequest } from '../../../main/ipc/jobs/host-protocol';
import { serveJobs } from '../../../main/ipc/jobs/host';
import { forkNodeHost } from '../../../main/ipc/jobs/node-host';
import { processExecutor } from '../../../main/ipc/jobs/process-executor';
import { openWorkspace } from '../../../main/services/workspace';
import type { Actor } from '../../../shared/domain/actor';
import { childEntry } from '../../setup/child-bundle';

/** A host in this process behind a structured-clone boundary, like the real one. */
function inMemoryHost(): HostLink & { readonly exit: () => void } {
  const toHost = new EventEmitter();
  const toMain = new EventEmitter();
  const served = serveJobs(
    { post: (reply) => toMain.emit('m', structuredClone(reply)), onMessage: (l) => toHost.on('m', l) },
    openWorkspace,
  );
  return {
    post: (request: HostRequest) => toHost.emit('m', structuredClone(request)),
    onMessage: (l: (reply: HostReply) => void) => toMain.on('m', l),
    onExit: (l: (code: number | null) => void) => toMain.on('exit', l),
    kill: () => served.close(),
    exit: () => {
      served.close();
      toMain.emit('exit', 1);
    },
  };
}

function events() {
  const done = new Map<string, ContractEvents['jobs.done']>();
  const progress: ContractEvents['jobs.progress'][] = [];
  const waiters = new Map<string, (d: ContractEvents['jobs.done']) => void>();
  return {
    progress,
    sink: <E extends keyof ContractEvents>(event: E, payload: ContractEvents[E]) => {
      if (event === 'jobs.progress') progress.push(payload as ContractEvents['jobs.progress']);
      if (event === 'jobs.done') {
        const d = payload as ContractEvents['jobs.done'];
        done.set(d.jobId, d);
        waiters.get(d.jobId)?.(d);
      }
    },
    done: (jobId: string) => Promise.resolve(done.get(jobId) ?? new Promise<ContractEvents['jobs.done']>((r) => waiters.set(jobId, r))),
  };
}

const PRIYA: Actor = { name: 'Priya Raman', role: 'CTO', source: 'profile' };

describe('the job host protocol', () => {
  let dir: string;
  let dbPath: string;
  let assessmentId: string;
  let file: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-host-'));
    dbPath = join(dir, 'a.sscp');
    const ws = openWorkspace(dbPath);
    assessmentId = ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor', sroName: 'P', sroRole: 'CTO' }).id;
    ws.close();
    file = join(dir, 'policy.txt');
    await writeFile(file, 'policy\n'.repeat(5000));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('runs a job in the host on its own connection, with progress, and main sees the result', async () => {
    const ev = events();
    const executor = processExecutor(inMemoryHost, ev.sink);
    const jobId = executor.start('evidence.attach', { assessmentId, claimId: '1.1.1', filePath: file, meta: {} }, dbPath, PRIYA);
    const done = await ev.done(jobId);
    expect(done.result).toMatchObject({ ok: true, value: { fileName: 'policy.txt', size: 35_000 } });
    expect(ev.progress.some((p) => p.jobId === jobId && p.done === 35_000)).toBe(true);
    const ws = openWorkspace(dbPath);
    expect(ws.getAssessment(assessmentId).links.map((l) => l.claimId)).toEqual(['1.1.1']);
    // The host records the change under the person who asked for the job, not under itself.
    expect(ws.auditEntries(assessmentId).at(-1)).toMatchObject({ action: 'evidence.attached', actor: PRIYA });
    ws.close();
    executor.close();
  });

  it('checks arguments again at the host and answers with a typed error', async () => {
    const ev = events();
    const executor = processExecutor(inMemoryHost, ev.sink);
    const jobId = executor.start('packs.verify', { path: '' } as never, dbPath, PRIYA);
    expect((await ev.done(jobId)).result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    const nobody = executor.start('evidence.attach', { assessmentId, claimId: '1.1.3', filePath: file, meta: {} }, dbPath, {
      name: 'x',
    } as never);
    expect((await ev.done(nobody)).result).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: 'The job did not say who asked for it.' },
    });
    executor.close();
  });

  it('ends every job the host held with a plain error if the host dies', async () => {
    const ev = events();
    let host: ReturnType<typeof inMemoryHost> | null = null;
    const executor = processExecutor(() => (host = inMemoryHost()), ev.sink);
    const jobId = executor.start('packs.verify', { path: join(dir, 'missing.pdf') }, dbPath, PRIYA);
    host!.exit();
    const done = await ev.done(jobId);
    expect(done.result).toMatchObject({
      ok: false,
      error: { kind: 'internal', message: expect.stringContaining('background worker stopped') },
    });
  });

  it('works across a real process boundary (forked Node host)', async () => {
    const ev = events();
    const entry = await childEntry(fileURLToPath(new URL('../../../main/ipc/jobs/node-host-entry.ts', import.meta.url)));
    const executor = processExecutor(() => forkNodeHost(entry), ev.sink);
    try {
      const missing = executor.start('packs.verify', { path: join(dir, 'missing.pdf') }, dbPath, PRIYA);
      const refused = (await ev.done(missing)).result;
      expect(refused.ok).toBe(false);
      if (!refused.ok) expect(refused.error.kind).not.toBe('internal');
      const sam: Actor = { name: 'Sam Okafor', source: 'profile' };
      const attached = executor.start(
        'evidence.attach',
        { assessmentId, claimId: '1.1.2', filePath: file, meta: { confidential: true } },
        dbPath,
        sam,
      );
      expect((await ev.done(attached)).result).toMatchObject({ ok: true, value: { confidential: true } });
      const ws = openWorkspace(dbPath);
      expect(ws.auditEntries(assessmentId).at(-1)).toMatchObject({ action: 'evidence.attached', actor: sam });
      ws.close();
    } finally {
      executor.close();
    }
  });
});
