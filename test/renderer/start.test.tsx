// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findCatalog, listClaims, statementChanges } from '../../shared/catalog/index';
import { carryForward } from '../../shared/domain/carry-forward';
import { StartScreen } from '../../renderer/screens/start/StartScreen';
import { makeDetail } from '../fixtures/form/make-detail';
import { useAssessments } from '../../renderer/stores/assessments';
import { useSession } from '../../renderer/stores/session';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment } from './fixtures';

const settings = (recentDatabases: string[]) => ({
  theme: 'light' as const,
  recentDatabases,
  defaultIdentityId: null,
  defaultExportFolder: null,
  profile: null,
});

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
    expect(screen.queryByRole('heading', { name: 'Recent files' })).toBeNull();
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
      {
        assessment: makeAssessment({ state: 'signed' }),
        completeness: { inScope: 45, assessed: 45, done: 45, withEvidence: 40, assessedPercent: 100, donePercent: 100 },
      },
    ]);
    render(<StartScreen />);
    expect(await screen.findByRole('button', { name: 'Acme Software Ltd' })).toBeTruthy();
    expect(screen.getByText('1 Jan 2026 – 31 Dec 2026')).toBeTruthy();
    expect(screen.getByText('Signed')).toBeTruthy();
    expect(screen.getByText('45 of 45 claims')).toBeTruthy();
    expect(screen.getByRole('button', { name: /Carry forward/ })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Other recent files' })).toBeTruthy();
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
        completeness: { inScope: 45, assessed: 45, done: 45, withEvidence: 40, assessedPercent: 100, donePercent: 100 },
        unverifiedSigner: { importedAssessmentId: imported.id, signerFingerprint: 'ef'.repeat(32), importedAt: '2026-11-22T15:00:00.000Z' },
      },
    ]);
    render(<StartScreen />);
    const badge = await screen.findByText('Unverified signer');
    expect(badge.getAttribute('title')).toContain('ef'.repeat(32));
  });

  it('after carrying a 2025.1 assessment forward, says how many claims were reworded in 2025.2 and why', async () => {
    const v1 = findCatalog('uk-sscp', '2025.1')!;
    const v2 = findCatalog('uk-sscp', '2025.2')!;
    const old = makeAssessment({ id: 'old', state: 'signed', signedAt: '2026-12-20T10:00:00.000Z', catalogVersion: '2025.1' });
    const plan = carryForward(
      makeDetail(v1, { assessment: old }),
      { today: '2027-01-02' },
      listClaims(v2).map((c) => c.claim.id),
      statementChanges(v1, v2),
    );
    const next = makeAssessment({
      id: 'new',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      catalogVersion: '2025.2',
      origin: 'carried-forward',
      previousId: 'old',
    });
    useSession.setState({ dbPath: '/db/current.sscp', settings: settings(['/db/current.sscp']) });
    fake.answer('assessments.list', () => [
      { assessment: old, completeness: { inScope: 45, assessed: 45, done: 45, withEvidence: 40, assessedPercent: 100, donePercent: 100 } },
    ]);
    fake.answer('assessments.carryForward', () => ({ assessment: next, plan }));
    render(<StartScreen />);
    await userEvent.click(await screen.findByRole('button', { name: /Carry forward/ }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Carry forward' }));
    expect(await screen.findByRole('heading', { name: '18 claims reworded in catalog 2025.2' })).toBeTruthy();
    const dialog = screen.getByRole('dialog');
    expect(dialog.textContent).toContain('this assessment used 2025.1');
    const item = within(dialog).getByText('1.4.3').closest('li')!;
    expect(item.textContent).toMatch(/vendor's own tools/);
    expect(item.textContent).toContain('Was: The software ships without default passwords');
    expect(item.textContent).toContain('Now: Default and persistent passwords are not used');
  });
});
