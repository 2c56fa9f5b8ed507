import { describe, expect, it } from 'vitest';
import { SscpError } from '../../../shared/errors';
import type { ContractEvents } from '../../../shared/ipc/contract';
import { JobRunner } from '../../../main/ipc/jobs/runner';

type Event = { [E in keyof ContractEvents]: { event: E; payload: ContractEvents[E] } }[keyof ContractEvents];

function recorder() {
  const events: Event[] = [];
  let notify: (() => void) | null = null;
  const runner = new JobRunner((event, payload) => {
    events.push({ event, payload } as Event);
    notify?.();
  });
  const done = (jobId: string) =>
    new Promise<ContractEvents['jobs.done']>((resolve) => {
      const check = () => {
        const found = events.find((e) => e.event === 'jobs.done' && e.payload.jobId === jobId);
        if (found) resolve(found.payload as ContractEvents['jobs.done']);
      };
      notify = check;
      check();
    });
  return { runner, events, done };
}

describe('JobRunner', () => {
  it('returns an id at once, then streams progress and the value', async () => {
    const { runner, events, done } = recorder();
    const jobId = runner.start(async ({ progress }) => {
      progress('Copying', 1, 4);
      progress('Copying', 4, 4);
      return 'finished';
    });
    expect(events).toEqual([]);
    expect(await done(jobId)).toEqual({ jobId, result: { ok: true, value: 'finished' } });
    expect(events.filter((e) => e.event === 'jobs.progress').map((e) => e.payload)).toEqual([
      { jobId, stage: 'Copying', done: 1, total: 4 },
      { jobId, stage: 'Copying', done: 4, total: 4 },
    ]);
    expect(runner.activeCount).toBe(0);
  });

  it('cancels through the AbortSignal and reports a cancelled error', async () => {
    const { runner, done } = recorder();
    let sawAbort = false;
    const jobId = runner.start(
      ({ signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () => {
            sawAbort = true;
            reject(new Error('stream destroyed'));
          });
        }),
    );
    // Let the work start and wait on its signal before cancelling.
    await new Promise((r) => setImmediate(r));
    expect(runner.cancel(jobId)).toBe(true);
    const outcome = await done(jobId);
    expect(sawAbort).toBe(true);
    expect(outcome.result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(runner.cancel(jobId)).toBe(false);
  });

  it('reports what a cancelled job says it stopped, and its own words only for work that just gave up', async () => {
    const { runner, done } = recorder();
    const jobId = runner.start(
      ({ signal }) =>
        new Promise((_resolve, reject) => {
          signal.addEventListener('abort', () =>
            reject(new SscpError('cancelled', 'The Word form export was cancelled; no file was written.', 'Export it again.')),
          );
        }),
    );
    await new Promise((r) => setImmediate(r));
    runner.cancel(jobId);
    expect((await done(jobId)).result).toMatchObject({
      ok: false,
      error: { kind: 'cancelled', message: 'The Word form export was cancelled; no file was written.' },
    });
  });

  it('reports work that finished as done, not cancelled, when the cancel came too late to stop it', async () => {
    const { runner, done } = recorder();
    let jobId = '';
    // The work completes (an export committed its signing) and the cancel arrives just after.
    jobId = runner.start(async () => {
      runner.cancel(jobId);
      return 'signed';
    });
    expect((await done(jobId)).result).toEqual({ ok: true, value: 'signed' });
  });

  it('does none of the work when cancelled before it started', async () => {
    const { runner, done } = recorder();
    let started = false;
    const jobId = runner.start(async () => {
      started = true;
    });
    runner.cancel(jobId);
    expect((await done(jobId)).result).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(started).toBe(false);
  });

  it('turns a failure into a typed error with its hint', async () => {
    const { runner, done } = recorder();
    const jobId = runner.start(async () => {
      throw new SscpError('unreadable', 'The file cannot be read.', 'Check you may read it.');
    });
    expect((await done(jobId)).result).toEqual({
      ok: false,
      error: { kind: 'unreadable', message: 'The file cannot be read.', hint: 'Check you may read it.' },
    });
  });
});
