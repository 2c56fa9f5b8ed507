// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShortcutsHelp } from '../../renderer/components/ShortcutsHelp';
import { StatusBar } from '../../renderer/components/StatusBar';
import { useShortcuts } from '../../renderer/hooks/useShortcuts';
import { WorkspaceScreen } from '../../renderer/screens/workspace/WorkspaceScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { useClaimCommands } from '../../renderer/stores/claim-commands';
import { useClaimFilter } from '../../renderer/stores/claim-filter';
import { useNavigation } from '../../renderer/stores/navigation';
import { NO_CLAIM_FILTER } from '../../shared/domain/claim-filter';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment, makeDetail, savedResponse } from './fixtures';

function Harness() {
  useShortcuts();
  const route = useNavigation((s) => s.route);
  return (
    <>
      <WorkspaceScreen assessmentId="a1" claimId={route.name === 'workspace' ? route.claimId : null} />
      <StatusBar />
      <ShortcutsHelp />
    </>
  );
}

const heading = () => screen.getByRole('heading', { level: 2, name: /^\d+\.\d+\.\d+ / });

describe('answering claims by keyboard', () => {
  let fake: FakeApi;
  const updates = () => fake.calls.filter((c) => c.channel === 'claims.update').map((c) => c.args);

  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    useAnnouncer.setState({ message: '', error: null });
    useNavigation.setState({ route: { name: 'workspace', assessmentId: 'a1', claimId: null }, currentAssessmentId: 'a1' });
    useClaimFilter.setState({ assessmentId: null, filter: NO_CLAIM_FILTER, listOpen: false });
    useClaimCommands.setState({ handler: null, helpOpen: false });
    fake.answer('assessments.get', () => makeDetail());
    fake.answer('claims.update', (args: never) => savedResponse(args));
  });
  afterEach(cleanup);

  it('answers with a number key and moves on with J, focus on the next claim, back with K', async () => {
    render(<Harness />);
    await screen.findByRole('heading', { name: /^1\.1\.1 / });
    await userEvent.keyboard('1');
    await waitFor(() => expect(updates()).toEqual([{ assessmentId: 'a1', claimId: '1.1.1', patch: { result: 'met' } }]));
    expect(screen.getByRole('status').textContent).toBe('Claim 1.1.1: Met.');
    await userEvent.keyboard('j');
    await waitFor(() => expect(heading().textContent).toContain('1.1.2'));
    expect(document.activeElement).toBe(heading());
    await userEvent.keyboard('3');
    await waitFor(() => expect(updates()).toHaveLength(2));
    expect(updates()[1]).toEqual({ assessmentId: 'a1', claimId: '1.1.2', patch: { result: 'not-met' } });
    await userEvent.keyboard('k');
    await waitFor(() => expect(heading().textContent).toContain('1.1.1'));
  });

  it('never takes a key typed into a text box; Escape leaves the box and hands the keys back', async () => {
    render(<Harness />);
    const evidence = await screen.findByLabelText('Evidence');
    await userEvent.click(evidence);
    await userEvent.keyboard('1jk?');
    expect((evidence as HTMLTextAreaElement).value).toBe('1jk?');
    expect(heading().textContent).toContain('1.1.1');
    expect(screen.queryByRole('dialog')).toBeNull();
    await userEvent.keyboard('{Escape}');
    expect(document.activeElement).toBe(heading());
    await userEvent.keyboard('2');
    await waitFor(() =>
      expect(
        updates().some(
          (u) => JSON.stringify(u) === JSON.stringify({ assessmentId: 'a1', claimId: '1.1.1', patch: { result: 'partially-met' } }),
        ),
      ).toBe(true),
    );
  });

  it('lists every shortcut in a help overlay opened with ?', async () => {
    render(<Harness />);
    await screen.findByRole('heading', { name: /^1\.1\.1 / });
    await userEvent.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    for (const label of ['Next claim', 'Previous claim', 'Find a claim', 'Result: Met', 'Result: Not applicable', 'Leave a text box'])
      within(dialog).getByText(label);
    // No shortcut fires behind the open dialog.
    await userEvent.keyboard('j');
    expect(heading().textContent).toContain('1.1.1');
  });

  it('makes the claim list one Tab stop, moved through with the arrow keys', async () => {
    render(<Harness />);
    const list = await screen.findByRole('navigation', { name: 'Claims' });
    const claimButtons = within(list).getAllByRole('button', { name: /^\d+\.\d+\.\d+ / });
    expect(claimButtons).toHaveLength(45);
    expect(claimButtons.filter((b) => b.tabIndex === 0)).toHaveLength(1);
    claimButtons[0]!.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    expect(document.activeElement).toBe(claimButtons[2]);
    await userEvent.keyboard('{End}');
    expect(document.activeElement).toBe(claimButtons[44]);
  });

  it('finds claims by words and filters, with a count, and / goes to the search', async () => {
    fake.answer('assessments.get', () =>
      makeDetail({
        responses: [savedResponse({ assessmentId: 'a1', claimId: '1.2.1', patch: { result: 'met', status: 'needs-review' } })],
        actions: [
          {
            id: 'x',
            assessmentId: 'a1',
            claimId: '1.3.1',
            description: 'Write the plan',
            owner: 'Head of QA',
            dueDate: null,
            state: 'open',
            createdAt: '',
            updatedAt: '',
          },
        ],
      }),
    );
    render(<Harness />);
    await screen.findByRole('heading', { name: /^1\.1\.1 / });
    expect(screen.getByTestId('claim-count').textContent).toBe('45 claims');
    await userEvent.keyboard('/');
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Find a claim')));
    await userEvent.keyboard('threat');
    expect(screen.getByTestId('claim-count').textContent).toMatch(/^[1-9]\d* of 45 claims$/);
    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await userEvent.selectOptions(screen.getByLabelText('Work status is'), 'needs-review');
    expect(screen.getByTestId('claim-count').textContent).toBe('1 of 45 claims');
    const list = screen.getByRole('navigation', { name: 'Claims' });
    expect(
      within(list)
        .getAllByRole('button', { name: /^\d+\.\d+\.\d+ / })
        .map((b) => b.textContent?.slice(0, 5)),
    ).toEqual(['1.2.1']);
    await userEvent.selectOptions(screen.getByLabelText('Work status is'), '');
    await userEvent.selectOptions(screen.getByLabelText('An action is owned by'), 'Head of QA');
    expect(screen.getByTestId('claim-count').textContent).toBe('1 of 45 claims');
    // J moves within what the filter shows.
    await userEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await userEvent.selectOptions(screen.getByLabelText('Result is'), 'not-assessed');
    screen.getByLabelText('Result is').blur();
    await userEvent.click(heading());
    await userEvent.keyboard('j');
    await waitFor(() => expect(heading().textContent).toContain('1.1.2'));
  });
});

describe('a reseller', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    useAnnouncer.setState({ message: '', error: null });
    useNavigation.setState({ route: { name: 'workspace', assessmentId: 'a1', claimId: null }, currentAssessmentId: 'a1' });
    useClaimFilter.setState({ assessmentId: null, filter: NO_CLAIM_FILTER, listOpen: false });
    fake.answer('assessments.get', () => makeDetail({ assessment: makeAssessment({ role: 'reseller' }) }));
    fake.answer('claims.update', (args: never) => savedResponse(args));
  });
  afterEach(cleanup);

  it('sees the claims in scope first, the 29 out of scope set apart at the end, and no answer offered for them', async () => {
    render(<Harness />);
    await screen.findByRole('heading', { name: /^3\.1\.1 / });
    const list = screen.getByRole('navigation', { name: 'Claims' });
    const ids = within(list)
      .getAllByRole('button', { name: /^\d+\.\d+\.\d+ / })
      .map((b) => b.textContent!.slice(0, 5));
    expect(ids.slice(0, 16).every((id) => id.startsWith('3.') || id.startsWith('4.'))).toBe(true);
    const apart = within(list).getByRole('region', { name: 'Out of scope for the role “Reseller”' });
    expect(within(apart).getAllByRole('button', { name: /^\d+\.\d+\.\d+ / })).toHaveLength(29);
    expect(screen.getAllByRole('radio')).toHaveLength(5);

    await userEvent.click(within(apart).getByRole('button', { name: /^1\.1\.1 / }));
    await screen.findByRole('heading', { name: /^1\.1\.1 / });
    expect(screen.queryAllByRole('radio')).toHaveLength(0);
    expect(screen.queryByRole('button', { name: 'Attach files…' })).toBeNull();
    heading().focus();
    await userEvent.keyboard('1');
    expect(screen.getByRole('status').textContent).toBe('Claim 1.1.1 is out of scope for this assessment and needs no answer.');
    expect(fake.calls.filter((c) => c.channel === 'claims.update')).toEqual([]);
  });
});
