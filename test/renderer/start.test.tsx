// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StartScreen } from '../../renderer/screens/start/StartScreen';
import { useAssessments } from '../../renderer/stores/assessments';
import { useSession } from '../../renderer/stores/session';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment } from './fixtures';

const settings = (recentDatabases: string[]) => ({ theme: 'light' as const, recentDatabases, defaultIdentityId: null, defaultExportFolder: null });

describe('the start page', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessments.setState({ items: [], loaded: false });
  });
  afterEach(cleanup);

  it('welcomes a first-time user with no settings yet', () => {
    useSession.setState({ dbPath: null, settings: null });
    render(<StartScreen />);
    expect(screen.getByRole('heading', { name: 'Welcome' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Recent databases' })).toBeNull();
  });

  it('offers recent databases and opens one', async () => {
    useSession.setState({ dbPath: null, settings: settings(['/home/priya/Acme.sscp']) });
    fake.answer('workspace.open', ({ dbPath }: { dbPath: string }) => ({ dbPath }));
    fake.answer('settings.get', () => settings(['/home/priya/Acme.sscp']));
    fake.answer('assessments.list', () => []);
    render(<StartScreen />);
    await userEvent.click(screen.getByRole('button', { name: 'Acme.sscp' }));
    await waitFor(() => expect(useSession.getState().dbPath).toBe('/home/priya/Acme.sscp'));
  });

  it('lists assessments with period, state and how far each has got, and other recent databases', async () => {
    useSession.setState({ dbPath: '/db/current.sscp', settings: settings(['/db/current.sscp', '/db/last-year.sscp']) });
    fake.answer('assessments.list', () => [
      { assessment: makeAssessment({ state: 'signed' }), completeness: { claimsInScope: 45, assessed: 45, done: 45, withEvidence: 40, percentAssessed: 100 } },
    ]);
    render(<StartScreen />);
    expect(await screen.findByRole('button', { name: 'Acme Software Ltd' })).toBeTruthy();
    expect(screen.getByText('01/01/2026 – 31/12/2026')).toBeTruthy();
    expect(screen.getByText('Signed')).toBeTruthy();
    expect(screen.getByText('45 of 45 claims')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Carry forward/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Other recent databases' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'last-year.sscp' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'current.sscp' })).toBeNull();
    expect(screen.queryByText('Unverified signer')).toBeNull();
  });

  it('marks an assessment imported from an unverified signer', async () => {
    useSession.setState({ dbPath: '/db/current.sscp', settings: settings(['/db/current.sscp']) });
    const imported = makeAssessment({ state: 'signed', origin: 'imported-pack' });
    fake.answer('assessments.list', () => [
      {
        assessment: imported,
        completeness: { claimsInScope: 45, assessed: 45, done: 45, withEvidence: 40, percentAssessed: 100 },
        unverifiedSigner: { importedAssessmentId: imported.id, signerFingerprint: 'ef'.repeat(32), importedAt: '2026-11-22T15:00:00.000Z' },
      },
    ]);
    render(<StartScreen />);
    const badge = await screen.findByText('Unverified signer');
    expect(badge.getAttribute('title')).toContain('ef'.repeat(32));
  });
});
