// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClaimOwnerView, ContributionReviewView } from '../../shared/ipc/views-contributions';
import { DashboardScreen } from '../../renderer/screens/dashboard/DashboardScreen';
import { WorkspaceScreen } from '../../renderer/screens/workspace/WorkspaceScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { useNavigation } from '../../renderer/stores/navigation';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail } from './fixtures';

function owner(claimId: string, name: string, team: string): ClaimOwnerView {
  return { claimId, name, team, email: '', assignedAt: '2026-11-20T09:00:00.000Z' };
}

function pendingFor(claimId: string, overrides: Partial<ContributionReviewView> = {}): ContributionReviewView {
  return {
    contributionId: `c-${claimId}`,
    claimId,
    state: 'pending',
    decidedAt: null,
    reason: '',
    contributor: { name: 'Priya Raman', email: '', team: 'Platform' },
    createdAt: '2026-11-28T10:00:00.000Z',
    importedAt: '2026-11-29T09:00:00.000Z',
    fileName: 'priya.sscp-contribution',
    signerFingerprint: 'ab'.repeat(32),
    signerTrust: 'confirmed',
    assigned: true,
    owner: null,
    proposed: { result: 'met', status: null, evidenceText: null, arguments: null },
    current: { result: 'not-assessed', status: 'not-started', evidenceText: '', arguments: '' },
    files: [],
    ...overrides,
  };
}

const response = (claimId: string, status: 'done' | 'in-progress') => ({
  assessmentId: 'a1',
  claimId,
  status,
  result: status === 'done' ? ('met' as const) : ('not-assessed' as const),
  evidenceText: '',
  arguments: '',
  updatedAt: '2026-11-01T00:00:00.000Z',
});

describe('who owns what and what waits on whom', () => {
  let fake: FakeApi;
  let owners: ClaimOwnerView[];
  let pending: ContributionReviewView[];
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    useAnnouncer.setState({ message: '', error: null });
    useNavigation.setState({ route: { name: 'dashboard', assessmentId: 'a1' }, currentAssessmentId: 'a1' });
    owners = [
      owner('1.1.1', 'Priya Raman', 'Platform'),
      owner('1.1.2', 'Priya Raman', 'Platform'),
      owner('1.1.3', 'Priya Raman', 'Platform'),
      owner('1.2.1', 'Sam Okafor', ''),
    ];
    pending = [pendingFor('1.1.2'), pendingFor('2.1.1', { assigned: false })];
    fake.answer('assessments.get', () =>
      makeDetail({ responses: [response('1.1.1', 'done'), response('1.1.2', 'in-progress'), response('1.2.1', 'done')] }),
    );
    fake.answer('assessments.audit', () => []);
    fake.answer('assessments.recentAudit', () => ({ total: 0, entries: [] }));
    fake.answer('owners.list', () => owners);
    fake.answer('contributions.review', () => pending);
  });
  afterEach(cleanup);

  it('lists each owner on the dashboard with their claims and what waits on them and on the SRO', async () => {
    render(<DashboardScreen assessmentId="a1" />);
    const card = (await screen.findByRole('heading', { name: 'Owners' })).closest('section')!;
    const priya = (await within(card).findByRole('rowheader', { name: 'Priya Raman, Platform' })).closest('tr')!;
    expect(
      within(priya)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['1.1.1', '1.1.2', '1.1.3']);
    // 1.1.1 is done and 1.1.2 has a contribution waiting for review: only 1.1.3 waits on Priya.
    expect(priya.textContent).toContain('1 claim not done, nothing sent');
    expect(priya.textContent).toContain('1 contributed claim');
    const sam = within(card).getByRole('rowheader', { name: 'Sam Okafor' }).closest('tr')!;
    expect(within(sam).getAllByText('Nothing')).toHaveLength(2);
    expect(card.textContent).toContain('1 contributed claim has no owner and waits for your review.');

    await userEvent.click(within(card).getByRole('button', { name: 'Review 2 contributed claims' }));
    expect(useNavigation.getState().route).toEqual({ name: 'contributions', assessmentId: 'a1' });
    await userEvent.click(within(priya).getByRole('button', { name: '1.1.2' }));
    expect(useNavigation.getState().route).toEqual({ name: 'workspace', assessmentId: 'a1', claimId: '1.1.2' });
  });

  it('says when no claim is assigned and where to assign them', async () => {
    owners = [];
    pending = [];
    render(<DashboardScreen assessmentId="a1" />);
    const card = (await screen.findByRole('heading', { name: 'Owners' })).closest('section')!;
    expect(
      await within(card).findByText('No claims are assigned to an owner yet. Assign them under Claim owners on the Contributions screen.'),
    ).toBeTruthy();
    await userEvent.click(within(card).getByRole('button', { name: 'Open Contributions' }));
    expect(useNavigation.getState().route).toEqual({ name: 'contributions', assessmentId: 'a1' });
  });

  it('shows in the card, not as an app error, when the owners cannot be read', async () => {
    fake.answer('owners.list', () => {
      throw { kind: 'internal', message: 'The database is locked.' };
    });
    render(<DashboardScreen assessmentId="a1" />);
    const card = (await screen.findByRole('heading', { name: 'Owners' })).closest('section')!;
    expect(await within(card).findByText(/The claim owners could not be read/)).toBeTruthy();
    expect(card.textContent).toContain('The database is locked.');
  });

  it('shows the claim’s owner beside it in the workspace, and a pending contribution waiting for review', async () => {
    render(<WorkspaceScreen assessmentId="a1" claimId="1.1.2" />);
    const line = await screen.findByText((_, el) => el?.classList.contains('editor-owner') === true);
    expect(line.textContent).toBe('Owner: Priya Raman, Platform Pending contribution');
    const listed = screen.getByRole('button', { name: /^1\.1\.2 .*a contribution waits for your review$/ });
    expect(listed.textContent).toContain('Pending');
    expect(screen.getByRole('button', { name: /^1\.1\.1 / }).textContent).not.toContain('Pending');
    await userEvent.click(within(line).getByRole('button', { name: 'Pending contribution' }));
    expect(useNavigation.getState().route).toEqual({ name: 'contributions', assessmentId: 'a1' });
  });

  it('says a claim has no owner, with no pending marker when nothing waits', async () => {
    render(<WorkspaceScreen assessmentId="a1" claimId="1.3.1" />);
    const line = (await screen.findByText('No owner assigned')).closest('p')!;
    expect(within(line).queryByRole('button')).toBeNull();
  });

  it('says in the workspace when the owners cannot be read, and the claim still opens', async () => {
    fake.answer('contributions.review', () => {
      throw { kind: 'internal', message: 'The database is locked.' };
    });
    render(<WorkspaceScreen assessmentId="a1" claimId="1.1.2" />);
    expect(await screen.findByText('The claim’s owner could not be read.')).toBeTruthy();
    expect(screen.getByLabelText('Evidence')).toBeTruthy();
  });
});
