// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ErrorBanner } from '../../renderer/components/ErrorBanner';
import { StatusBar } from '../../renderer/components/StatusBar';
import { WorkspaceScreen } from '../../renderer/screens/workspace/WorkspaceScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment, makeDetail, makeEvidence, savedResponse } from './fixtures';

function renderWorkspace(claimId: string | null = '1.1.1') {
  return render(
    <>
      <ErrorBanner />
      <WorkspaceScreen assessmentId="a1" claimId={claimId} />
      <StatusBar />
    </>,
  );
}

describe('the claim workspace', () => {
  let fake: FakeApi;
  const updates = () => fake.calls.filter((c) => c.channel === 'claims.update').map((c) => c.args);

  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    useAnnouncer.setState({ message: '', error: null });
    fake.answer('assessments.get', () => makeDetail());
    fake.answer('claims.update', (args: never) => savedResponse(args));
  });
  afterEach(cleanup);
  /** The reads of the assessment: opening it is two, and nothing here reads it again. */
  const reads = () =>
    fake.calls.map((c) => c.channel).filter((c) => ['assessments.get', 'assessments.open', 'assessments.evidence'].includes(c));

  it('asks main for the first screen of the assessment first, and for the rest, owners and contributions once the claim is shown', async () => {
    let reply: (detail: ReturnType<typeof makeDetail>) => void = () => undefined;
    fake.answer('assessments.get', () => new Promise((resolve) => (reply = resolve)));
    const asked = () =>
      fake.calls
        .map((c) => c.channel)
        .filter((c) => ['assessments.get', 'assessments.open', 'assessments.evidence', 'owners.list', 'contributions.review'].includes(c));
    renderWorkspace();
    await waitFor(() => expect(asked()).toContain('assessments.open'));
    // Nothing else is in main's queue ahead of, or beside, the reply the person waits for.
    expect(asked()).toEqual(['assessments.open']);
    expect(fake.calls.find((c) => c.channel === 'assessments.open')?.args).toEqual({ assessmentId: 'a1', claimId: '1.1.1' });
    reply(makeDetail());
    expect(await screen.findByRole('heading', { name: /^1\.1\.1/ })).toBeTruthy();
    await waitFor(() => expect(asked()).toHaveLength(4));
    expect([...asked()].sort()).toEqual(['assessments.evidence', 'assessments.open', 'contributions.review', 'owners.list']);
  });

  it('saves typing after a pause, as one change, and shows that it is saved', async () => {
    renderWorkspace();
    const evidence = await screen.findByLabelText('Evidence');
    await userEvent.type(evidence, 'Policy v1.3');
    expect(screen.getByTestId('save-state').textContent).toBe('Unsaved changes…');
    await waitFor(() => expect(screen.getByTestId('save-state').textContent).toBe('All changes saved'), { timeout: 3000 });
    expect(updates()).toEqual([{ assessmentId: 'a1', claimId: '1.1.1', patch: { evidenceText: 'Policy v1.3' } }]);
  });

  it('saves a result at once and undoes it back to the previous value', async () => {
    renderWorkspace();
    await userEvent.click(await screen.findByRole('radio', { name: 'Met' }));
    await waitFor(() => expect(updates()).toHaveLength(1));
    expect(updates()[0]).toEqual({ assessmentId: 'a1', claimId: '1.1.1', patch: { result: 'met' } });
    const undo = screen.getByRole('button', { name: /Undo/ });
    await waitFor(() => expect(undo.hasAttribute('disabled')).toBe(false));
    await userEvent.click(undo);
    await waitFor(() => expect(updates()).toHaveLength(2));
    expect(updates()[1]).toEqual({ assessmentId: 'a1', claimId: '1.1.1', patch: { result: 'not-assessed' } });
    expect((screen.getByRole('radio', { name: 'Not assessed' }) as HTMLInputElement).checked).toBe(true);
    expect(screen.getByRole('status').textContent).toBe('Undid the last change to claim 1.1.1.');
  });

  it('keeps the edit on screen and says what went wrong when saving fails', async () => {
    fake.answer('claims.update', () => {
      throw {
        kind: 'frozen',
        message: 'This assessment is signed and cannot be changed.',
        hint: 'Carry it forward to start a new period.',
      };
    });
    renderWorkspace();
    await userEvent.click(await screen.findByRole('radio', { name: 'Partially met' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('This assessment is signed and cannot be changed.');
    expect(alert.textContent).toContain('Carry it forward to start a new period.');
    expect(screen.getByTestId('save-state').textContent).toBe('Not saved: see the message above');
    expect((screen.getByRole('radio', { name: 'Partially met' }) as HTMLInputElement).checked).toBe(true);
  });

  it('attaches dropped files through their paths, showing progress until the job is done', async () => {
    fake.answer('assessments.get', () => makeDetail());
    fake.answer('evidence.attach', () => ({ jobId: 'job-1' }));
    fake.droppedPaths.set('policy.pdf', '/home/priya/policy.pdf');
    renderWorkspace();
    const section = (await screen.findByRole('heading', { name: 'Attached evidence' })).closest('section')!;
    const file = new File(['x'], 'policy.pdf', { type: 'application/pdf' });
    fireEvent.drop(section, { dataTransfer: { files: [file] } });
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'evidence.attach')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'evidence.attach')?.args).toEqual({
      assessmentId: 'a1',
      claimId: '1.1.1',
      filePath: '/home/priya/policy.pdf',
      meta: {},
    });
    fake.emit('jobs.progress', { jobId: 'job-1', stage: 'Copying', done: 50, total: 100 });
    const bar = await screen.findByRole('progressbar', { name: 'Attaching policy.pdf' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('50'));
    fake.emit('jobs.done', { jobId: 'job-1', result: { ok: true, value: makeEvidence() } });
    // Shown from the job's reply: the assessment, with its thousands of files, is not read again.
    expect(await screen.findByText('Secure development policy.pdf')).toBeTruthy();
    expect(screen.getByText(/121 KB/)).toBeTruthy();
    expect(screen.getByText('abababababab')).toBeTruthy();
    expect(reads()).toEqual(['assessments.open', 'assessments.evidence']);
  });

  it("saves a file's details and removes a file from the replies, without reading the assessment again", async () => {
    const policy = makeEvidence({ id: 'e1', fileName: 'policy.pdf', description: 'Old words' });
    const scan = makeEvidence({ id: 'e2', fileName: 'scan.txt', sha256: 'cd'.repeat(32) });
    fake.answer('assessments.get', () =>
      makeDetail({
        evidence: [policy, scan],
        links: [
          { assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e1' },
          { assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e2' },
        ],
      }),
    );
    fake.answer('evidence.update', ({ patch }: { patch: { description: string } }) => ({ ...policy, description: patch.description }));
    fake.answer('evidence.unlink', () => ({ assessmentId: 'a1', claimId: '1.1.1', evidence: [{ ...policy, description: 'New words' }] }));
    renderWorkspace();
    await userEvent.click(await screen.findByRole('button', { name: 'Details of policy.pdf' }));
    const description = screen.getByLabelText('Description');
    await userEvent.clear(description);
    await userEvent.type(description, 'New words');
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(await screen.findByText('New words')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Remove scan.txt from this claim' }));
    await waitFor(() => expect(screen.queryByText('scan.txt')).toBeNull());
    expect(screen.getByText('policy.pdf')).toBeTruthy();
    expect(useAssessment.getState().detail!.evidence.map((e) => e.id)).toEqual(['e1']);
    expect(reads()).toEqual(['assessments.open', 'assessments.evidence']);
  });

  it('says so when an attached path was a symbolic link, naming the file it led to', async () => {
    fake.answer('assessments.get', () => makeDetail());
    fake.answer('evidence.attach', () => ({ jobId: 'job-link' }));
    fake.droppedPaths.set('policy.pdf', '/home/priya/policy.pdf');
    renderWorkspace();
    const section = (await screen.findByRole('heading', { name: 'Attached evidence' })).closest('section')!;
    fireEvent.drop(section, { dataTransfer: { files: [new File(['x'], 'policy.pdf', { type: 'application/pdf' })] } });
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'evidence.attach')).toBe(true));
    fake.emit('jobs.done', {
      jobId: 'job-link',
      result: { ok: true, value: { ...makeEvidence(), followedLink: '/srv/policies/policy-2026.pdf' } },
    });
    await waitFor(() =>
      expect(useAnnouncer.getState().message).toBe(
        '1 file attached to claim 1.1.1. policy.pdf is a symbolic link; the file it points to, /srv/policies/policy-2026.pdf, was attached.',
      ),
    );
  });

  it('marks claims outside the vendor role as out of scope, in words', async () => {
    fake.answer('assessments.get', () => makeDetail({ assessment: makeAssessment({ role: 'reseller' }) }));
    renderWorkspace('1.1.1');
    expect(await screen.findByText('This claim is out of scope for this assessment.')).toBeTruthy();
    expect(screen.getByRole('button', { name: /^1\.1\.1 .*Out of scope$/ })).toBeTruthy();
  });
});
