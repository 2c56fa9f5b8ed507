import { describe, expect, it } from 'vitest';
import { attestedScore, CONFORMANCE_SCORES } from '../../../shared/domain/attestation';
import { ROLLUP_LABELS } from '../../../shared/domain/labels';
import type { RollupStatus } from '../../../shared/domain/rollup';

/** One score table for the attestation and contributions (docs/attestation.md, docs/contributions.md). */
describe('conformance scores', () => {
  const statuses = Object.keys(ROLLUP_LABELS) as RollupStatus[];

  it('scores met, partially met and not met 1, 0.5 and 0, and nothing else', () => {
    expect(Object.fromEntries(statuses.map((s) => [s, CONFORMANCE_SCORES[s]]))).toEqual({
      met: 1,
      'partially-met': 0.5,
      'not-met': 0,
      'not-assessed': null,
      'not-applicable': null,
      'out-of-scope': null,
    });
  });

  it('in the SRO attestation scores what is in scope but not assessed 0, and agrees with the table otherwise', () => {
    expect(attestedScore('not-assessed')).toBe(0);
    for (const s of statuses.filter((x) => x !== 'not-assessed')) expect(attestedScore(s)).toBe(CONFORMANCE_SCORES[s]);
  });
});
