// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LibraryScreen } from '../../renderer/screens/library/LibraryScreen';
import { useLibrary } from '../../renderer/stores/library';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeEvidence } from './fixtures';

describe('the evidence library', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useLibrary.setState({ items: [], loaded: false, query: '', replacing: null, preview: null });
    fake.answer('evidence.list', () => [
      { item: makeEvidence(), replacesId: null, usedBy: [{ assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e1', organisation: 'Acme', state: 'draft' }] },
      { item: makeEvidence({ id: 'e2', fileName: 'Pen test report.pdf', sha256: 'cd'.repeat(32), confidential: true, expiryDate: '2027-02-01' }), replacesId: null, usedBy: [] },
    ]);
  });
  afterEach(cleanup);

  it('lists each file with where it is used, fingerprint, dates and sharing, and finds by name', async () => {
    render(<LibraryScreen />);
    const table = await screen.findByRole('table');
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(3));
    expect(within(table).getByRole('button', { name: '1.1.1' })).toBeTruthy();
    expect(within(table).getByText('Not linked')).toBeTruthy();
    expect(within(table).getByText('Confidential')).toBeTruthy();
    expect(within(table).getByText('1 Feb 2027')).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Find by name'), 'PEN');
    expect(within(table).getAllByRole('row')).toHaveLength(2);
    expect(screen.getByText('1 of 2 files')).toBeTruthy();
  });

  it('says which file is the older version and which replaced it', async () => {
    fake.answer('evidence.list', () => [
      { item: makeEvidence(), replacesId: null, usedBy: [] },
      { item: makeEvidence({ id: 'e2', fileName: 'Secure development policy v2.pdf', sha256: 'cd'.repeat(32) }), replacesId: 'e1', usedBy: [] },
    ]);
    render(<LibraryScreen />);
    expect(await screen.findByText('Older version, replaced by Secure development policy v2.pdf')).toBeTruthy();
    expect(screen.getByText('Newer version of Secure development policy.pdf')).toBeTruthy();
  });

  it('replaces a file with a newer version chosen in the dialog', async () => {
    fake.answer('dialogs.chooseFile', () => ({ path: '/home/priya/policy v2.pdf' }));
    fake.answer('evidence.replace', () => ({ jobId: 'r1' }));
    render(<LibraryScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Replace Secure development policy.pdf with a newer version' }));
    await waitFor(() => expect(fake.calls.find((c) => c.channel === 'evidence.replace')?.args).toEqual({ evidenceId: 'e1', filePath: '/home/priya/policy v2.pdf' }));
    fake.emit('jobs.done', { jobId: 'r1', result: { ok: true, value: makeEvidence({ fileName: 'policy v2.pdf' }) } });
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'evidence.list')).toHaveLength(2));
  });
});
