// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CompareScreen } from '../../renderer/screens/compare/CompareScreen';
import { useCompare } from '../../renderer/stores/compare';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment } from './fixtures';
import { findCatalog } from '../../shared/catalog/index';
import { makeDetail } from '../fixtures/form/make-detail';

const COMPLETE = { inScope: 45, assessed: 45, done: 45, withEvidence: 40, assessedPercent: 100, donePercent: 100 };

describe('choosing two assessments to compare', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useCompare.setState({ fromId: null, toId: null, from: null, to: null });
    const signed = makeAssessment({
      id: 'a1',
      state: 'signed',
      signedAt: '2026-11-02T09:00:00.000Z',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
    });
    const draft = makeAssessment({ id: 'a2', previousId: 'a1' });
    fake.answer('assessments.list', () => [signed, draft].map((assessment) => ({ assessment, completeness: COMPLETE })));
  });
  afterEach(cleanup);

  it('names each assessment on both sides by organisation, period and state in plain words', async () => {
    render(<CompareScreen />);
    for (const side of ['Earlier assessment', 'Later assessment']) {
      const select = screen.getByLabelText(side);
      await within(select).findByRole('option', { name: 'Acme Software Ltd · 1 Jan 2025 – 31 Dec 2025 · Signed' });
      expect(within(select).getByRole('option', { name: 'Acme Software Ltd · 1 Jan 2026 – 31 Dec 2026 · Draft' })).toBeTruthy();
    }
    expect(screen.getByText('Choose two assessments to compare.')).toBeTruthy();
  });

  it("shows a claim reworded between the two assessments' catalog versions, old and new wording", async () => {
    const v1 = findCatalog('uk-sscp', '2025.1')!;
    const v2 = findCatalog('uk-sscp', '2025.2')!;
    const from = makeDetail(v1, { assessment: { id: 'a1', state: 'signed' } });
    const to = makeDetail(v2, { assessment: { id: 'a2', previousId: 'a1' } });
    useCompare.setState({ fromId: 'a1', toId: 'a2', from, to });
    render(<CompareScreen />);
    const heading = await screen.findByRole('heading', { name: 'Claim 3.2.1' });
    const item = heading.closest('li')!;
    expect(item.textContent).toContain('Claim reworded in catalog 2025.2');
    expect(item.textContent).toContain('Was (2025.1): The organisation publishes a vulnerability disclosure policy');
    expect(item.textContent).toContain(
      'Now (2025.2): Both the vulnerability disclosure policy and the process for handling reports are published.',
    );
  });
});
