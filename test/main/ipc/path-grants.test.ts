import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, pathArguments, type Channel, type ContractEvents } from '../../../shared/ipc/contract';
import { PathGrants } from '../../../main/ipc/path-grants';

const attach = (filePath: string) => ({ assessmentId: 'a', claimId: '1.1.1', filePath, meta: {} });
const exportTo = (outPath: string) => ({ assessmentId: 'a', outPath });
// Refused with a reason, which the app words with what to do.
const refusedWith = (message: string) =>
  expect.objectContaining({
    kind: 'invalid-input',
    message,
    reason: expect.objectContaining({ code: expect.any(String) as string }) as unknown,
  });

function attempt(grants: PathGrants, channel: Channel, args: unknown): unknown {
  try {
    grants.authorise(channel, args);
    return 'allowed';
  } catch (e) {
    return e;
  }
}

describe('path grants', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-grants-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names, for every channel, only string arguments of its own schema', () => {
    for (const channel of Object.keys(contract) as Channel[]) {
      const shape = (contract[channel].args as unknown as { shape: Record<string, unknown> }).shape;
      for (const [name] of pathArguments(channel)) expect(Object.keys(shape), `${channel}.${name}`).toContain(name);
    }
    expect(pathArguments('evidence.attach')).toEqual([['filePath', 'read']]);
    expect(pathArguments('assessments.list')).toEqual([]);
  });

  it('refuses a path nobody chose, and lets a chosen file be read again and again', () => {
    const grants = new PathGrants({ trustedDatabases: () => [] });
    expect(attempt(grants, 'evidence.attach', attach('/etc/shadow'))).toEqual(refusedWith('That file was not chosen in this window.'));
    grants.grant('/home/priya/policy.pdf', 'read');
    expect(attempt(grants, 'evidence.attach', attach('/home/priya/policy.pdf'))).toBe('allowed');
    expect(attempt(grants, 'packs.previewImport', { path: '/home/priya/policy.pdf' })).toBe('allowed');
    expect(attempt(grants, 'packs.import', { path: '/home/priya/policy.pdf' })).toBe('allowed');
    // The same file spelled differently is the same grant; a relative path never is.
    expect(attempt(grants, 'packs.verify', { path: '/home/priya/x/../policy.pdf' })).toBe('allowed');
    expect(attempt(grants, 'packs.verify', { path: 'policy.pdf' })).toEqual(refusedWith('That file was not chosen in this window.'));
  });

  it('keeps reading and writing apart', () => {
    const grants = new PathGrants({ trustedDatabases: () => [] });
    grants.grant('/home/priya/in.docx', 'read');
    grants.grant('/home/priya/out.docx', 'write');
    expect(attempt(grants, 'forms.export', exportTo('/home/priya/in.docx'))).toEqual(
      refusedWith('That save location was not chosen in this window.'),
    );
    expect(attempt(grants, 'forms.import', { path: '/home/priya/out.docx' })).toEqual(
      refusedWith('That file was not chosen in this window.'),
    );
  });

  it('lets one save dialog answer authorise one write, and gives it back when the write did not happen', () => {
    const grants = new PathGrants({ trustedDatabases: () => [] });
    grants.grant('/home/priya/pack.pdf', 'write');
    const lease = grants.authorise('forms.export', exportTo('/home/priya/pack.pdf'));
    expect(attempt(grants, 'forms.export', exportTo('/home/priya/pack.pdf'))).toEqual(
      refusedWith('That save location was not chosen in this window.'),
    );
    lease.restore();
    expect(attempt(grants, 'forms.export', exportTo('/home/priya/pack.pdf'))).toBe('allowed');
    expect(attempt(grants, 'forms.export', exportTo('/home/priya/pack.pdf'))).toEqual(
      refusedWith('That save location was not chosen in this window.'),
    );
    // The written file can still be shown in its folder.
    expect(attempt(grants, 'shell.reveal', { path: '/home/priya/pack.pdf' })).toBe('allowed');
    expect(attempt(grants, 'shell.reveal', { path: '/etc' })).toEqual(refusedWith('That file was not chosen in this window.'));
  });

  it('settles a job’s write grant by its outcome: back after a failure, gone after success, even when the job ends first', () => {
    const grants = new PathGrants({ trustedDatabases: () => [] });
    const seen: string[] = [];
    const sink = grants.watchJobs((event) => seen.push(event));
    const done = (jobId: string, ok: boolean): ContractEvents['jobs.done'] => ({
      jobId,
      result: ok ? { ok: true, value: null } : { ok: false, error: { kind: 'wrong-passphrase', message: 'Wrong passphrase.' } },
    });
    grants.grant('/out/a.docx', 'write');
    grants.holdForJob('job-1', grants.authorise('forms.export', exportTo('/out/a.docx')));
    sink('jobs.done', done('job-1', false));
    expect(attempt(grants, 'forms.export', exportTo('/out/a.docx'))).toBe('allowed');

    grants.grant('/out/b.docx', 'write');
    grants.holdForJob('job-2', grants.authorise('forms.export', exportTo('/out/b.docx')));
    sink('jobs.done', done('job-2', true));
    expect(attempt(grants, 'forms.export', exportTo('/out/b.docx'))).toEqual(
      refusedWith('That save location was not chosen in this window.'),
    );

    grants.grant('/out/c.docx', 'write');
    const lease = grants.authorise('forms.export', exportTo('/out/c.docx'));
    sink('jobs.done', done('job-3', false));
    grants.holdForJob('job-3', lease);
    expect(attempt(grants, 'forms.export', exportTo('/out/c.docx'))).toBe('allowed');
    expect(seen).toEqual(['jobs.done', 'jobs.done', 'jobs.done']);
  });

  it('opens databases chosen in a dialog or on main’s own recent list, nothing else', () => {
    const recent = ['/home/priya/Acme.sscp'];
    const grants = new PathGrants({ trustedDatabases: () => recent });
    expect(attempt(grants, 'workspace.open', { dbPath: '/home/priya/Acme.sscp' })).toBe('allowed');
    expect(attempt(grants, 'workspace.open', { dbPath: '/home/priya/Other.sscp' })).toEqual(
      refusedWith('That file of assessments was not chosen in this window.'),
    );
    grants.grant('/home/priya/policy.pdf', 'read');
    expect(attempt(grants, 'workspace.open', { dbPath: '/home/priya/policy.pdf' })).toEqual(
      refusedWith('That file of assessments was not chosen in this window.'),
    );
    grants.grant('/home/priya/Other.sscp', 'database');
    expect(attempt(grants, 'workspace.open', { dbPath: '/home/priya/Other.sscp' })).toBe('allowed');
    expect(attempt(grants, 'workspace.open', { dbPath: '/home/priya/Other.sscp' })).toBe('allowed');
  });

  it('expires grants with age and with the window', () => {
    let now = 1_000;
    const grants = new PathGrants({ trustedDatabases: () => [], maxAgeMs: 60_000, now: () => now });
    grants.grant('/home/priya/policy.pdf', 'read');
    grants.grant('/home/priya/out.docx', 'write');
    now += 60_000;
    expect(attempt(grants, 'packs.verify', { path: '/home/priya/policy.pdf' })).toBe('allowed');
    now += 1;
    expect(attempt(grants, 'packs.verify', { path: '/home/priya/policy.pdf' })).toEqual(
      refusedWith('That file was not chosen in this window.'),
    );
    expect(attempt(grants, 'forms.export', exportTo('/home/priya/out.docx'))).toEqual(
      refusedWith('That save location was not chosen in this window.'),
    );

    grants.grant('/home/priya/later.pdf', 'read');
    grants.grant('/home/priya/later.docx', 'write');
    const lease = grants.authorise('forms.export', exportTo('/home/priya/later.docx'));
    grants.revokeAll();
    lease.restore();
    expect(attempt(grants, 'packs.verify', { path: '/home/priya/later.pdf' })).toEqual(
      refusedWith('That file was not chosen in this window.'),
    );
    expect(attempt(grants, 'forms.export', exportTo('/home/priya/later.docx'))).toEqual(
      refusedWith('That save location was not chosen in this window.'),
    );
    expect(attempt(grants, 'shell.reveal', { path: '/home/priya/later.pdf' })).toEqual(
      refusedWith('That file was not chosen in this window.'),
    );
  });

  it('grants read access to a dropped ordinary file, and refuses folders, special files and missing ones', async () => {
    const grants = new PathGrants({ trustedDatabases: () => [] });
    const file = join(dir, 'dropped policy.txt');
    await writeFile(file, 'policy');
    const folder = join(dir, 'a folder');
    await mkdir(folder);
    expect(await grants.grantDropped(file)).toBe(file);
    expect(attempt(grants, 'evidence.attach', attach(file))).toBe('allowed');
    await expect(grants.grantDropped(folder)).rejects.toMatchObject({
      kind: 'invalid-input',
      message: 'A folder was dropped, and only files can be attached.',
    });
    await expect(grants.grantDropped(join(dir, 'gone.txt'))).rejects.toMatchObject({ kind: 'not-found' });
    await expect(grants.grantDropped('relative.txt')).rejects.toMatchObject({ kind: 'invalid-input' });
    if (process.platform !== 'win32') {
      await expect(grants.grantDropped('/dev/null')).rejects.toMatchObject({
        kind: 'invalid-input',
        message: '"/dev/null" is not an ordinary file, so it cannot be attached.',
      });
    }
    expect(attempt(grants, 'evidence.attach', attach(folder))).toEqual(refusedWith('That file was not chosen in this window.'));
    // A drop lets main read a file, never write over it.
    expect(attempt(grants, 'forms.export', exportTo(file))).toEqual(refusedWith('That save location was not chosen in this window.'));
  });
});
