// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/domain/types';
import { StartScreen } from '../../renderer/screens/start/StartScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessments } from '../../renderer/stores/assessments';
import { useSession } from '../../renderer/stores/session';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment } from './fixtures';

const COMPLETE = { inScope: 45, assessed: 45, done: 45, withEvidence: 40, assessedPercent: 100, donePercent: 100 };

/** A tiny stand-in for main's list: archive/unarchive change the state the next list call returns. */
function serveAssessments(fake: FakeApi, initial: Assessment[]): Map<string, Assessment> {
  const rows = new Map(initial.map((a) => [a.id, a]));
  fake.answer('assessments.list', () => [...rows.values()].map((assessment) => ({ assessment, completeness: COMPLETE })));
  fake.answer('assessments.archive', ({ assessmentId }: { assessmentId: string }) => {
    const a = { ...rows.get(assessmentId)!, state: 'archived' as const };
    rows.set(assessmentId, a);
    return a;
  });
  fake.answer('assessments.unarchive', ({ assessmentId }: { assessmentId: string }) => {
    const before = rows.get(assessmentId)!;
    const a = { ...before, state: before.signedAt ? ('signed' as const) : ('draft' as const) };
    rows.set(assessmentId, a);
    return a;
  });
  return rows;
}

describe('the start page: archiving', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessments.setState({ items: [], loaded: false, showArchived: false });
    useAnnouncer.setState({ message: '', error: null });
    useSession.setState({
      dbPath: '/db/acme.sscp',
      settings: { theme: 'light', recentDatabases: [], defaultIdentityId: null, defaultExportFolder: null, profile: null },
    });
  });
  afterEach(cleanup);

  it('archives a signed period: it leaves the list, the change is announced, and Show archived (1) brings it back', async () => {
    serveAssessments(fake, [
      makeAssessment({ id: 'cur', organisation: 'Acme 2026' }),
      makeAssessment({ id: 'old', organisation: 'Acme 2025', state: 'signed', signedAt: '2026-01-20T09:00:00.000Z' }),
    ]);
    render(<StartScreen />);
    await screen.findByRole('button', { name: 'Acme 2025' });
    expect(screen.queryByRole('checkbox', { name: /Show archived/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Archive Acme 2025' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Acme 2025' })).toBeNull());
    expect(fake.calls.filter((c) => c.channel === 'assessments.archive').map((c) => c.args)).toEqual([{ assessmentId: 'old' }]);
    expect(useAnnouncer.getState().message).toBe(
      'Archived the assessment for Acme 2025. It is hidden from the list; tick Show archived to see it.',
    );
    expect(screen.getByText('1 assessment, 1 archived hidden')).toBeTruthy();
    const toggle = screen.getByRole('checkbox', { name: 'Show archived (1)' });
    await waitFor(() => expect(document.activeElement).toBe(toggle));

    await userEvent.click(toggle);
    const row = screen.getByRole('button', { name: 'Acme 2025' }).closest('tr')!;
    expect(within(row).getByText('Archived')).toBeTruthy();
    expect(within(row).getByText('Signed')).toBeTruthy();
    // Archived after signing is still a signed period: the next one can start from it.
    expect(within(row).getByRole('button', { name: /^Carry forward.*Acme 2025/ })).toBeTruthy();
    expect(screen.getByText('2 assessments')).toBeTruthy();
  });

  it('archives from the answer it gets back, without listing every assessment again', async () => {
    serveAssessments(fake, [
      makeAssessment({ id: 'cur', organisation: 'Acme 2026' }),
      makeAssessment({ id: 'old', organisation: 'Acme 2025' }),
    ]);
    render(<StartScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Archive Acme 2025' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Acme 2025' })).toBeNull());
    expect(useAssessments.getState().items.map((i) => [i.assessment.id, i.assessment.state])).toEqual([
      ['cur', 'draft'],
      ['old', 'archived'],
    ]);
    expect(fake.calls.filter((c) => c.channel === 'assessments.list')).toHaveLength(1);
  });

  it('unarchives a signed assessment back to signed, announced', async () => {
    useAssessments.setState({ showArchived: true });
    serveAssessments(fake, [
      makeAssessment({ id: 'old', organisation: 'Acme 2025', state: 'archived', signedAt: '2026-01-20T09:00:00.000Z' }),
    ]);
    render(<StartScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Unarchive Acme 2025' }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Archive Acme 2025' })).toBeTruthy());
    expect(useAnnouncer.getState().message).toBe('Unarchived the assessment for Acme 2025: it is signed again.');
    const row = screen.getByRole('button', { name: 'Acme 2025' }).closest('tr')!;
    expect(within(row).getByText('Signed')).toBeTruthy();
    expect(within(row).queryByText('Archived')).toBeNull();
  });

  it('says so when every assessment is archived, and offers no carry-forward from an archived draft', async () => {
    serveAssessments(fake, [makeAssessment({ id: 'trial', organisation: 'Trial run', state: 'archived' })]);
    render(<StartScreen />);
    expect(await screen.findByText(/Every assessment in this file is archived/)).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: 'Show archived (1)' }));
    const row = screen.getByRole('button', { name: 'Trial run' }).closest('tr')!;
    expect(within(row).queryByRole('button', { name: /Carry forward/ })).toBeNull();
    expect(within(row).getByRole('button', { name: 'Unarchive Trial run' })).toBeTruthy();
  });

  it('shows a refusal from main in the error banner and leaves the list as it was', async () => {
    serveAssessments(fake, [makeAssessment({ id: 'cur', organisation: 'Acme 2026' })]);
    fake.answer('assessments.archive', () => {
      throw {
        kind: 'not-found',
        message: 'There is no assessment with id cur.',
        hint: 'Run sscp list to see the assessments in this database and their ids.',
      };
    });
    render(<StartScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Archive Acme 2026' }));
    await waitFor(() => expect(useAnnouncer.getState().error?.message).toBe('There is no assessment with id cur.'));
    expect(screen.getByRole('button', { name: 'Acme 2026' })).toBeTruthy();
    expect(useAnnouncer.getState().message).toBe('');
  });
});
