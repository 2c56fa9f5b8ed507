// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/components/StatusBar';
import type { ContributionPreviewView } from '../../shared/ipc/views-contributions';
import { ContributionsScreen } from '../../renderer/screens/contributions/ContributionsScreen';
import { ImportScreen } from '../../renderer/screens/import/ImportScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAttestationExport } from '../../renderer/stores/attestation-export';
import { useFormExport } from '../../renderer/stores/form-export';
import { useImports } from '../../renderer/stores/imports';
import { useWork } from '../../renderer/stores/work';
import { installFakeApi, type FakeApi } from './fake-api';
import { makePackPreview, makeVerification } from './fixtures';

const verification = makeVerification({
  trusted: true,
  trust: { status: 'trusted', trustedBy: ['pinned-fingerprint'], ownIdentity: null, message: 'Matches.' },
});

const preview = makePackPreview(verification);

describe('import, verify and export in the status bar', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useWork.setState({ items: [] });
    useAnnouncer.setState({ message: '', error: null });
    useImports.getState().reset();
    fake.answer('packs.previewImport', () => ({ jobId: 'p' }));
    fake.answer('jobs.cancel', () => null);
  });
  afterEach(cleanup);

  const bar = () => screen.getByRole('contentinfo');
  const cancelCalls = () => fake.calls.filter((c) => c.channel === 'jobs.cancel').map((c) => (c.args as { jobId: string }).jobId);

  async function choosePack(path = '/in/pack.pdf') {
    fake.answer('dialogs.chooseFile', () => ({ path }));
    render(
      <>
        <ImportScreen />
        <StatusBar />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Choose a pack…' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'packs.previewImport')).toBe(true));
  }

  it('shows verifying a pack with its name, stage and bar, and its Cancel cancels that job', async () => {
    await choosePack();
    expect(within(bar()).getByTestId('work-label').textContent).toBe('Verifying pack.pdf');
    fake.emit('jobs.progress', { jobId: 'p', stage: 'Checking the signature and every file', done: 1, total: 4 });
    await waitFor(() =>
      expect(within(bar()).getByTestId('work-label').textContent).toBe('Verifying pack.pdf: Checking the signature and every file'),
    );
    const progress = within(bar()).getByRole('progressbar', { name: 'Verifying pack.pdf: Checking the signature and every file' });
    expect(progress.getAttribute('aria-valuenow')).toBe('25');
    await userEvent.click(within(bar()).getByRole('button', { name: /^Cancel.*Verifying pack\.pdf/ }));
    await waitFor(() => expect(cancelCalls()).toEqual(['p']));
    fake.emit('jobs.done', { jobId: 'p', result: { ok: false, error: { kind: 'cancelled', message: 'The job was cancelled.' } } });
    await waitFor(() => expect(within(bar()).queryByTestId('work-label')).toBeNull());
    // What the person asked for happened: said in the status line, not raised as a failure.
    expect(within(bar()).getByRole('status').textContent).toBe('The job was cancelled.');
    expect(useAnnouncer.getState().error).toBeNull();
  });

  it('shows the pack card its own job, with the same stage, bar and a Cancel that stops it', async () => {
    await choosePack();
    const card = screen.getByRole('region', { name: 'A signed evidence pack (PDF)' });
    fake.emit('jobs.progress', { jobId: 'p', stage: 'Checking the signature and every file', done: 3, total: 4 });
    await waitFor(() =>
      expect(within(card).getByTestId('work-label').textContent).toBe('Verifying pack.pdf: Checking the signature and every file'),
    );
    // One component: the card and the status bar show the same job the same way.
    expect(within(card).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    expect(within(bar()).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    await userEvent.click(within(card).getByRole('button', { name: /^Cancel.*Verifying pack\.pdf/ }));
    await waitFor(() => expect(cancelCalls()).toEqual(['p']));
    fake.emit('jobs.done', { jobId: 'p', result: { ok: false, error: { kind: 'cancelled', message: 'The job was cancelled.' } } });
    await waitFor(() => expect(within(card).queryByRole('progressbar')).toBeNull());
  });

  it('lets the form card cancel reading and importing a Word form', async () => {
    fake.answer('dialogs.chooseFile', () => ({ path: '/in/form.docx' }));
    fake.answer('forms.previewImport', () => ({ jobId: 'f' }));
    render(
      <>
        <ImportScreen />
        <StatusBar />
      </>,
    );
    await userEvent.click(screen.getByRole('button', { name: 'Choose a form…' }));
    const card = screen.getByRole('region', { name: 'The official assessment form (Word)' });
    await waitFor(() => expect(within(card).getByTestId('work-label').textContent).toBe('Reading the Word form form.docx'));
    await userEvent.click(within(card).getByRole('button', { name: /^Cancel.*Reading the Word form/ }));
    await waitFor(() => expect(cancelCalls()).toEqual(['f']));
    fake.emit('jobs.done', {
      jobId: 'f',
      result: { ok: false, error: { kind: 'cancelled', message: 'The form import was cancelled; nothing was imported.' } },
    });
    await waitFor(() => expect(within(bar()).getByRole('status').textContent).toBe('The form import was cancelled; nothing was imported.'));
    expect(within(card).queryByTestId('work-label')).toBeNull();
    expect(useAnnouncer.getState().error).toBeNull();
  });

  it('says what the verification found when it is done, and the task leaves the status bar', async () => {
    await choosePack();
    fake.emit('jobs.done', { jobId: 'p', result: { ok: true, value: preview } });
    await waitFor(() =>
      expect(within(bar()).getByRole('status').textContent).toBe(
        'Verified pack.pdf: the signature and every file are intact, and you trust the signer.',
      ),
    );
    expect(within(bar()).queryByTestId('work-label')).toBeNull();
  });

  it('shows importing the pack with its Cancel, and the result line once it is in', async () => {
    await choosePack();
    fake.emit('jobs.done', { jobId: 'p', result: { ok: true, value: preview } });
    fake.answer('packs.import', () => ({ jobId: 'i' }));
    fake.answer('assessments.list', () => []);
    await userEvent.click(await screen.findByRole('button', { name: 'Import this pack' }));
    await waitFor(() => expect(within(bar()).getByTestId('work-label').textContent).toBe('Importing pack.pdf'));
    await userEvent.click(within(bar()).getByRole('button', { name: /^Cancel.*Importing pack\.pdf/ }));
    await waitFor(() => expect(cancelCalls()).toEqual(['i']));
    // Finished before the cancel could stop it: the import happened, and the result says so.
    fake.emit('jobs.done', {
      jobId: 'i',
      result: {
        ok: true,
        value: { preview, assessment: { id: 'a9', organisation: 'Acme' } as never, evidence: { stored: 2, alreadyHeld: 0, withheld: 0 } },
      },
    });
    await waitFor(() => expect(within(bar()).getByRole('status').textContent).toBe('Imported the signed assessment of Acme.'));
    expect(within(bar()).queryByTestId('work-label')).toBeNull();
  });

  it('shows a file name with hidden characters escaped, so it cannot disguise itself', async () => {
    await choosePack('/in/invoice\u202Efdp.exe');
    const label = within(bar()).getByTestId('work-label');
    expect(label.textContent).toBe('Verifying invoice\\u{202e}fdp.exe');
    expect(within(bar()).getByRole('progressbar', { name: 'Verifying invoice\\u{202e}fdp.exe' })).toBeTruthy();
  });

  it('shows saving calendar reminders with a Cancel that reaches the job, then counts what was saved if it finished', async () => {
    fake.answer('dialogs.saveFile', () => ({ path: '/out/Acme SSCP reminders.ics' }));
    fake.answer('reminders.export', () => ({ jobId: 'r' }));
    render(<StatusBar />);
    const exporting = useFormExport.getState().exportReminders('a1', 'Acme');
    await waitFor(() =>
      expect(within(bar()).getByTestId('work-label').textContent).toBe('Saving the calendar reminders Acme SSCP reminders.ics'),
    );
    await userEvent.click(within(bar()).getByRole('button', { name: /^Cancel.*Saving the calendar reminders/ }));
    await waitFor(() => expect(cancelCalls()).toEqual(['r']));
    // Written before the cancel could stop it: saved, and said so.
    fake.emit('jobs.done', { jobId: 'r', result: { ok: true, value: { path: '/out/x.ics', actionsDue: 1, evidenceExpiring: 0 } } });
    await exporting;
    await waitFor(() =>
      expect(within(bar()).getByRole('status').textContent).toBe(
        'Calendar reminders saved to /out/Acme SSCP reminders.ics: 1 remedial action due date, 0 evidence expiry dates. Open the file to add them to your calendar.',
      ),
    );
    expect(within(bar()).queryByTestId('work-label')).toBeNull();
  });
  it('shows verifying a contribution without Cancel, then importing it with a Cancel that cancels that job', async () => {
    fake.answer('contributions.review', () => []);
    fake.answer('owners.list', () => []);
    fake.answer('assessments.get', () => {
      throw { kind: 'not-found', message: 'not loaded in this test' };
    });
    fake.answer('dialogs.chooseFile', () => ({ path: '/in/bob.sscp-contribution' }));
    fake.answer('contributions.previewImport', () => ({ jobId: 'cp' }));
    render(
      <>
        <ContributionsScreen assessmentId="a1" />
        <StatusBar />
      </>,
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Choose a contribution…' }));
    await waitFor(() =>
      expect(within(bar()).getByTestId('work-label').textContent).toBe('Verifying the contribution bob.sscp-contribution'),
    );
    expect(within(bar()).queryByRole('button', { name: /^Cancel/ })).toBeNull();
    const contribution: ContributionPreviewView = {
      file: { name: 'bob.sscp-contribution', size: 4096, sha256: 'ef'.repeat(32) },
      contributor: { name: 'Bob Builder', email: '', team: '' },
      organisation: 'Acme Ltd',
      createdAt: '2026-11-28T10:00:00.000Z',
      claims: [{ claimId: '1.2.1', files: 1 }],
      signerFingerprint: 'ab'.repeat(32),
      signerTrust: 'trusted',
      trustMessage: 'Remembered.',
    };
    fake.emit('jobs.done', { jobId: 'cp', result: { ok: true, value: contribution } });
    fake.answer('contributions.import', () => ({ jobId: 'ci' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Import for review' }));
    await waitFor(() =>
      expect(within(bar()).getByTestId('work-label').textContent).toBe('Importing the contribution bob.sscp-contribution'),
    );
    await userEvent.click(within(bar()).getByRole('button', { name: /^Cancel.*Importing the contribution/ }));
    await waitFor(() => expect(cancelCalls()).toEqual(['ci']));
    fake.emit('jobs.done', { jobId: 'ci', result: { ok: false, error: { kind: 'cancelled', message: 'The job was cancelled.' } } });
    await waitFor(() => expect(within(bar()).queryByTestId('work-label')).toBeNull());
    await waitFor(() => expect(within(bar()).getByRole('status').textContent).toBe('The job was cancelled.'));
    expect(useAnnouncer.getState().error?.kind).not.toBe('cancelled');
  });
  it('shows saving the attestation by its file name, and takes the task away when it fails', async () => {
    fake.answer('dialogs.saveFile', () => ({ path: '/out/Acme SSCP attestation.cdx.json' }));
    fake.answer('attestations.export', () => ({ jobId: 'x' }));
    render(<StatusBar />);
    const exporting = useAttestationExport.getState().exportAttestation('a1', 'Acme');
    await waitFor(() =>
      expect(within(bar()).getByTestId('work-label').textContent).toBe('Saving the CycloneDX attestation Acme SSCP attestation.cdx.json'),
    );
    fake.emit('jobs.done', { jobId: 'x', result: { ok: false, error: { kind: 'unwritable', message: 'The disk is full.' } } });
    await expect(exporting).rejects.toThrow('The disk is full.');
    expect(within(bar()).queryByTestId('work-label')).toBeNull();
  });
});
