// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import type { RemedialAction } from '../../shared/domain/types';
import { useActions } from '../../renderer/stores/actions';
import { useAssessment } from '../../renderer/stores/assessment';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail } from './fixtures';

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
