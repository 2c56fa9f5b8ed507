// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardScreen } from '../../renderer/screens/dashboard/DashboardScreen';
import { CompareScreen } from '../../renderer/screens/compare/CompareScreen';
import { AssessmentTable } from '../../renderer/screens/start/AssessmentTable';
import { useAssessment } from '../../renderer/stores/assessment';
import { useCompare } from '../../renderer/stores/compare';
import { CURRENT_CATALOG } from '../../shared/catalog/index';
import { makeDetail as makeFormDetail } from '../fixtures/form/make-detail';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment, makeAuditEntry, makeDetail } from './fixtures';

const PACK_SHA = 'c0ffee'.repeat(10) + 'abcd';
const COMPLETE = { inScope: 45, assessed: 45, done: 45, withEvidence: 40, assessedPercent: 100, donePercent: 100 };

describe('a signed assessment', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: null, saveState: 'idle', lastChange: null });
    fake.answer('assessments.get', () =>
      makeDetail({ assessment: makeAssessment({ state: 'signed', signedAt: '2026-11-02T10:30:00.000Z' }) }),
    );
    const entries = [
      makeAuditEntry(),
      makeAuditEntry({
        seq: 2,
        at: '2026-11-02T10:30:00.000Z',
        action: 'assessment.signed',
        detail: {
          packSha256: PACK_SHA,
          packId: 'p1',
          signerFingerprint: 'ab'.repeat(32),
          signedAt: '2026-11-02T10:30:00.000Z',
          profile: 'full',
        },
        actor: { name: 'Priya Raman', role: 'CTO', source: 'profile' },
      }),
    ];
    fake.answer('assessments.audit', () => entries);
    fake.answer('assessments.recentAudit', ({ limit }: { limit: number }) => ({ total: entries.length, entries: entries.slice(-limit) }));
  });
  afterEach(cleanup);

  it('has a dashboard that says it is signed, when, by whom, the pack fingerprint and what to do next', async () => {
    render(<DashboardScreen assessmentId="a1" />);
    const card = await screen.findByRole('region', { name: 'Signed' });
    expect(await within(card).findByText(PACK_SHA)).toBeTruthy();
    expect(within(card).getByText('Priya Raman (CTO)')).toBeTruthy();
    expect(within(card).getByText(/2 Nov 2026/)).toBeTruthy();
    expect(within(card).getByRole('button', { name: /^Carry forward/ })).toBeTruthy();
    // Readiness to sign no longer applies, so nothing claims it is blocked.
    expect(screen.queryByText('Ready to sign')).toBeNull();
    expect(screen.queryByText('Not yet')).toBeNull();
    expect(screen.queryByRole('heading', { name: 'Before you can sign' })).toBeNull();
    expect(document.body.textContent).not.toMatch(/sscp /);
  });
});

describe('the assessments list', () => {
  beforeEach(() => installFakeApi());
  afterEach(cleanup);

  it('tells apart rows with the same organisation by period, state and origin, seen and heard', () => {
    const items = [
      makeAssessment({
        id: 'a1',
        state: 'signed',
        signedAt: '2026-11-02T09:00:00.000Z',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
      }),
      makeAssessment({
        id: 'a2',
        state: 'signed',
        signedAt: '2026-11-02T09:00:00.000Z',
        periodStart: '2025-01-01',
        periodEnd: '2025-12-31',
        origin: 'imported-pack',
      }),
    ].map((assessment) => ({ assessment, completeness: COMPLETE, unverifiedSigner: null }));
    render(<AssessmentTable items={items} />);
    const [made, imported] = screen.getAllByRole('button', { name: 'Acme Software Ltd' });
    expect(made!.getAttribute('aria-describedby')).toBeTruthy();
    const describedBy = (b: HTMLElement) =>
      b
        .getAttribute('aria-describedby')!
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent)
        .join(' ');
    expect(describedBy(made!)).toContain('Made here');
    expect(describedBy(imported!)).toContain('Imported pack');
    expect(describedBy(imported!)).toContain('1 Jan 2025');
  });
});

describe('comparing after a carry-forward', () => {
  beforeEach(() => {
    const fake = installFakeApi();
    fake.answer('assessments.list', () => []);
  });
  afterEach(cleanup);

  it('separates review-status-only changes from real ones, in one line', async () => {
    const responses = Object.fromEntries(
      ['1.1.1', '1.1.2', '1.2.1'].map((id) => [id, { result: 'met' as const, status: 'done' as const, evidenceText: 'Policy' }]),
    );
    const from = makeFormDetail(CURRENT_CATALOG, { assessment: { id: 'a1', state: 'signed' }, responses });
    const to = makeFormDetail(CURRENT_CATALOG, {
      assessment: { id: 'a2', previousId: 'a1' },
      responses: {
        ...Object.fromEntries(Object.keys(responses).map((id) => [id, { ...responses[id]!, status: 'needs-review' as const }])),
        '1.1.1': { result: 'not-met', status: 'needs-review', evidenceText: 'Policy' },
      },
    });
    useCompare.setState({ fromId: 'a1', toId: 'a2', from, to });
    render(<CompareScreen />);
    expect((await screen.findByTestId('diff-totals')).textContent).toBe('1 claim changed; 2 changed only their work status; 42 unchanged.');
    expect(screen.getByRole('heading', { name: 'Claim 1.1.1' })).toBeTruthy();
    expect(screen.queryByRole('heading', { name: 'Claim 1.1.2' })).toBeNull();
    expect(screen.getByText('2 claims changed only their work status')).toBeTruthy();
  });
});
