import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssessmentDetail, EvidenceItem } from '../../../shared/domain/types';
import type { AssessmentOpeningView } from '../../../shared/ipc/views';
import { ipcHarness } from './ipc-harness';

// `assessments.open` and `assessments.evidence` over the real services, behind the same
// validation as every channel: together they carry what `assessments.get` does.
describe('opening an assessment over IPC', () => {
  let dir: string;
  const h = ipcHarness({ trustOpened: true });
  let assessmentId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sscp-opening-'));
    const dbPath = join(dir, 'a.sscp');
    h.grants.grant(dbPath, 'database');
    await h.call('workspace.open', { dbPath });
    const fields = { products: [], theme3InScope: false, periodStart: null, periodEnd: null, sroName: 'Priya', sroRole: 'CTO' };
    assessmentId = (await h.call<{ id: string }>('assessments.create', { ...fields, organisation: 'Acme', role: 'developer-distributor' }))
      .id;
    for (const [claimId, location] of [
      ['1.1.1', 'Policy wiki page'],
      ['1.1.2', 'Ticket SEC-12'],
      ['1.1.2', 'Interview with the CTO'],
    ] as const)
      await h.call('evidence.addReference', {
        assessmentId,
        claimId,
        reference: { location, description: 'Seen in November', owner: 'Security team' },
      });
  });
  afterAll(async () => {
    h.session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("answers the shown claim's items first and every item after, which together make the whole detail", async () => {
    const whole = await h.call<AssessmentDetail>('assessments.get', { assessmentId });
    const opening = await h.call<AssessmentOpeningView>('assessments.open', { assessmentId, claimId: '1.1.2' });
    expect(opening.shownClaimId).toBe('1.1.2');
    expect(opening.evidence.map((e) => e.fileName)).toEqual(['Ticket SEC-12', 'Interview with the CTO']);
    expect(opening.claimEvidence.map((c) => [c.claimId, c.evidenceIds.length])).toEqual([
      ['1.1.1', 1],
      ['1.1.2', 2],
    ]);
    expect(await h.call<EvidenceItem[]>('assessments.evidence', { assessmentId })).toEqual(whole.evidence);
    expect((await h.call<AssessmentOpeningView>('assessments.open', { assessmentId, claimId: null })).shownClaimId).toBe('1.1.1');
  });

  it('refuses a claim number or an assessment that is not one, saying what is wrong', async () => {
    expect(await h.result('assessments.open', { assessmentId, claimId: '1.1.1; DROP' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input', message: expect.stringMatching(/claim number looks like 1\.2\.3/) as unknown },
    });
    expect(await h.result('assessments.open', { assessmentId, claimId: '1.1.1', more: true })).toMatchObject({ ok: false });
    expect(await h.result('assessments.evidence', { assessmentId: 'not-there' })).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });
});
