// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EditEvidenceDialog } from '../../renderer/screens/library/EditEvidenceDialog';
import { RecipientPreview } from '../../renderer/screens/sign/RecipientPreview';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail, makeEvidence } from './fixtures';

const secret = makeEvidence({
  id: 'e2',
  fileName: 'Nightingale pentest.pdf',
  description: 'Kestrel findings',
  sha256: 'cd'.repeat(32),
  confidential: true,
  withholdDetails: true,
});
const detail = makeDetail({
  evidence: [makeEvidence(), secret],
  links: [
    { assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e1' },
    { assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e2' },
  ],
});

describe('withholding the details of confidential evidence, in the app', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
  });
  afterEach(cleanup);

  it('the sign screen shows each item as a customer will see it: no name or description where they are withheld', () => {
    render(<RecipientPreview detail={detail} profile="customer" />);
    const table = screen.getByRole('table', { name: 'Evidence as a customer will see it' });
    expect(within(table).getByText('Withheld file 1 (confidential)')).toBeTruthy();
    expect(within(table).getByText('Withheld, name and description too')).toBeTruthy();
    expect(within(table).getByText('Secure development policy.pdf')).toBeTruthy();
    expect(table.textContent).not.toMatch(/Nightingale|Kestrel/);
  });

  it('a certification body sees the name and description', () => {
    render(<RecipientPreview detail={detail} profile="certification" />);
    const table = screen.getByRole('table', { name: 'Evidence as a certification body will see it' });
    expect(within(table).getByText('Nightingale pentest.pdf')).toBeTruthy();
    expect(within(table).getByText('Kestrel findings')).toBeTruthy();
    expect(within(table).getAllByText('Embedded')).toHaveLength(2);
  });

  it('the details dialog offers withholding only for confidential files, and saves it', async () => {
    fake.answer('evidence.update', ({ patch }: { patch: object }) => ({ ...makeEvidence(), ...patch }));
    render(<EditEvidenceDialog item={makeEvidence()} onClose={() => {}} />);
    const withhold = screen.getByRole('checkbox', { name: /Withhold its name and description too/ });
    expect(withhold.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /Confidential/ }));
    expect(withhold.hasAttribute('disabled')).toBe(false);
    await userEvent.click(withhold);
    await userEvent.click(screen.getByRole('button', { name: 'Save details' }));
    expect(fake.calls.find((c) => c.channel === 'evidence.update')?.args).toMatchObject({
      evidenceId: 'e1',
      patch: { confidential: true, withholdDetails: true },
    });
  });
});
