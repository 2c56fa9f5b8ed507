import { describe, expect, it } from 'vitest';
import { ukSscp2025v1 } from '../../../shared/catalog/uk-sscp-2025.1';
import { assessmentCompleteness, completeness, completenessByTheme } from '../../../shared/domain/completeness';
import { assessment, detail, response } from './fixtures';

describe('completeness', () => {
  it('is zero for a new assessment', () => {
    expect(completeness(detail(), ukSscp2025v1)).toEqual({ inScope: 45, assessed: 0, done: 0, assessedPercent: 0, donePercent: 0 });
  });

  it('counts assessed (a result chosen) and done (work finished) separately', () => {
    const d = detail({
      responses: [
        response('1.1.1', 'met', 'done'),
        response('1.1.2', 'not-met', 'in-progress'),
        response('1.1.3', 'not-assessed', 'in-progress'),
      ],
    });
    expect(completeness(d, ukSscp2025v1)).toEqual({ inScope: 45, assessed: 2, done: 1, assessedPercent: 4, donePercent: 2 });
  });

  it('ignores out-of-scope claims, even answered ones', () => {
    const d = detail({
      assessment: assessment({ role: 'reseller' }),
      responses: [response('1.1.1', 'met'), response('3.1.1', 'met'), response('4.2.1', 'not-applicable')],
    });
    expect(completeness(d, ukSscp2025v1)).toEqual({ inScope: 16, assessed: 2, done: 2, assessedPercent: 12, donePercent: 12 });
  });

  it('rounds down, so 100% means every claim', () => {
    const ids = ukSscp2025v1.themes.flatMap((t) => t.principles.flatMap((p) => p.claims.map((c) => c.id)));
    const d = detail({ responses: ids.slice(0, 44).map((id) => response(id, 'met')) });
    expect(completeness(d, ukSscp2025v1).assessedPercent).toBe(97);
    const all = detail({ responses: ids.map((id) => response(id, 'met')) });
    expect(completeness(all, ukSscp2025v1).assessedPercent).toBe(100);
  });

  it('reports per theme, with out-of-scope themes as having nothing to do', () => {
    const d = detail({ assessment: assessment({ role: 'reseller' }), responses: [response('3.1.1', 'met')] });
    const byTheme = completenessByTheme(d, ukSscp2025v1);
    expect(byTheme.map((t) => [t.themeId, t.inScope, t.assessed])).toEqual([
      ['1', 0, 0],
      ['2', 0, 0],
      ['3', 10, 1],
      ['4', 6, 0],
    ]);
    expect(byTheme[0]!.assessedPercent).toBe(100);
    expect(byTheme[2]!.assessedPercent).toBe(10);
  });

  it('counts the in-scope claims with evidence once, however many items each has, beside the same progress', () => {
    const link = (claimId: string, evidenceId: string) => ({ assessmentId: 'a1', claimId, evidenceId });
    const d = detail({
      assessment: assessment({ role: 'reseller' }),
      responses: [response('3.1.1', 'met')],
      // Two items on 3.1.1 count once; 1.1.1 is out of scope for a reseller.
      links: [link('3.1.1', 'e1'), link('3.1.1', 'e2'), link('4.2.1', 'e1'), link('1.1.1', 'e3')],
    });
    expect(assessmentCompleteness(d, ukSscp2025v1)).toEqual({ ...completeness(d, ukSscp2025v1), withEvidence: 2 });
    expect(assessmentCompleteness(d, ukSscp2025v1).inScope).toBe(16);
  });
});
