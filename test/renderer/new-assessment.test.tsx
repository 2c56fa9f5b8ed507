// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { describeRole } from '../../shared/domain/applicability';
import { NewAssessmentScreen } from '../../renderer/screens/new-assessment/NewAssessmentScreen';
import { useNavigation } from '../../renderer/stores/navigation';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment } from './fixtures';

describe('New assessment', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useNavigation.setState({ route: { name: 'new-assessment' }, currentAssessmentId: null });
  });
  afterEach(cleanup);

  it('explains in plain words what each vendor role puts in scope', async () => {
    render(<NewAssessmentScreen />);
    expect(screen.getByText(describeRole('reseller').scope)).toBeTruthy();
    expect(screen.queryByRole('checkbox', { name: /theme 3/ })).toBeNull();
    await userEvent.click(screen.getByRole('radio', { name: /Developer only/ }));
    expect(screen.getByRole('checkbox', { name: /theme 3/ })).toBeTruthy();
  });

  it('says what to fix, field by field, and sends nothing until it is right', async () => {
    render(<NewAssessmentScreen />);
    await userEvent.click(screen.getByRole('button', { name: 'Create assessment' }));
    expect(screen.getByText('Enter the name of the organisation being assessed.')).toBeTruthy();
    expect(screen.getByLabelText('Organisation name').getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(screen.getByLabelText('Organisation name'));
    expect(fake.calls.filter((c) => c.channel === 'assessments.create')).toEqual([]);
  });

  it('creates the assessment with tidy fields and opens its workspace', async () => {
    fake.answer('assessments.create', () => makeAssessment({ id: 'new-1' }));
    fake.answer('assessments.list', () => []);
    render(<NewAssessmentScreen />);
    await userEvent.type(screen.getByLabelText('Organisation name'), '  Acme Software Ltd ');
    await userEvent.type(screen.getByLabelText('Products covered'), 'Acme Ledger{enter}{enter}Acme Payroll');
    await userEvent.click(screen.getByRole('radio', { name: /Developer only/ }));
    await userEvent.click(screen.getByRole('checkbox', { name: /theme 3/ }));
    await userEvent.type(screen.getByLabelText('Name'), 'Priya Raman');
    await userEvent.type(screen.getByLabelText('Job title'), 'CTO');
    await userEvent.click(screen.getByRole('button', { name: 'Create assessment' }));
    await screen.findByRole('button', { name: 'Create assessment' });
    expect(fake.calls.find((c) => c.channel === 'assessments.create')?.args).toEqual({
      organisation: 'Acme Software Ltd',
      products: ['Acme Ledger', 'Acme Payroll'],
      role: 'developer-only',
      theme3InScope: true,
      periodStart: null,
      periodEnd: null,
      sroName: 'Priya Raman',
      sroRole: 'CTO',
    });
    expect(useNavigation.getState().route).toEqual({ name: 'workspace', assessmentId: 'new-1', claimId: null });
  });

  it('lets who signs be named later, as the CLI does: signing is what needs them', async () => {
    fake.answer('assessments.create', () => makeAssessment({ id: 'new-2' }));
    fake.answer('assessments.list', () => []);
    render(<NewAssessmentScreen />);
    expect(screen.getByText(/You can fill this in later; it is needed before signing/)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Organisation name'), 'Acme Software Ltd');
    await userEvent.click(screen.getByRole('button', { name: 'Create assessment' }));
    await screen.findByRole('button', { name: 'Create assessment' });
    expect(fake.calls.find((c) => c.channel === 'assessments.create')?.args).toMatchObject({ sroName: '', sroRole: '' });
  });
});
