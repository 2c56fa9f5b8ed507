// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContributionPreviewView, ContributionReviewView } from '../../shared/ipc/views-contributions';
import { ContributionsScreen } from '../../renderer/screens/contributions/ContributionsScreen';
import { installFakeApi, type FakeApi } from './fake-api';

const FP = 'ab'.repeat(32);

function item(overrides: Partial<ContributionReviewView> = {}): ContributionReviewView {
  return {
    contributionId: '3f9a2c1b',
    claimId: '1.2.1',
    state: 'pending',
    decidedAt: null,
    reason: '',
    contributor: { name: 'Bob Builder', email: 'bob@acme.example', team: 'Platform' },
    createdAt: '2026-11-28T10:00:00.000Z',
    importedAt: '2026-11-29T09:00:00.000Z',
    fileName: 'bob.sscp-contribution',
    signerFingerprint: FP,
    signerTrust: 'confirmed',
    assigned: true,
    owner: { name: 'Bob Builder', team: 'Platform', email: 'bob@acme.example' },
    proposed: { result: 'met', status: null, evidenceText: 'SBOM from CI run 42', arguments: null },
    current: { result: 'not-assessed', status: 'not-started', evidenceText: '', arguments: '' },
    files: [{ fileName: 'sbom.json', size: 18, sha256: 'cd'.repeat(32), mediaType: 'application/json' }],
    ...overrides,
  };
}

describe('the Contributions screen', () => {
  let fake: FakeApi;
  let pending: ContributionReviewView[];
  beforeEach(() => {
    fake = installFakeApi();
    pending = [
      item(),
      item({
        claimId: '1.2.2',
        assigned: false,
        owner: { name: 'Carol', team: '', email: '' },
        proposed: { result: null, status: 'done', evidenceText: null, arguments: null },
      }),
    ];
    fake.answer('contributions.review', () => pending);
    fake.answer('owners.list', () => []);
    fake.answer('assessments.get', () => {
      throw { kind: 'not-found', message: 'not loaded in this test' };
    });
  });
  afterEach(cleanup);

  it('shows each contributed claim beside the current answer, and accepts it per claim', async () => {
    render(<ContributionsScreen assessmentId="a1" />);
    const first = await screen.findByRole('region', { name: /Claim 1\.2\.1/ });
    const rows = within(first).getAllByRole('row');
    expect(rows.map((r) => r.textContent)).toEqual([
      'FieldNowProposed',
      'Resultnot-assessedmet (changed)',
      'Work statusnot-started(not proposed)',
      'Evidence text(empty)SBOM from CI run 42 (changed)',
      'Arguments(empty)(not proposed)',
    ]);
    expect(within(first).getByText(/sbom\.json/)).toBeTruthy();
    fake.answer('contributions.accept', () => ({
      contributionId: '3f9a2c1b',
      contributor: item().contributor,
      decided: [{ claimId: '1.2.1', state: 'accepted', evidenceIds: ['e1'] }],
      claims: [],
    }));
    await userEvent.click(within(first).getByRole('button', { name: 'Accept claim 1.2.1' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'contributions.accept')?.args).toEqual({
        assessmentId: 'a1',
        contributionId: '3f9a2c1b',
        claimId: '1.2.1',
        allowUnassigned: false,
      }),
    );
  });

  it('flags a claim the contributor does not own: accepting needs the SRO to say they checked', async () => {
    render(<ContributionsScreen assessmentId="a1" />);
    const second = await screen.findByRole('region', { name: /Claim 1\.2\.2/ });
    expect(within(second).getByText('Not assigned to this contributor.')).toBeTruthy();
    expect(within(second).getByText(/owner is/).textContent).toContain('Carol');
    const accept = within(second).getByRole('button', { name: 'Accept claim 1.2.2' });
    expect(accept.hasAttribute('disabled')).toBe(true);
    await userEvent.click(within(second).getByLabelText('I have checked that they may answer for it'));
    fake.answer('contributions.accept', () => ({ contributionId: '3f9a2c1b', contributor: item().contributor, decided: [], claims: [] }));
    await userEvent.click(accept);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'contributions.accept')?.args).toMatchObject({ claimId: '1.2.2', allowUnassigned: true }),
    );
  });

  it('rejects with a reason', async () => {
    render(<ContributionsScreen assessmentId="a1" />);
    const first = await screen.findByRole('region', { name: /Claim 1\.2\.1/ });
    await userEvent.type(within(first).getByLabelText('Reason, if you reject it'), 'Wrong SBOM');
    fake.answer('contributions.reject', () => ({ contributionId: '3f9a2c1b', contributor: item().contributor, decided: [], claims: [] }));
    await userEvent.click(within(first).getByRole('button', { name: 'Reject claim 1.2.1' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'contributions.reject')?.args).toEqual({
        assessmentId: 'a1',
        contributionId: '3f9a2c1b',
        claimId: '1.2.1',
        reason: 'Wrong SBOM',
      }),
    );
  });

  it('imports a contribution from a new contributor only once the SRO confirmed the fingerprint shown, in words for the app', async () => {
    pending = [];
    fake.answer('dialogs.chooseFile', () => ({ path: '/in/bob.sscp-contribution' }));
    fake.answer('contributions.previewImport', () => ({ jobId: 'p' }));
    render(<ContributionsScreen assessmentId="a1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Choose a contribution…' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'contributions.previewImport')).toBe(true));
    const preview: ContributionPreviewView = {
      file: { name: 'bob.sscp-contribution', size: 4096, sha256: 'ef'.repeat(32) },
      contributor: { name: 'Bob Builder', email: '', team: '' },
      organisation: 'Acme Ltd',
      createdAt: '2026-11-28T10:00:00.000Z',
      claims: [{ claimId: '1.2.1', files: 1 }],
      signerFingerprint: FP,
      signerTrust: 'unknown',
      trustMessage: 'Nothing establishes who the signer is.',
    };
    fake.emit('jobs.done', { jobId: 'p', result: { ok: true, value: preview } });
    expect(await screen.findByText('A new contributor: confirm their fingerprint once.')).toBeTruthy();
    expect(screen.getByText(FP)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/--allow-untrusted|sscp /);
    const importButton = screen.getByRole('button', { name: 'Import for review' });
    expect(importButton.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByLabelText('The fingerprint matches the one they gave me'));
    fake.answer('contributions.import', () => ({ jobId: 'i' }));
    await userEvent.click(importButton);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'contributions.import')?.args).toEqual({
        path: '/in/bob.sscp-contribution',
        into: 'a1',
        confirmSigner: FP,
      }),
    );
  });
});
