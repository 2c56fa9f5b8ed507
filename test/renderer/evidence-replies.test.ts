import { describe, expect, it } from 'vitest';
import { applyAttached } from '../../renderer/stores/evidence-replies';
import { makeAssessment, makeDetail, makeEvidence } from './fixtures';

// The open assessment is updated from each reply, not read again: its items must stay in the
// order main lists them, where items added in the same millisecond keep the order they were made.
describe('evidence replies applied to the open assessment', () => {
  it('lists an item attached in the same millisecond after the ones already there, whatever the ids', () => {
    const at = '2026-11-29T10:00:00.000Z';
    const assessment = makeAssessment();
    const [z, a] = [makeEvidence({ id: 'zzzz-1', addedAt: at }), makeEvidence({ id: 'aaaa-2', addedAt: at })];
    const detail = makeDetail({
      assessment,
      evidence: [z, a],
      links: [z, a].map((e) => ({ assessmentId: assessment.id, claimId: '1.1.1', evidenceId: e.id })),
    });
    const m = makeEvidence({ id: 'mmmm-3', addedAt: at });
    const older = makeEvidence({ id: 'yyyy-0', addedAt: '2026-11-29T09:59:59.999Z' });
    const after = applyAttached(applyAttached(detail, '1.1.1', m), '1.1.2', older);
    expect(after.evidence.map((e) => e.id)).toEqual(['yyyy-0', 'zzzz-1', 'aaaa-2', 'mmmm-3']);
  });
});
