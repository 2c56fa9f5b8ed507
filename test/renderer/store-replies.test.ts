// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { RemedialAction } from '../../shared/domain/types';
import { useActions } from '../../renderer/stores/actions';
import { useAssessment } from '../../renderer/stores/assessment';
import { useAttachments } from '../../renderer/stores/attachments';
import { useLibrary } from '../../renderer/stores/library';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail, makeEvidence } from './fixtures';

const action = (over: Partial<RemedialAction> = {}): RemedialAction => ({
  id: 'x1',
  assessmentId: 'a1',
  claimId: '1.1.1',
  description: 'Write the policy',
  owner: 'Priya',
  dueDate: null,
  state: 'open',
  createdAt: '2026-11-02T00:00:00.000Z',
  updatedAt: '2026-11-02T00:00:00.000Z',
  ...over,
});

describe('remedial actions update the open assessment from the reply, without reading it again', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: makeDetail({ actions: [action()] }), saveState: 'idle', lastChange: null });
  });

  it('adds, changes and removes an action from what main answers', async () => {
    fake.answer('actions.add', () => action({ id: 'x2', description: 'Train the team' }));
    fake.answer('actions.update', () => action({ id: 'x1', state: 'done' }));
    fake.answer('actions.remove', () => null);
    await useActions.getState().add('1.1.1', { description: 'Train the team', owner: 'Priya', dueDate: null });
    expect(useAssessment.getState().detail!.actions.map((a) => a.id)).toEqual(['x1', 'x2']);
    await useActions.getState().update('x1', { state: 'done' });
    expect(useAssessment.getState().detail!.actions.find((a) => a.id === 'x1')!.state).toBe('done');
    await useActions.getState().remove('x2');
    expect(useAssessment.getState().detail!.actions.map((a) => a.id)).toEqual(['x1']);
    expect(fake.calls.map((c) => c.channel)).toEqual(['actions.add', 'actions.update', 'actions.remove']);
  });
});

describe('evidence changes update the open assessment from the reply, without reading it again', () => {
  let fake: FakeApi;
  const e1 = makeEvidence({ id: 'e1', fileName: 'policy.pdf', addedAt: '2026-11-01T00:00:00.000Z' });
  const e2 = makeEvidence({ id: 'e2', fileName: 'scan.txt', addedAt: '2026-11-03T00:00:00.000Z' });
  const old = makeEvidence({ id: 'e0', fileName: 'old.txt', addedAt: '2026-10-01T00:00:00.000Z' });
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({
      detail: makeDetail({
        evidence: [e1, e2],
        links: [
          { assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e1' },
          { assessmentId: 'a1', claimId: '1.2.1', evidenceId: 'e2' },
        ],
      }),
      saveState: 'idle',
      lastChange: null,
    });
  });
  const detail = () => useAssessment.getState().detail!;
  const claimIds = (claimId: string) =>
    detail()
      .links.filter((l) => l.claimId === claimId)
      .map((l) => l.evidenceId);

  it('links an item from the library and takes it away again from the claim lists main replies with', async () => {
    fake.answer('evidence.link', () => ({ assessmentId: 'a1', claimId: '1.1.1', evidence: [old, e1] }));
    await useAttachments.getState().link('1.1.1', 'e0');
    expect(claimIds('1.1.1').sort()).toEqual(['e0', 'e1']);
    // In the order main lists them: when added.
    expect(detail().evidence.map((e) => e.id)).toEqual(['e0', 'e1', 'e2']);
    fake.answer('evidence.unlink', () => ({ assessmentId: 'a1', claimId: '1.1.1', evidence: [old] }));
    await useAttachments.getState().unlink('1.1.1', 'e1');
    expect(claimIds('1.1.1')).toEqual(['e0']);
    expect(claimIds('1.2.1')).toEqual(['e2']);
    // e1 is no longer used by any claim of this assessment.
    expect(detail().evidence.map((e) => e.id)).toEqual(['e0', 'e2']);
    expect(fake.calls.map((c) => c.channel)).toEqual(['evidence.link', 'evidence.unlink']);
  });

  it('adds a reference from the item main recorded', async () => {
    const ref = makeEvidence({ id: 'r1', kind: 'reference', fileName: 'Jira SEC-142', addedAt: '2026-11-04T00:00:00.000Z' });
    fake.answer('evidence.addReference', () => ref);
    await useAttachments.getState().addReference('1.2.1', { location: 'Jira SEC-142', description: 'MFA enforced' });
    expect(claimIds('1.2.1')).toEqual(['e2', 'r1']);
    expect(detail().evidence.map((e) => e.id)).toEqual(['e1', 'e2', 'r1']);
    expect(fake.calls.map((c) => c.channel)).toEqual(['evidence.addReference']);
  });

  it("moves a draft to an item's new version when a signed assessment kept the old one", async () => {
    const version = { ...e1, id: 'e1v2', description: 'Reviewed' };
    fake.answer('evidence.update', () => version);
    await useLibrary.getState().update('e1', { description: 'Reviewed' });
    expect(claimIds('1.1.1')).toEqual(['e1v2']);
    expect(detail().evidence.find((e) => e.id === 'e1v2')?.description).toBe('Reviewed');
    expect(detail().evidence.some((e) => e.id === 'e1')).toBe(false);
    expect(fake.calls.map((c) => c.channel)).toEqual(['evidence.update']);
  });
});
