// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/components/StatusBar';
import { WorkspaceScreen } from '../../renderer/screens/workspace/WorkspaceScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { useWork } from '../../renderer/stores/work';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail, makeEvidence } from './fixtures';

describe('long work in view', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    useAnnouncer.setState({ message: '', error: null });
    useWork.setState({ items: [] });
    fake.answer('assessments.get', () => makeDetail());
    let n = 0;
    fake.answer('evidence.attach', () => ({ jobId: `job-${++n}` }));
    fake.answer('jobs.cancel', () => null);
  });
  afterEach(cleanup);

  const drop = async (names: readonly string[]) => {
    for (const name of names) fake.droppedPaths.set(name, `/home/priya/${name}`);
    render(
      <>
        <WorkspaceScreen assessmentId="a1" claimId="1.1.1" />
        <StatusBar />
      </>,
    );
    const section = (await screen.findByRole('heading', { name: 'Attached evidence' })).closest('section')!;
    fireEvent.drop(section, { dataTransfer: { files: names.map((name) => new File(['x'], name)) } });
  };
  const attachCalls = () => fake.calls.filter((c) => c.channel === 'evidence.attach').length;

  it('counts a batch of files in the status bar, with the right plural at the end', async () => {
    await drop(['a.pdf', 'b.pdf', 'c.pdf']);
    for (let i = 1; i <= 3; i++) {
      await waitFor(() => expect(attachCalls()).toBe(i));
      expect(screen.getByTestId('work-label').textContent).toBe(`Attaching ${i} of 3 files to claim 1.1.1`);
      expect(screen.getByRole('progressbar', { name: `Attaching ${i} of 3 files to claim 1.1.1` }).getAttribute('aria-valuenow')).toBe(
        String(Math.round(((i - 1) * 100) / 3)),
      );
      fake.emit('jobs.done', { jobId: `job-${i}`, result: { ok: true, value: makeEvidence({ id: `e${i}` }) } });
    }
    await waitFor(() => expect(useAnnouncer.getState().message).toBe('3 files attached to claim 1.1.1.'));
    expect(screen.queryByTestId('work-label')).toBeNull();
  });

  it("stops the whole batch from the status bar's Cancel and says how many were not attached", async () => {
    await drop(['a.pdf', 'b.pdf', 'c.pdf', 'd.pdf']);
    await waitFor(() => expect(attachCalls()).toBe(1));
    fake.emit('jobs.done', { jobId: 'job-1', result: { ok: true, value: makeEvidence() } });
    await waitFor(() => expect(attachCalls()).toBe(2));
    const bar = screen.getByRole('contentinfo');
    expect(within(bar).getByTestId('work-label').textContent).toBe('Attaching 2 of 4 files to claim 1.1.1');
    await userEvent.click(within(bar).getByRole('button', { name: /^Cancel/ }));
    await waitFor(() =>
      expect(fake.calls.some((c) => c.channel === 'jobs.cancel' && (c.args as { jobId: string }).jobId === 'job-2')).toBe(true),
    );
    fake.emit('jobs.done', { jobId: 'job-2', result: { ok: false, error: { kind: 'cancelled', message: 'Cancelled.' } } });
    await waitFor(() => expect(useAnnouncer.getState().message).toBe('1 file attached to claim 1.1.1. Cancelled: 3 files not attached.'));
    expect(attachCalls()).toBe(2);
  });
});
