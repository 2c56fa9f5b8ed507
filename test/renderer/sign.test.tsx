// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { SignForm } from '../../renderer/screens/sign/SignForm';
import { SignScreen } from '../../renderer/screens/sign/SignScreen';
import { useAssessment } from '../../renderer/stores/assessment';
import { useIdentities } from '../../renderer/stores/identities';
import { useSigning } from '../../renderer/stores/signing';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment, makeDetail, makeIdentity } from './fixtures';

const identity = makeIdentity();

describe('signing', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useIdentities.setState({ items: [identity], loaded: true });
    useSigning.getState().reset();
    fake.answer('dialogs.saveFile', () => ({ path: '/home/priya/Acme pack.pdf' }));
  });
  afterEach(cleanup);

  function renderForm(blockers: string[]) {
    render(
      <SignForm
        detail={makeDetail()}
        catalogTitle={CURRENT_CATALOG.title}
        blockers={blockers}
        profile="customer"
        onProfile={() => {}}
        defaultIdentity="Priya 2026"
      />,
    );
  }

  it('shows the attestation the pack prints, naming the SRO', () => {
    renderForm([]);
    expect(
      screen.getByText(/^I, Priya Raman, Chief Technology Officer of Acme Software Ltd, am the Senior Responsible Owner/),
    ).toBeTruthy();
  });

  it('says in words why Sign and export cannot be pressed yet, until nothing is missing', async () => {
    renderForm(['Claim 1.1.3 has not been assessed yet.']);
    const sign = screen.getByRole('button', { name: 'Sign and export' });
    expect(sign.getAttribute('aria-describedby')).toBe('sign-needs');
    expect(
      screen.getByText(
        'To sign, type the passphrase of your signing identity, choose where to save the pack and accept the open issues listed under Readiness.',
      ),
    ).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Passphrase'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    expect(await screen.findByText('To sign, accept the open issues listed under Readiness.')).toBeTruthy();
    await userEvent.click(screen.getByRole('checkbox', { name: /I accept the 1 open issue/ }));
    expect(screen.queryByText(/^To sign,/)).toBeNull();
    expect(sign.hasAttribute('disabled')).toBe(false);
    expect(sign.hasAttribute('aria-describedby')).toBe(false);
  });

  it('signs only with a passphrase, a place to save, and open issues explicitly accepted', async () => {
    renderForm(['Claim 1.1.3 has not been assessed yet.']);
    const sign = screen.getByRole('button', { name: 'Sign and export' });
    expect(sign.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('Passphrase'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    await waitFor(() => expect(screen.getByTestId('out-path').textContent).toBe('Acme pack.pdf'));
    expect(sign.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /I accept the 1 open issue/ }));
    expect(sign.hasAttribute('disabled')).toBe(false);

    fake.answer('packs.export', () => ({ jobId: 'sign-1' }));
    fake.answer('assessments.get', () => makeDetail());
    await userEvent.click(sign);
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'packs.export')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'packs.export')?.args).toEqual({
      assessmentId: 'a1',
      identityLabel: 'Priya 2026',
      passphrase: 'correct horse battery staple',
      profile: 'customer',
      acceptExceptions: true,
      signBeforePeriodEnd: false,
      outPath: '/home/priya/Acme pack.pdf',
    });
    fake.emit('jobs.progress', { jobId: 'sign-1', stage: 'Embedding the evidence', done: 3, total: 4 });
    // The form shows the job as the status bar does: its stage, its bar and a Cancel that reaches it.
    const shown = await screen.findByTestId('job-progress-sign');
    await waitFor(() =>
      expect(within(shown).getByTestId('work-label').textContent).toBe('Signing and exporting Acme pack.pdf: Embedding the evidence'),
    );
    expect(within(shown).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('75');
    fake.answer('jobs.cancel', () => null);
    await userEvent.click(within(shown).getByRole('button', { name: /^Cancel.*Signing and exporting/ }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'jobs.cancel').map((c) => c.args)).toEqual([{ jobId: 'sign-1' }]));
    fake.emit('jobs.done', {
      jobId: 'sign-1',
      result: { ok: false, error: { kind: 'wrong-passphrase', message: 'That passphrase does not unlock the signing identity.' } },
    });
    // A failed signing leaves no passphrase behind in the form.
    await waitFor(() => expect((screen.getByLabelText('Passphrase') as HTMLInputElement).value).toBe(''));
  });
});

describe('signing and the assessment period', () => {
  let fake: FakeApi;
  /** Every in-scope claim met with evidence and done, so only the period can stand in the way. */
  const ready = (period: { periodStart: string; periodEnd: string }) => {
    const detail = makeDetail({ assessment: makeAssessment(period) });
    const claims = CURRENT_CATALOG.themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((c) => c.id)));
    return {
      ...detail,
      responses: claims.map((claimId) => ({
        assessmentId: 'a1',
        claimId,
        status: 'done' as const,
        result: 'not-applicable' as const,
        evidenceText: '',
        arguments: 'Not ours.',
        updatedAt: '2026-11-01T00:00:00.000Z',
      })),
    };
  };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-29T12:00:00'));
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    useIdentities.setState({ items: [identity], loaded: true });
    useSigning.getState().reset();
    fake.answer('identities.list', () => [identity]);
    fake.answer('dialogs.saveFile', () => ({ path: '/home/priya/Acme pack.pdf' }));
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  async function fillIn() {
    await userEvent.type(await screen.findByLabelText('Passphrase'), 'correct horse battery staple');
    await userEvent.click(screen.getByRole('button', { name: 'Choose where to save…' }));
    await waitFor(() => expect(screen.getByTestId('out-path').textContent).toBe('Acme pack.pdf'));
  }

  it('a period that has not started cannot be signed, and accepting exceptions is not offered for it', async () => {
    fake.answer('assessments.get', () => ready({ periodStart: '2027-01-01', periodEnd: '2027-12-31' }));
    render(<SignScreen assessmentId="a1" />);
    await fillIn();
    expect(screen.getByRole('alert').textContent).toContain('The assessment period starts on 1 January 2027, after today');
    expect(screen.queryByRole('checkbox', { name: /I accept/ })).toBeNull();
    expect(screen.getByText('To sign, wait until the assessment period has started, or correct the period.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Sign and export' }).hasAttribute('disabled')).toBe(true);
  });

  it('a period not yet ended needs its own explicit confirmation, which goes with the request', async () => {
    fake.answer('assessments.get', () => ready({ periodStart: '2026-01-01', periodEnd: '2026-12-31' }));
    render(<SignScreen assessmentId="a1" />);
    await fillIn();
    const sign = screen.getByRole('button', { name: 'Sign and export' });
    expect(screen.getByText('To sign, confirm that you are signing before the assessment period ends.')).toBeTruthy();
    expect(sign.hasAttribute('disabled')).toBe(true);
    await userEvent.click(screen.getByRole('checkbox', { name: /I am signing before the assessment period ends on 31 Dec 2026/ }));
    expect(sign.hasAttribute('disabled')).toBe(false);
    fake.answer('packs.export', () => ({ jobId: 'sign-1' }));
    await userEvent.click(sign);
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'packs.export')?.args).toMatchObject({
        acceptExceptions: false,
        signBeforePeriodEnd: true,
      }),
    );
  });

  it('a finished period asks for no confirmation', async () => {
    fake.answer('assessments.get', () => ready({ periodStart: '2025-01-01', periodEnd: '2025-12-31' }));
    render(<SignScreen assessmentId="a1" />);
    await fillIn();
    expect(screen.queryByRole('checkbox', { name: /before the assessment period ends/ })).toBeNull();
    expect(screen.getByRole('button', { name: 'Sign and export' }).hasAttribute('disabled')).toBe(false);
  });
});
