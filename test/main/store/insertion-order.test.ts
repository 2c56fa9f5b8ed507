import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { listClaims, CURRENT_CATALOG } from '../../../shared/catalog/index';
import { makeWorkspace, type WorkspaceFixture } from '../services/workspace-fixture';

// Rows made in one millisecond (a bulk attach, an import, actions added together) are listed
// in the order they were made, not shuffled by their random ids.

const CLAIMS = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-11-29T10:00:00.000Z'));
});
afterEach(() => {
  vi.useRealTimers();
  f.cleanup();
});

describe('lists of rows made in the same millisecond', () => {
  it('keep the order they were made in: evidence, actions, and assessments (newest first)', async () => {
    const assessments = Array.from({ length: 8 }, (_, i) =>
      f.ws.createAssessment({ organisation: `Org ${i}`, role: 'developer-distributor', sroName: 'Priya', sroRole: 'CTO' }),
    );
    expect(f.ws.listAssessments().map((s) => s.assessment.id)).toEqual(assessments.map((a) => a.id).reverse());

    const a = assessments[0]!;
    const items = [];
    for (let i = 0; i < 12; i += 1) items.push(await f.ws.attachEvidence(a.id, CLAIMS[0]!, f.file(`file ${i}.txt`, `bytes ${i}`)));
    const actions = Array.from({ length: 8 }, (_, i) => f.ws.addAction(a.id, { claimId: CLAIMS[0]!, description: `Action ${i}` }));
    // Every row shares one timestamp: only the order they were made in can order them.
    expect(new Set(items.map((i) => i.addedAt)).size).toBe(1);

    const detail = f.ws.getAssessment(a.id);
    expect(detail.evidence.map((e) => e.id)).toEqual(items.map((i) => i.id));
    expect(detail.actions.map((x) => x.id)).toEqual(actions.map((x) => x.id));
    expect(f.ws.listEvidence().map((e) => e.item.id)).toEqual(items.map((i) => i.id));
  });
});
