// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardScreen } from '../../renderer/screens/dashboard/DashboardScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { useSession } from '../../renderer/stores/session';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment, makeAuditEntry, makeDetail, makeEvidence } from './fixtures';

describe('the dashboard', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    const entries = [
      makeAuditEntry(),
      makeAuditEntry({
        seq: 2,
        at: '2026-11-01T09:05:00.000Z',
        action: 'evidence.attached',
        detail: { claimId: '1.1.1', fileName: 'policy.pdf' },
        actor: { name: 'Priya Raman', role: 'CTO', source: 'profile' },
      }),
      makeAuditEntry({
        seq: 3,
        at: '2026-11-01T09:07:00.000Z',
        action: 'claim.updated',
        detail: { claimId: '1.1.2', changes: { status: {}, result: {} } },
        actor: { name: 'sam', source: 'os-account' },
      }),
    ];
    fake.answer('assessments.audit', () => entries);
    fake.answer('assessments.recentAudit', ({ limit }: { limit: number }) => ({ total: entries.length, entries: entries.slice(-limit) }));
    fake.answer('assessments.get', () =>
      makeDetail({
        responses: [
          {
            assessmentId: 'a1',
            claimId: '1.1.1',
            status: 'done',
            result: 'met',
            evidenceText: 'Policy',
            arguments: '',
            updatedAt: '2026-11-01T00:00:00.000Z',
          },
          {
            assessmentId: 'a1',
            claimId: '1.1.2',
            status: 'in-progress',
            result: 'not-met',
            evidenceText: '',
            arguments: '',
            updatedAt: '2026-11-01T00:00:00.000Z',
          },
        ],
        evidence: [makeEvidence({ expiryDate: '2000-01-01' })],
        links: [{ assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e1' }],
        actions: [
          {
            id: 'x1',
            assessmentId: 'a1',
            claimId: '1.1.2',
            description: 'Train the new starters',
            owner: 'Head of Engineering',
            dueDate: '2001-01-31',
            state: 'open',
            createdAt: '',
            updatedAt: '',
          },
          {
            id: 'x2',
            assessmentId: 'a1',
            claimId: '1.1.2',
            description: 'Write the course',
            owner: '',
            dueDate: null,
            state: 'open',
            createdAt: '',
            updatedAt: '',
          },
        ],
      }),
    );
  });
  afterEach(cleanup);

  it('draws each principle as a labelled bar of its claim results', async () => {
    render(<DashboardScreen assessmentId="a1" />);
    const bar = await screen.findByRole('img', { name: /^Principle 1\.1: / });
    expect(bar.getAttribute('aria-label')).toMatch(/1 met, 1 not met, \d+ not assessed/);
    expect(screen.getAllByRole('img', { name: /^Principle / })).toHaveLength(14);
  });

  it('lists what blocks signing, expired evidence, and open actions by owner with what is overdue', async () => {
    render(<DashboardScreen assessmentId="a1" />);
    const blockers = (await screen.findByRole('heading', { name: 'Before you can sign' })).closest('section')!;
    expect(within(blockers).getAllByText('Blocks signing').length).toBeGreaterThan(0);
    expect(within(blockers).getByRole('button', { name: 'Go to 1.1.3' })).toBeTruthy();
    const expiring = screen.getByRole('heading', { name: 'Evidence expiring soon' }).closest('section')!;
    expect(within(expiring).getByText(/Secure development policy\.pdf/)).toBeTruthy();
    const actions = screen.getByRole('heading', { name: 'Open remedial actions' }).closest('section')!;
    const owners = within(actions)
      .getAllByRole('heading', { level: 3 })
      .map((h) => h.textContent);
    expect(owners).toEqual(['Head of Engineering', 'No owner yet']);
    expect(within(actions).getByText('Overdue since 31 Jan 2001')).toBeTruthy();
    expect(await screen.findByText('Evidence attached (claim 1.1.1): policy.pdf')).toBeTruthy();
  });

  it('says who made each change in the history, and that older changes did not record it', async () => {
    render(<DashboardScreen assessmentId="a1" />);
    const history = (await screen.findByRole('heading', { name: 'Recent history' })).closest('section')!;
    const items = await within(history).findAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/Claim changed \(claim 1\.1\.2\): status, resultBy sam$/),
      expect.stringMatching(/Evidence attached \(claim 1\.1\.1\): policy\.pdfBy Priya Raman \(CTO\)$/),
      expect.stringMatching(/Assessment createdWho: not recorded$/),
    ]);
  });

  it('exports the CycloneDX attestation where the Word form is offered, and says when it carries no affirmation', async () => {
    fake.answer('dialogs.saveFile', () => ({ path: '/home/priya/Acme attestation.cdx.json' }));
    fake.answer('attestations.export', () => ({ jobId: 'cdx-1' }));
    render(<DashboardScreen assessmentId="a1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Export attestation (CycloneDX)…' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'attestations.export')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'dialogs.saveFile')?.args).toMatchObject({
      purpose: 'attestation',
      suggestedName: 'Acme Software Ltd SSCP attestation.cdx.json',
    });
    expect(fake.calls.find((c) => c.channel === 'attestations.export')?.args).toEqual({
      assessmentId: 'a1',
      outPath: '/home/priya/Acme attestation.cdx.json',
    });
    expect(screen.getByRole('button', { name: 'Writing the attestation…' })).toBeTruthy();
    fake.emit('jobs.done', {
      jobId: 'cdx-1',
      result: { ok: true, value: { path: '/home/priya/Acme attestation.cdx.json', signed: false } },
    });
    await waitFor(() => expect(useAnnouncer.getState().message).toContain('not signed yet, so it carries no affirmation'));
    expect(await screen.findByRole('button', { name: 'Export attestation (CycloneDX)…' })).toBeTruthy();
  });

  it('reads only the history entries it shows, and says how many there are in all', async () => {
    const many = Array.from({ length: 8 }, (_, i) => ({
      seq: 2044 + i,
      at: '2026-11-01T10:00:00.000Z',
      assessmentId: 'a1',
      action: 'evidence.attached',
      detail: { claimId: '1.1.1', fileName: `scan-${i}.txt` },
      actor: null,
      prevHash: '',
      hash: '',
    }));
    fake.answer('assessments.recentAudit', () => ({ total: 2051, entries: many }));
    render(<DashboardScreen assessmentId="a1" />);
    const history = (await screen.findByRole('heading', { name: 'Recent history' })).closest('section')!;
    expect(await within(history).findByText('2051 recorded changes')).toBeTruthy();
    expect(within(history).getAllByRole('listitem')[0]!.textContent).toMatch(/scan-7\.txt/);
    expect(fake.calls.filter((c) => c.channel === 'assessments.recentAudit').map((c) => c.args)).toEqual([
      { assessmentId: 'a1', limit: 8 },
    ]);
    // The whole log (thousands of entries with thousands of files) is never read for this card.
    expect(fake.calls.some((c) => c.channel === 'assessments.audit')).toBe(false);
  });

  it('edits the assessment details, with the role explained, and saves them', async () => {
    fake.answer('assessments.update', ({ patch }: { patch: object }) => ({ ...makeAssessment(), ...patch }));
    render(<DashboardScreen assessmentId="a1" />);
    await userEvent.click(await screen.findByRole('button', { name: 'Edit details…' }));
    const dialog = screen.getByRole('dialog');
    await userEvent.click(within(dialog).getByRole('radio', { name: /^Reseller/ }));
    await userEvent.clear(within(dialog).getByLabelText('Job title'));
    await userEvent.type(within(dialog).getByLabelText('Job title'), 'Chief Executive');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save details' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'assessments.update')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'assessments.update')?.args).toMatchObject({
      assessmentId: 'a1',
      patch: { role: 'reseller', sroRole: 'Chief Executive', organisation: 'Acme Software Ltd', periodStart: '2026-01-01' },
    });
    // The reply is the assessment as saved: shown from it, without reading the whole assessment again.
    await waitFor(() => expect(useAnnouncer.getState().message).toBe('Assessment details saved.'));
    expect(useAssessment.getState().detail!.assessment).toMatchObject({ role: 'reseller', sroRole: 'Chief Executive' });
    expect(fake.calls.filter((c) => c.channel === 'assessments.get')).toHaveLength(1);
  });

  it('fills in the official form chosen once, and says which claims went in the table at its end', async () => {
    const user = userEvent.setup();
    const base = { theme: 'light' as const, recentDatabases: [], defaultIdentityId: null, defaultExportFolder: null, profile: null };
    useSession.setState({ settings: base });
    fake.answer('settings.chooseFormTemplate', () => ({ ...base, formTemplatePath: '/home/priya/Forms/SSCP form v0.4.docx' }));
    fake.answer('dialogs.saveFile', () => ({ path: '/home/priya/Acme filled.docx' }));
    fake.answer('forms.export', () => ({ jobId: 'f1' }));
    render(<DashboardScreen assessmentId="a1" />);
    await user.click(await screen.findByRole('button', { name: 'Use official form…' }));
    expect(await screen.findByText('SSCP form v0.4.docx')).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Fill in official form…' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'forms.export')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'forms.export')?.args).toEqual({
      assessmentId: 'a1',
      outPath: '/home/priya/Acme filled.docx',
      templatePath: '/home/priya/Forms/SSCP form v0.4.docx',
    });
    fake.emit('jobs.done', {
      jobId: 'f1',
      result: { ok: true, value: { path: '/home/priya/Acme filled.docx', appendedClaims: ['2.1.6', '4.3.1'], missingCoverFields: [] } },
    });
    await waitFor(() =>
      expect(useAnnouncer.getState().message).toBe(
        'Word form saved to /home/priya/Acme filled.docx. Your form has no rows for claims 2.1.6 and 4.3.1: they are in a table at its end.',
      ),
    );

    fake.answer('settings.update', (patch: object) => ({ ...base, ...patch }));
    await user.click(screen.getByRole('button', { name: 'Use generated form' }));
    expect(fake.calls.find((c) => c.channel === 'settings.update')?.args).toEqual({ formTemplatePath: null });
    expect(await screen.findByRole('button', { name: 'Export Word form…' })).toBeTruthy();
  });

  it('saves calendar reminders for due dates and evidence expiry', async () => {
    const user = userEvent.setup();
    fake.answer('dialogs.saveFile', () => ({ path: '/home/priya/reminders.ics' }));
    fake.answer('reminders.export', () => ({ jobId: 'r1' }));
    render(<DashboardScreen assessmentId="a1" />);
    await user.click(await screen.findByRole('button', { name: 'Calendar reminders…' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'reminders.export')).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'dialogs.saveFile')?.args).toEqual({
      purpose: 'calendar',
      suggestedName: 'Acme Software Ltd SSCP reminders.ics',
    });
    expect(fake.calls.find((c) => c.channel === 'reminders.export')?.args).toEqual({
      assessmentId: 'a1',
      outPath: '/home/priya/reminders.ics',
    });
    fake.emit('jobs.done', {
      jobId: 'r1',
      result: { ok: true, value: { path: '/home/priya/reminders.ics', actionsDue: 2, evidenceExpiring: 1 } },
    });
    await waitFor(() =>
      expect(useAnnouncer.getState().message).toBe(
        'Calendar reminders saved to /home/priya/reminders.ics: 2 remedial action due dates, 1 evidence expiry date. Open the file to add them to your calendar.',
      ),
    );
  });
});
