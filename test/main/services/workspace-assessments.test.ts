import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_CATALOG, listClaims } from '../../../shared/catalog/index';
import { caught, makeWorkspace, type WorkspaceFixture, SIGNED_PACK } from './workspace-fixture';
import { cliHintOf } from '../../setup/error-words';

let f: WorkspaceFixture;
beforeEach(() => {
  f = makeWorkspace();
});
afterEach(() => f.cleanup());

const ALL_CLAIMS = listClaims(CURRENT_CATALOG).map((c) => c.claim.id);

describe('workspace: assessments', () => {
  it('creates an assessment with a not-started response per catalog claim', () => {
    const a = f.ws.createAssessment({
      organisation: '  Acme Ltd ',
      role: 'developer-distributor',
      products: ['Widget', 'Widget', 'Gadget'],
    });
    expect(a).toMatchObject({
      organisation: 'Acme Ltd',
      products: ['Widget', 'Gadget'],
      state: 'draft',
      origin: 'created',
      catalogId: CURRENT_CATALOG.id,
      catalogVersion: CURRENT_CATALOG.version,
    });
    const detail = f.ws.getAssessment(a.id);
    expect(detail.assessment).toEqual(a);
    expect(detail.responses.map((r) => r.claimId)).toEqual(ALL_CLAIMS);
    expect(new Set(detail.responses.map((r) => `${r.status}/${r.result}`))).toEqual(new Set(['not-started/not-assessed']));
    expect(f.ws.auditEntries(a.id).map((e) => e.action)).toEqual(['assessment.created']);
  });

  it('survives a reopen unchanged, including Unicode', () => {
    const a = f.ws.createAssessment({
      organisation: 'Zoë & Søn Łódź 株式会社',
      role: 'reseller',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Ana Núñez',
      sroRole: 'CTO',
    });
    const reopened = f.reopen().getAssessment(a.id).assessment;
    expect(reopened).toEqual(a);
  });

  it('lists assessments with completeness over the claims in scope', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const inScope = ALL_CLAIMS.filter((id) => id.startsWith('3.') || id.startsWith('4.'));
    f.ws.updateClaim(a.id, inScope[0]!, { result: 'met', status: 'done' });
    f.ws.updateClaim(a.id, inScope[1]!, { result: 'partially-met' });
    // Out of scope for a reseller: does not count.
    f.ws.updateClaim(a.id, '1.1.1', { result: 'met', status: 'done' });
    const [summary] = f.ws.listAssessments();
    expect(summary!.completeness).toEqual({
      inScope: inScope.length,
      assessed: 2,
      done: 1,
      withEvidence: 0,
      assessedPercent: Math.floor((2 / inScope.length) * 100),
      donePercent: Math.floor((1 / inScope.length) * 100),
    });
  });

  it('says what to do when an assessment does not exist', async () => {
    const e = await caught(() => f.ws.getAssessment('nope'));
    expect(e.kind).toBe('not-found');
    expect(e.reason).toEqual({ code: 'assessment-not-found', id: 'nope' });
  });

  it('updates fields, audits the change with before and after, and ignores a no-op', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-only' });
    const b = f.ws.updateAssessment(a.id, { theme3InScope: true, sroName: 'Sam', periodStart: '2026-04-01' });
    expect(b).toMatchObject({ theme3InScope: true, sroName: 'Sam', periodStart: '2026-04-01', organisation: 'Acme' });
    f.ws.updateAssessment(a.id, { sroName: 'Sam' });
    const updates = f.ws.auditEntries(a.id).filter((e) => e.action === 'assessment.updated');
    expect(updates).toHaveLength(1);
    expect(updates[0]!.detail).toEqual({
      changes: {
        theme3InScope: { from: false, to: true },
        sroName: { from: '', to: 'Sam' },
        periodStart: { from: null, to: '2026-04-01' },
      },
    });
  });

  it('refuses bad input with messages that list what is valid', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'reseller' });
    const role = await caught(() => f.ws.createAssessment({ organisation: 'Acme', role: 'manufacturer' as never }));
    expect([role.kind, role.message, cliHintOf(role)]).toEqual([
      'invalid-input',
      '"manufacturer" is not a valid role.',
      'Use one of: developer-distributor, reseller, developer-only.',
    ]);
    expect((await caught(() => f.ws.createAssessment({ organisation: '   ', role: 'reseller' }))).message).toBe(
      'The organisation name is missing.',
    );
    expect((await caught(() => f.ws.updateAssessment(a.id, { periodStart: '2026-02-30' }))).message).toMatch(/not a real calendar day/);
    expect((await caught(() => f.ws.updateAssessment(a.id, { periodStart: '2026-05-01', periodEnd: '2026-04-30' }))).message).toBe(
      'The period end 2026-04-30 is before the period start 2026-05-01.',
    );
    const status = await caught(() => f.ws.updateClaim(a.id, '3.1.1', { status: 'finished' as never }));
    expect(cliHintOf(status)).toBe('Use one of: not-started, in-progress, needs-review, done.');
    const claim = await caught(() => f.ws.updateClaim(a.id, '9.9.9', { status: 'done' }));
    expect(claim.kind).toBe('invalid-input');
    expect(claim.message).toBe(`Claim 9.9.9 is not in the Code of Practice (catalog ${CURRENT_CATALOG.id} ${CURRENT_CATALOG.version}).`);
    expect(claim.reason).toMatchObject({ code: 'unknown-claim' });
    // Nothing half-applied, and no audit entries for refused changes.
    expect(f.ws.auditEntries(a.id)).toHaveLength(1);
  });

  it('updates a claim response and records exactly what changed', () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const r = f.ws.updateClaim(a.id, '1.2.1', {
      status: 'in-progress',
      result: 'partially-met',
      evidenceText: 'Policy v3',
      arguments: 'Assumes…\nline 2',
    });
    expect(r).toMatchObject({
      claimId: '1.2.1',
      status: 'in-progress',
      result: 'partially-met',
      evidenceText: 'Policy v3',
      arguments: 'Assumes…\nline 2',
    });
    const entry = f.ws.auditEntries(a.id).at(-1)!;
    expect(entry.action).toBe('claim.updated');
    expect(entry.detail).toMatchObject({ claimId: '1.2.1', changes: { status: { from: 'not-started', to: 'in-progress' } } });
    expect(f.ws.getAssessment(a.id).responses.find((x) => x.claimId === '1.2.1')).toEqual(r);
  });

  it('adds, updates and removes remedial actions, each audited', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const action = f.ws.addAction(a.id, {
      claimId: '2.1.1',
      description: 'Turn on MFA for the build system',
      owner: 'Ops',
      dueDate: '2026-06-30',
    });
    expect(action).toMatchObject({ state: 'open', dueDate: '2026-06-30', claimId: '2.1.1' });
    expect(f.ws.updateAction(action.id, { state: 'done' }).state).toBe('done');
    expect(f.ws.getAssessment(a.id).actions).toHaveLength(1);
    f.ws.removeAction(action.id);
    expect(f.ws.getAssessment(a.id).actions).toHaveLength(0);
    expect(f.ws.auditEntries(a.id).map((e) => e.action)).toEqual([
      'assessment.created',
      'action.added',
      'action.updated',
      'action.removed',
    ]);
    expect((await caught(() => f.ws.addAction(a.id, { claimId: '7.7.7', description: 'x' }))).kind).toBe('invalid-input');
    expect((await caught(() => f.ws.updateAction('missing', { state: 'done' }))).kind).toBe('not-found');
  });

  it('freezes an assessment once signed: every edit is refused with the carry-forward hint', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const action = f.ws.addAction(a.id, { claimId: '1.1.1', description: 'Fix it' });
    const ev = await f.ws.attachEvidence(a.id, '1.1.1', f.file('policy.pdf', '%PDF-1.7 policy'));
    const signed = f.ws.markSigned(a.id, SIGNED_PACK);
    expect(signed).toMatchObject({ state: 'signed', signedAt: SIGNED_PACK.signedAt });
    expect(f.ws.signedPack(a.id)).toEqual(SIGNED_PACK);
    const edits: (() => unknown)[] = [
      () => f.ws.updateAssessment(a.id, { sroName: 'X' }),
      () => f.ws.updateClaim(a.id, '1.1.1', { result: 'met' }),
      () => f.ws.addAction(a.id, { claimId: '1.1.1', description: 'y' }),
      () => f.ws.updateAction(action.id, { state: 'done' }),
      () => f.ws.removeAction(action.id),
      () => f.ws.attachEvidence(a.id, '1.1.1', f.file('other.txt', 'other')),
      () => f.ws.linkEvidence(a.id, '1.2.1', ev.id),
      () => f.ws.unlinkEvidence(a.id, '1.1.1', ev.id),
      () => f.ws.markSigned(a.id, SIGNED_PACK),
    ];
    for (const edit of edits) {
      const e = await caught(edit);
      expect(e.kind).toBe('frozen');
      expect(e.message).toBe('This assessment was signed on 2026-03-31 and can no longer be changed.');
      expect(e.reason).toMatchObject({ code: 'assessment-signed', archived: false, attempt: 'change' });
    }
    expect(f.ws.auditEntries(a.id).at(-1)!.action).toBe('assessment.signed');
  });

  it('creates a seeded assessment (carry-forward shape) in one transaction, and rolls back all of it on a bad seed', async () => {
    const a = f.ws.createAssessment({ organisation: 'Acme', role: 'developer-distributor' });
    const ev = await f.ws.attachEvidence(a.id, '1.1.1', f.file('sbom.cdx.json', '{}'));
    const next = f.ws.createAssessment({
      organisation: 'Acme',
      role: 'developer-distributor',
      origin: 'carried-forward',
      previousId: a.id,
      seed: { responses: [{ claimId: '1.1.1', status: 'needs-review', result: 'met' }], links: [{ claimId: '1.1.1', evidenceId: ev.id }] },
    });
    const d = f.ws.getAssessment(next.id);
    expect(d.responses.find((r) => r.claimId === '1.1.1')).toMatchObject({ status: 'needs-review', result: 'met' });
    expect(d.evidence.map((e) => e.id)).toEqual([ev.id]);
    const before = f.ws.listAssessments().length;
    const bad = await caught(() =>
      f.ws.createAssessment({ organisation: 'Acme', role: 'reseller', seed: { links: [{ claimId: '1.1.1', evidenceId: 'missing' }] } }),
    );
    expect(bad.kind).toBe('not-found');
    expect(f.ws.listAssessments()).toHaveLength(before);
  });

  it('records an import so the same pack can be recognised later', () => {
    const sha = 'b'.repeat(64);
    const a = f.ws.createAssessment({
      organisation: 'Acme',
      role: 'reseller',
      origin: 'imported-pack',
      seed: { importedFrom: { sourceSha256: sha, packId: 'p-42', kind: 'pack' } },
    });
    expect(f.ws.findImport(sha)).toMatchObject({ assessmentId: a.id, packId: 'p-42', kind: 'pack' });
    expect(f.ws.findImport('c'.repeat(64), 'p-42')?.assessmentId).toBe(a.id);
    expect(f.ws.findImport('c'.repeat(64), 'other')).toBeUndefined();
  });
});
