import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { carryForwardAssessment } from '../../../main/services/carry-forward';
import { caught, makeWorkspace, type WorkspaceFixture, SIGNED_PACK } from './workspace-fixture';

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
});
afterEach(() => f.cleanup());

async function signedWithWork() {
  const a = f.ws.createAssessment({
    organisation: 'Acme',
    role: 'developer-distributor',
    periodStart: '2025-01-01',
    periodEnd: '2025-12-31',
  });
  f.ws.updateClaim(a.id, '1.1.1', { status: 'done', result: 'met', evidenceText: 'Our SBOM' });
  const ev = await f.ws.attachEvidence(a.id, '1.1.1', f.file('sbom.cdx.json', '{"bomFormat":"CycloneDX"}'), { expiryDate: '2027-06-30' });
  f.ws.addAction(a.id, { claimId: '1.2.1', description: 'Write the policy', owner: 'Sam' });
  const signed = f.ws.markSigned(a.id, SIGNED_PACK);
  return { signed, ev };
}

describe('archiving a signed assessment', () => {
  it('keeps every part of the signing record, and unarchiving returns it to signed (never draft)', async () => {
    const { signed } = await signedWithWork();
    const before = f.ws.getAssessment(signed.id);

    const archived = f.ws.archiveAssessment(signed.id);
    expect(archived).toMatchObject({ state: 'archived', signedAt: SIGNED_PACK.signedAt });
    expect(f.ws.signedPack(signed.id)).toEqual(SIGNED_PACK);
    const during = f.reopen().getAssessment(signed.id);
    expect(during.responses).toEqual(before.responses);
    expect(during.actions).toEqual(before.actions);
    expect(during.links).toEqual(before.links);

    const back = f.ws.unarchiveAssessment(signed.id);
    expect(back).toMatchObject({ state: 'signed', signedAt: SIGNED_PACK.signedAt });
    expect(f.ws.signedPack(signed.id)).toEqual(SIGNED_PACK);
    expect(
      f.ws
        .auditEntries(signed.id)
        .slice(-2)
        .map((e) => [e.action, e.detail]),
    ).toEqual([
      ['assessment.archived', { from: 'signed', to: 'archived' }],
      ['assessment.unarchived', { from: 'archived', to: 'signed' }],
    ]);
  });

  it('refuses every edit while archived, pointing to carry-forward', async () => {
    const { signed, ev } = await signedWithWork();
    f.ws.archiveAssessment(signed.id);
    const edits: (() => unknown)[] = [
      () => f.ws.updateAssessment(signed.id, { sroName: 'X' }),
      () => f.ws.updateClaim(signed.id, '1.1.1', { result: 'not-met' }),
      () => f.ws.addAction(signed.id, { claimId: '1.1.1', description: 'y' }),
      () => f.ws.linkEvidence(signed.id, '1.2.1', ev.id),
      () => f.ws.unlinkEvidence(signed.id, '1.1.1', ev.id),
      () => f.ws.markSigned(signed.id, SIGNED_PACK),
    ];
    for (const edit of edits) {
      const e = await caught(edit);
      expect(e.kind).toBe('frozen');
      expect(e.message).toBe('This assessment was signed on 2026-03-31 and archived and can no longer be changed.');
      expect(e.reason).toMatchObject({ code: 'assessment-signed', archived: true });
    }
  });

  it('can still be carried forward: the archived source stays archived and unchanged', async () => {
    const { signed, ev } = await signedWithWork();
    f.ws.archiveAssessment(signed.id);
    const source = f.ws.getAssessment(signed.id);
    const { assessment: next, plan } = carryForwardAssessment(f.ws, signed.id, { today: '2026-01-15' });
    expect(next).toMatchObject({
      state: 'draft',
      origin: 'carried-forward',
      previousId: signed.id,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
    });
    const nextDetail = f.ws.getAssessment(next.id);
    expect(nextDetail.responses.find((r) => r.claimId === '1.1.1')).toMatchObject({
      status: 'needs-review',
      result: 'met',
      evidenceText: 'Our SBOM',
    });
    expect(nextDetail.links).toContainEqual({ assessmentId: next.id, claimId: '1.1.1', evidenceId: ev.id });
    expect(plan.actions.map((a) => a.description)).toEqual(['Write the policy']);
    expect(f.ws.getAssessment(signed.id)).toEqual(source);
  });
});

describe('archiving a draft', () => {
  it('freezes it with a message to unarchive first, and unarchiving makes it editable again', async () => {
    const a = f.ws.createAssessment({ organisation: 'Trial run', role: 'reseller' });
    f.ws.updateClaim(a.id, '1.1.1', { status: 'in-progress' });
    expect(f.ws.archiveAssessment(a.id)).toMatchObject({ state: 'archived', signedAt: null });
    expect(f.ws.signedPack(a.id)).toBeUndefined();
    const e = await caught(() => f.ws.updateClaim(a.id, '1.1.1', { status: 'done' }));
    expect(e.kind).toBe('frozen');
    expect(e.message).toBe('This draft assessment has been archived, so it cannot be changed while archived.');
    expect(e.reason).toEqual({ code: 'assessment-archived', attempt: 'change' });
    expect(f.ws.unarchiveAssessment(a.id)).toMatchObject({ state: 'draft', signedAt: null });
    expect(f.ws.updateClaim(a.id, '1.1.1', { status: 'done' }).status).toBe('done');
  });
});

describe('archive and unarchive', () => {
  it('change nothing and write no audit entry when already in the asked-for state', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    expect(f.ws.unarchiveAssessment(a.id)).toEqual(a);
    const archived = f.ws.archiveAssessment(a.id);
    expect(f.ws.archiveAssessment(a.id)).toEqual(archived);
    expect(f.ws.auditEntries(a.id).map((e) => e.action)).toEqual(['assessment.created', 'assessment.archived']);
  });

  it('say plainly when there is no such assessment', async () => {
    const e = await caught(() => f.ws.archiveAssessment('missing'));
    expect(e.kind).toBe('not-found');
    expect(e.reason).toEqual({ code: 'assessment-not-found', id: 'missing' });
  });

  it('keep the audit chain intact', async () => {
    const { signed } = await signedWithWork();
    f.ws.archiveAssessment(signed.id);
    f.ws.unarchiveAssessment(signed.id);
    const report = await f.ws.checkIntegrity();
    expect(report.auditChain).toMatchObject({ ok: true, problems: [] });
  });
});
