// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EvidenceSection } from '../../renderer/screens/workspace/EvidenceSection';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail, makeEvidence } from './fixtures';

const reference = makeEvidence({
  id: 'r1',
  kind: 'reference',
  sha256: '',
  size: 0,
  present: false,
  fileName: 'https://jira.example.com/browse/SEC-142',
  owner: 'Platform team',
  description: 'Branch protection',
});

describe('adding a reference in the claim editor', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAnnouncer.setState({ message: '', error: null });
    useAssessment.setState({ detail: makeDetail(), saveState: 'idle', lastChange: null });
    fake.answer('assessments.get', () =>
      makeDetail({ evidence: [reference], links: [{ assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'r1' }] }),
    );
    fake.answer('evidence.addReference', () => reference);
  });
  afterEach(cleanup);

  it('records where the evidence is, what it shows, when and who holds it; an address that is not http(s) is flagged as typed', async () => {
    render(<EvidenceSection detail={makeDetail()} claimId="1.1.1" frozen={false} />);
    await userEvent.click(screen.getByRole('button', { name: 'Add a reference…' }));
    const dialog = screen.getByRole('dialog', { name: 'Add a reference to claim 1.1.1' });
    const location = within(dialog).getByLabelText('Web address or location');
    await userEvent.type(location, 'javascript:alert(1)');
    expect(within(dialog).getByText(/"javascript:" addresses cannot be references/)).toBeTruthy();
    expect(location.getAttribute('aria-invalid')).toBe('true');
    await userEvent.clear(location);
    await userEvent.type(location, 'https://jira.example.com/browse/SEC-142');
    expect(within(dialog).queryByText(/cannot be references/)).toBeNull();
    await userEvent.type(within(dialog).getByLabelText('What it shows'), 'Branch protection');
    await userEvent.type(within(dialog).getByLabelText('Date (when it was true)'), '2026-03-02');
    await userEvent.type(within(dialog).getByLabelText('Owner'), 'Platform team');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add reference' }));
    expect(fake.calls.find((c) => c.channel === 'evidence.addReference')?.args).toEqual({
      assessmentId: makeDetail().assessment.id,
      claimId: '1.1.1',
      reference: {
        location: 'https://jira.example.com/browse/SEC-142',
        description: 'Branch protection',
        effectiveDate: '2026-03-02',
        owner: 'Platform team',
        confidential: false,
      },
    });
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(useAnnouncer.getState().message).toBe('Reference added to claim 1.1.1.');
  });

  it('shows a reference as text with its owner, no fingerprint and no preview', () => {
    render(
      <EvidenceSection
        detail={makeDetail({ evidence: [reference], links: [{ assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'r1' }] })}
        claimId="1.1.1"
        frozen={false}
      />,
    );
    expect(screen.getByText(/Not a file, so no fingerprint/)).toBeTruthy();
    expect(screen.getByText('Platform team')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /Preview/ })).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
  });
});
