import { describe, expect, it } from 'vitest';
import { listClaims } from '../../../shared/catalog/index';
import { ukSscp2025v1 } from '../../../shared/catalog/uk-sscp-2025.1';
import { earlySigning, isBeforePeriodEnd, isReadyToSign, neverSignable, signoffBlockers } from '../../../shared/domain/signoff';
import type { AssessmentDetail } from '../../../shared/domain/types';
import { action, allMet, assessment, detail, evidence, response } from './fixtures';

const TODAY = '2026-03-10';
const allIds = listClaims(ukSscp2025v1).map((c) => c.claim.id);

function replaceResponse(d: AssessmentDetail, claimId: string, r: ReturnType<typeof response>): AssessmentDetail {
  return { ...d, responses: d.responses.map((x) => (x.claimId === claimId ? r : x)) };
}

describe('signoffBlockers', () => {
  it('finds nothing for a complete, evidenced, current assessment', () => {
    const blockers = signoffBlockers(allMet(allIds), ukSscp2025v1, TODAY);
    expect(blockers).toEqual([]);
    expect(isReadyToSign(blockers)).toBe(true);
  });

  it('blocks, beyond any exception, a pack that would not name who signs it', () => {
    const base = allMet(allIds);
    for (const named of [
      { sroName: '', sroRole: 'CTO' },
      { sroName: 'Dana Smith', sroRole: '  ' },
    ]) {
      const blockers = signoffBlockers({ ...base, assessment: { ...base.assessment, ...named } }, ukSscp2025v1, TODAY);
      expect(blockers.map((b) => b.kind)).toEqual(['sro-not-named']);
      expect(neverSignable(blockers)).toHaveLength(1);
      expect(blockers[0]!.message).toMatch(/does not name its Senior Responsible Owner/);
    }
  });

  it('blocks on every in-scope claim not yet assessed, in catalog order, naming the claim', () => {
    const blockers = signoffBlockers(detail({ assessment: assessment({ role: 'reseller' }) }), ukSscp2025v1, TODAY);
    expect(blockers).toHaveLength(16);
    expect(blockers.every((b) => b.kind === 'claim-not-assessed' && b.severity === 'blocker')).toBe(true);
    expect(blockers[0]).toMatchObject({ claimId: '3.1.1' });
    expect(blockers[0]!.message).toBe(
      'Claim 3.1.1 (Customers can verify integrity of software and updates) has not been assessed yet: choose a result for it.',
    );
    expect(isReadyToSign(blockers)).toBe(false);
  });

  it('blocks on a claim marked met or partially met with no evidence', () => {
    const base = allMet(allIds);
    const d = {
      ...replaceResponse(base, '1.2.3', response('1.2.3', 'partially-met')),
      links: base.links.filter((l) => l.claimId !== '1.1.2' && l.claimId !== '1.2.3'),
      actions: [action('x1', '1.2.3')],
    };
    const blockers = signoffBlockers(d, ukSscp2025v1, TODAY);
    expect(blockers.map((b) => [b.kind, b.claimId])).toEqual([
      ['met-without-evidence', '1.1.2'],
      ['met-without-evidence', '1.2.3'],
    ]);
    expect(blockers[1]!.message).toMatch(/marked partially met but has no evidence attached/);
  });

  it('does not ask for evidence for not met or not applicable claims', () => {
    let d = allMet(allIds);
    d = replaceResponse(d, '4.2.1', response('4.2.1', 'not-applicable'));
    d = replaceResponse(d, '4.3.1', response('4.3.1', 'not-met'));
    d = { ...d, links: d.links.filter((l) => l.claimId !== '4.2.1' && l.claimId !== '4.3.1'), actions: [action('x1', '4.3.1')] };
    expect(signoffBlockers(d, ukSscp2025v1, TODAY)).toEqual([]);
  });

  it('blocks on expired linked evidence and warns on evidence expiring within 30 days', () => {
    const base = allMet(allIds);
    const d: AssessmentDetail = {
      ...base,
      evidence: [
        evidence('e1'),
        evidence('old', { fileName: 'pentest-2024.pdf', expiryDate: '2026-03-09' }),
        evidence('soon', { fileName: 'iso-cert.pdf', expiryDate: '2026-04-09' }),
        evidence('later', { expiryDate: '2026-04-10' }),
        evidence('today', { expiryDate: TODAY }),
        evidence('unlinked', { expiryDate: '2020-01-01' }),
      ],
      links: [
        ...base.links,
        { assessmentId: 'a1', claimId: '1.3.1', evidenceId: 'old' },
        { assessmentId: 'a1', claimId: '1.3.3', evidenceId: 'old' },
        { assessmentId: 'a1', claimId: '1.1.2', evidenceId: 'soon' },
        { assessmentId: 'a1', claimId: '1.1.2', evidenceId: 'later' },
        { assessmentId: 'a1', claimId: '1.1.2', evidenceId: 'today' },
      ],
    };
    const blockers = signoffBlockers(d, ukSscp2025v1, TODAY);
    expect(blockers.map((b) => [b.kind, b.severity, b.evidenceId])).toEqual([
      ['evidence-expired', 'blocker', 'old'],
      ['evidence-expiring', 'warning', 'soon'],
      ['evidence-expiring', 'warning', 'today'],
    ]);
    expect(blockers[0]!.message).toBe(
      'Evidence "pentest-2024.pdf" (supporting claims 1.3.1, 1.3.3) expired on 9 March 2026: replace it with current evidence or remove it.',
    );
    expect(blockers[1]!.message).toBe('Evidence "iso-cert.pdf" (supporting claim 1.1.2) expires on 9 April 2026, in 30 days.');
    expect(blockers[2]!.message).toMatch(/expires on 10 March 2026, today\.$/);
    expect(isReadyToSign(blockers)).toBe(false);
  });

  it('warns on overdue open remedial actions, but not done ones or those due today', () => {
    let d = replaceResponse(allMet(allIds), '2.1.6', response('2.1.6', 'not-met'));
    d = {
      ...d,
      actions: [
        action('late', '2.1.6', { dueDate: '2026-03-09', description: 'Quarterly access review' }),
        action('due-today', '2.1.6', { dueDate: TODAY }),
        action('closed', '2.1.6', { dueDate: '2025-01-01', state: 'done' }),
        action('undated', '2.1.6'),
      ],
    };
    const blockers = signoffBlockers(d, ukSscp2025v1, TODAY);
    expect(blockers).toEqual([
      {
        kind: 'action-overdue',
        severity: 'warning',
        claimId: '2.1.6',
        actionId: 'late',
        message:
          'The remedial action for claim 2.1.6 ("Quarterly access review", owner Head of Engineering) was due on 9 March 2026 and is still open.',
      },
    ]);
    expect(isReadyToSign(blockers)).toBe(true);
  });

  it('warns on shortfalls with no remedial action and on results not yet reviewed', () => {
    let d = replaceResponse(allMet(allIds), '3.3.2', response('3.3.2', 'not-met'));
    d = replaceResponse(d, '1.1.1', response('1.1.1', 'met', 'needs-review'));
    const blockers = signoffBlockers(d, ukSscp2025v1, TODAY);
    expect(blockers.map((b) => [b.kind, b.severity, b.claimId])).toEqual([
      ['claim-not-reviewed', 'warning', '1.1.1'],
      ['shortfall-without-action', 'warning', '3.3.2'],
    ]);
    expect(blockers[0]!.message).toMatch(/still marked "needs review"/);
  });

  it('warns when linked evidence is known only by its hash', () => {
    const base = allMet(allIds);
    const d = { ...base, evidence: [evidence('e1', { present: false })] };
    const blockers = signoffBlockers(d, ukSscp2025v1, TODAY);
    expect(blockers.map((b) => b.kind)).toEqual(['evidence-file-missing']);
  });

  it('lists blockers before warnings', () => {
    let d = replaceResponse(allMet(allIds), '1.1.1', response('1.1.1', 'met', 'in-progress'));
    d = { ...d, responses: d.responses.filter((r) => r.claimId !== '4.3.2') };
    expect(signoffBlockers(d, ukSscp2025v1, TODAY).map((b) => b.severity)).toEqual(['blocker', 'warning']);
  });

  it('blocks signing an assessment that is already signed', () => {
    const d = { ...allMet(allIds), assessment: assessment({ state: 'signed' }) };
    expect(signoffBlockers(d, ukSscp2025v1, TODAY).map((b) => b.kind)).toEqual(['assessment-not-draft']);
  });

  it('refuses a bad date or the wrong catalog', () => {
    expect(() => signoffBlockers(allMet(allIds), ukSscp2025v1, '2026-02-30')).toThrow(/not a real calendar day/);
    const other = { ...allMet(allIds), assessment: assessment({ catalogVersion: '2026.1' }) };
    expect(() => signoffBlockers(other, ukSscp2025v1, TODAY)).toThrow(/uses catalog uk-sscp 2026.1/);
  });
});

describe('the assessment period', () => {
  const withPeriod = (periodStart: string | null, periodEnd: string | null) => ({
    ...allMet(allIds),
    assessment: assessment({ periodStart, periodEnd }),
  });

  it('blocks a period that has not started, with no way to accept it as an exception', () => {
    const found = signoffBlockers(withPeriod('2026-03-11', '2027-03-10'), ukSscp2025v1, TODAY);
    expect(found).toEqual([
      {
        kind: 'period-not-started',
        severity: 'blocker',
        needs: 'never-signable',
        message:
          'The assessment period starts on 11 March 2026, after today: the SRO cannot attest to practices that have not happened yet. Sign it once the period has started, or correct the period.',
      },
    ]);
    expect(neverSignable(found)).toHaveLength(1);
    expect(isReadyToSign(found)).toBe(false);
  });

  it('warns, asking for explicit consent, while the period has not ended: its last day included', () => {
    for (const end of [TODAY, '2026-12-31']) {
      const found = signoffBlockers(withPeriod('2026-03-10', end), ukSscp2025v1, TODAY);
      expect(found.map((f) => [f.kind, f.severity, f.needs])).toEqual([['period-not-ended', 'warning', 'early-signing-consent']]);
      expect(earlySigning(found)?.message).toMatch(
        /^The assessment period runs until \d+ \w+ 2026, so signing today attests to a period that has not ended\./,
      );
      expect(isReadyToSign(found)).toBe(true);
    }
  });

  it('says nothing once the period has ended, or when no period is stated', () => {
    expect(signoffBlockers(withPeriod('2025-03-10', '2026-03-09'), ukSscp2025v1, TODAY)).toEqual([]);
    expect(signoffBlockers(withPeriod(null, null), ukSscp2025v1, TODAY)).toEqual([]);
    expect(isBeforePeriodEnd('2026-03-09', TODAY)).toBe(false);
    expect(isBeforePeriodEnd('2026-03-10', TODAY)).toBe(true);
  });
});

describe('signoffBlockers with thousands of files', () => {
  /** Links whose fields count every read: how much work the check does, without timing it. */
  function countedLinks(links: readonly { claimId: string; evidenceId: string }[]) {
    const reads = { count: 0 };
    const counted = links.map(({ claimId, evidenceId }) => {
      const link = { assessmentId: 'a1' } as { assessmentId: string; claimId: string; evidenceId: string };
      Object.defineProperty(link, 'claimId', { enumerable: true, get: () => (reads.count++, claimId) });
      Object.defineProperty(link, 'evidenceId', { enumerable: true, get: () => (reads.count++, evidenceId) });
      return link;
    });
    return { reads, counted };
  }

  it('reads each link a fixed number of times, not once per claim or per item, and names claims in catalog order', () => {
    const n = 400;
    const items = Array.from({ length: n }, (_, i) => evidence(`e${i}`, { expiryDate: i === 7 ? '2026-01-01' : null }));
    // Each item backs two claims, the later one linked first: the finding still names them in catalog order.
    const links = items.flatMap((e, i) => [
      { claimId: allIds[(i + 5) % allIds.length]!, evidenceId: e.id },
      { claimId: allIds[i % allIds.length]!, evidenceId: e.id },
    ]);
    const { reads, counted } = countedLinks(links);
    const blockers = signoffBlockers({ ...allMet(allIds), evidence: items, links: counted }, ukSscp2025v1, TODAY);
    expect(blockers).toEqual([
      expect.objectContaining({
        kind: 'evidence-expired',
        evidenceId: 'e7',
        message: expect.stringContaining(`claims ${allIds[7]}, ${allIds[12]})`),
      }),
    ]);
    // Two fields per link, each read a few times at most: linear in the links (the old check read them per claim and per item).
    expect(reads.count).toBeLessThanOrEqual(4 * links.length);
  });
});
