// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardScreen } from '../../renderer/screens/dashboard/DashboardScreen';
import { WorkspaceScreen } from '../../renderer/screens/workspace/WorkspaceScreen';
import { useAnnouncer } from '../../renderer/stores/announcer';
import { useAssessment } from '../../renderer/stores/assessment';
import { holdsAllEvidence } from '../../renderer/stores/evidence-replies';
import type { AssessmentDetail, EvidenceItem } from '../../shared/domain/types';
import type { AssessmentOpeningView } from '../../shared/ipc/views';
import { installFakeApi, openingOf, type FakeApi } from './fake-api';
import { makeAssessment, makeDetail, makeEvidence, savedResponse } from './fixtures';

// Opening an assessment comes in two replies (`assessments.open`, then `assessments.evidence`
// after the first frame). The store stays the one truth: a change made between them is kept,
// a reply to an assessment no longer open is dropped, and a whole read older than a change made
// here is read again.

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** How main refuses when no database is open (main/ipc/handlers/context.ts). */
const NOTHING_OPEN = { kind: 'not-found', message: 'No file of assessments is open.', hint: 'Open one first.' };

const link = (assessmentId: string, claimId: string, e: EvidenceItem) => ({ assessmentId, claimId, evidenceId: e.id });

/** Assessment `id`: e1 on 1.1.1; e2 and e3 on 1.1.2, the items named after the assessment. */
function detailOf(id: string): AssessmentDetail {
  const e = (n: number) => makeEvidence({ id: `${id}-e${n}`, fileName: `${id} file ${n}.pdf`, addedAt: `2026-11-01T09:00:0${n}.000Z` });
  const [e1, e2, e3] = [e(1), e(2), e(3)];
  return makeDetail({
    assessment: makeAssessment({ id, organisation: `Org ${id}` }),
    evidence: [e1, e2, e3],
    links: [link(id, '1.1.1', e1), link(id, '1.1.2', e2), link(id, '1.1.2', e3)],
  });
}

let fake: FakeApi;
/** The replies main has not given yet, by channel and assessment. */
let opens: Map<string, ReturnType<typeof deferred<AssessmentOpeningView>>>;
let rests: Map<string, ReturnType<typeof deferred<readonly EvidenceItem[]>>>;

beforeEach(() => {
  fake = installFakeApi();
  useAssessment.getState().forget();
  useAnnouncer.setState({ message: '', error: null });
  opens = new Map();
  rests = new Map();
  const pendingOf = <T,>(map: Map<string, ReturnType<typeof deferred<T>>>, id: string) => {
    const d = deferred<T>();
    map.set(id, d);
    return d.promise;
  };
  fake.answer('assessments.open', ({ assessmentId }: { assessmentId: string }) => pendingOf(opens, assessmentId));
  fake.answer('assessments.evidence', ({ assessmentId }: { assessmentId: string }) => pendingOf(rests, assessmentId));
  fake.answer('claims.update', (args: never) => savedResponse(args));
  fake.answer('owners.list', () => []);
  fake.answer('contributions.review', () => []);
  fake.answer('assessments.list', () => []);
  fake.answer('assessments.recentAudit', () => ({ entries: [], total: 0 }));
});
afterEach(cleanup);

const asked = (channel: string) => fake.calls.filter((c) => c.channel === channel);
const evidenceIds = () => useAssessment.getState().detail!.evidence.map((e) => e.id);

/** Starts opening `id` and answers its first reply; resolves, with the load, once the rest has been asked for. */
async function openFirst(id: string, claimId: string | null = '1.1.1'): Promise<{ loading: Promise<void> }> {
  const loading = useAssessment.getState().load(id, { claimId });
  await waitFor(() => expect(opens.has(id)).toBe(true));
  opens.get(id)!.resolve(openingOf(detailOf(id), claimId));
  await waitFor(() => expect(rests.has(id)).toBe(true));
  return { loading };
}

describe('opening an assessment in two replies', () => {
  it('holds every link and the shown claim first, then every record', async () => {
    const { loading } = await openFirst('a1');
    expect(useAssessment.getState().detail!.links).toEqual(detailOf('a1').links);
    expect(evidenceIds()).toEqual(['a1-e1']);
    expect(holdsAllEvidence(useAssessment.getState().detail!)).toBe(false);
    expect(holdsAllEvidence(useAssessment.getState().detail!, '1.1.1')).toBe(true);
    rests.get('a1')!.resolve(detailOf('a1').evidence);
    await loading;
    expect(useAssessment.getState().detail).toEqual(detailOf('a1'));
    expect(asked('assessments.get')).toEqual([]);
  });

  it('keeps a change made while the rest was on its way: details saved, a file attached, a link taken away, an answer typed', async () => {
    const { loading } = await openFirst('a1');
    const store = useAssessment.getState();
    const [, e2, e3] = detailOf('a1').evidence;
    // e2's record has not arrived yet; its new details come from the reply to saving them.
    store.applyEvidenceItem(e2!.id, { ...e2!, description: 'Reviewed in November' });
    store.applyAttached('a1', '1.1.1', makeEvidence({ id: 'a1-e4', fileName: 'new scan.txt', addedAt: '2026-11-02T10:00:00.000Z' }));
    store.applyClaimEvidence({ assessmentId: 'a1', claimId: '1.1.2', evidence: [{ ...e2!, description: 'Reviewed in November' }] });
    store.editClaim('1.1.1', { evidenceText: 'Typed meanwhile' }, { immediate: true });
    await store.flush();
    // The rest was read before all that: the old e2, and e3 still linked.
    rests.get('a1')!.resolve(detailOf('a1').evidence);
    await loading;
    const detail = useAssessment.getState().detail!;
    expect(detail.evidence.map((e) => [e.id, e.description])).toEqual([
      ['a1-e1', ''],
      ['a1-e2', 'Reviewed in November'],
      ['a1-e4', ''],
    ]);
    expect(detail.evidence.some((e) => e.id === e3!.id)).toBe(false);
    expect(detail.links.map((l) => `${l.claimId} ${l.evidenceId}`)).toEqual(['1.1.1 a1-e1', '1.1.1 a1-e4', '1.1.2 a1-e2']);
    expect(detail.responses.find((r) => r.claimId === '1.1.1')?.evidenceText).toBe('Typed meanwhile');
    expect(holdsAllEvidence(detail)).toBe(true);
  });

  it("never shows the first assessment's evidence after another was opened meanwhile", async () => {
    // The rest of a1 is on its way when b1 is opened; it arrives last.
    const a1 = await openFirst('a1');
    const b1 = await openFirst('b1');
    rests.get('b1')!.resolve(detailOf('b1').evidence);
    await b1.loading;
    rests.get('a1')!.resolve(detailOf('a1').evidence);
    await a1.loading;
    expect(useAssessment.getState().detail).toEqual(detailOf('b1'));

    // The first reply of c1 comes after d1 was asked for, and after d1's own reply.
    const c1 = useAssessment.getState().load('c1', { claimId: null });
    await waitFor(() => expect(opens.has('c1')).toBe(true));
    const d1 = useAssessment.getState().load('d1', { claimId: null });
    await waitFor(() => expect(opens.has('d1')).toBe(true));
    opens.get('d1')!.resolve(openingOf(detailOf('d1'), null));
    await waitFor(() => expect(rests.has('d1')).toBe(true));
    opens.get('c1')!.resolve(openingOf(detailOf('c1'), null));
    await c1;
    expect(useAssessment.getState().detail!.assessment.id).toBe('d1');
    expect(rests.has('c1')).toBe(false);
    rests.get('d1')!.resolve(detailOf('d1').evidence);
    await d1;
    expect(useAssessment.getState().detail).toEqual(detailOf('d1'));
  });

  it('reports a failed rest of the evidence, unless the database was closed or another assessment opened meanwhile', async () => {
    const first = await openFirst('a1');
    useAssessment.getState().forget();
    rests.get('a1')!.reject(NOTHING_OPEN);
    await expect(first.loading).resolves.toBeUndefined();
    expect(useAssessment.getState().detail).toBeNull();

    opens.clear();
    rests.clear();
    const second = await openFirst('a1');
    rests.get('a1')!.reject(NOTHING_OPEN);
    await expect(second.loading).rejects.toMatchObject({ message: 'No file of assessments is open.' });
    // What arrived stays, and says it is not whole.
    expect(holdsAllEvidence(useAssessment.getState().detail!)).toBe(false);
  });

  it('asks for the rest even when no frame is painted, as in a minimised window', async () => {
    const raf = window.requestAnimationFrame;
    window.requestAnimationFrame = () => 0;
    try {
      const { loading } = await openFirst('a1');
      rests.get('a1')!.resolve(detailOf('a1').evidence);
      await loading;
      expect(useAssessment.getState().detail).toEqual(detailOf('a1'));
    } finally {
      window.requestAnimationFrame = raf;
    }
  });

  it('reads the whole assessment again when it changed here while a read of it was on its way', async () => {
    const opened = await openFirst('a1');
    rests.get('a1')!.resolve(detailOf('a1').evidence);
    await opened.loading;
    const reads = [deferred<AssessmentDetail>(), deferred<AssessmentDetail>()];
    fake.answer('assessments.get', () => reads[asked('assessments.get').length - 1]!.promise);
    const refreshing = useAssessment.getState().refresh();
    await waitFor(() => expect(asked('assessments.get')).toHaveLength(1));
    // A file attached here while main was answering: the first answer was read before it.
    const attached = makeEvidence({ id: 'a1-e9', fileName: 'attached meanwhile.pdf', addedAt: '2026-11-03T00:00:00.000Z' });
    useAssessment.getState().applyAttached('a1', '1.1.1', attached);
    reads[0]!.resolve(detailOf('a1'));
    await waitFor(() => expect(asked('assessments.get')).toHaveLength(2));
    expect(evidenceIds()).toContain('a1-e9');
    const now = detailOf('a1');
    reads[1]!.resolve({ ...now, evidence: [...now.evidence, attached], links: [...now.links, link('a1', '1.1.1', attached)] });
    await refreshing;
    expect(evidenceIds()).toEqual(['a1-e1', 'a1-e2', 'a1-e3', 'a1-e9']);
  });
});

describe('the screens while the rest of the evidence is on its way', () => {
  it('shows the claim with its files at once, says another claim’s files are coming, and lists them when they are here', async () => {
    const view = render(<WorkspaceScreen assessmentId="a1" claimId="1.1.1" />);
    await waitFor(() => expect(opens.has('a1')).toBe(true));
    expect(asked('assessments.open')[0]!.args).toEqual({ assessmentId: 'a1', claimId: '1.1.1' });
    opens.get('a1')!.resolve(openingOf(detailOf('a1'), '1.1.1'));
    expect(await screen.findByText('a1 file 1.pdf')).toBeTruthy();
    await waitFor(() => expect(rests.has('a1')).toBe(true));
    view.rerender(<WorkspaceScreen assessmentId="a1" claimId="1.1.2" />);
    expect((await screen.findByRole('status', { name: '' })).textContent).toBe('Loading the 2 items of evidence on this claim…');
    expect(screen.queryByText('a1 file 2.pdf')).toBeNull();
    rests.get('a1')!.resolve(detailOf('a1').evidence);
    expect(await screen.findByText('a1 file 2.pdf')).toBeTruthy();
    expect(screen.getByText('a1 file 3.pdf')).toBeTruthy();
    expect(screen.queryByText(/Loading the 2 items/)).toBeNull();
    // Moving between claims read nothing more.
    expect(asked('assessments.open')).toHaveLength(1);
    expect(asked('assessments.get')).toEqual([]);
  });

  it('keeps the dashboard, whose blockers read every record, loading until they are all here', async () => {
    const expiring = { ...detailOf('a1') };
    const opened = await openFirst('a1');
    fake.answer('assessments.get', () => expiring);
    render(<DashboardScreen assessmentId="a1" />);
    expect(screen.getByText('Loading the assessment…')).toBeTruthy();
    // The dashboard reads the whole assessment itself, which drops the rest of the opening.
    expect(await screen.findByRole('heading', { name: 'Results by theme and principle' })).toBeTruthy();
    rests.get('a1')!.resolve([]);
    await opened.loading;
    expect(useAssessment.getState().detail).toEqual(detailOf('a1'));
  });
});
