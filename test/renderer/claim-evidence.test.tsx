// @vitest-environment jsdom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidenceSection } from '../../renderer/screens/workspace/EvidenceSection';
import { useAssessment } from '../../renderer/stores/assessment';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeDetail, makeEvidence } from './fixtures';

/** 200 files on claim 1.1.1 (in a shuffled order) and one file on 1.2.1 that shares e7. */
function detailWith200() {
  const evidence = Array.from({ length: 200 }, (_, i) => {
    const k = ((i * 37) % 200) + 1;
    return makeEvidence({ id: `e${k}`, fileName: `scan ${k}.pdf`, sha256: k.toString(16).padStart(64, '0') });
  });
  const links = [
    ...evidence.map((e) => ({ assessmentId: 'a1', claimId: '1.1.1', evidenceId: e.id })),
    { assessmentId: 'a1', claimId: '1.2.1', evidenceId: 'e7' },
  ];
  return makeDetail({ evidence, links });
}

/** `evidence.unlinkMany` answered as main answers it: the claim's evidence as it is afterwards. */
function unlinkedAsMain(args: { assessmentId: string; claimId: string; evidenceIds: string[] }) {
  const detail = useAssessment.getState().detail!;
  const gone = new Set(args.evidenceIds);
  const left = new Set(detail.links.filter((l) => l.claimId === args.claimId && !gone.has(l.evidenceId)).map((l) => l.evidenceId));
  return {
    assessmentId: args.assessmentId,
    claimId: args.claimId,
    evidence: detail.evidence.filter((e) => left.has(e.id)),
    removed: gone.size,
  };
}

function Section() {
  const detail = useAssessment((s) => s.detail);
  return detail ? <EvidenceSection detail={detail} claimId="1.1.1" frozen={false} /> : null;
}

describe("a claim's evidence with 200 files", () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    useAssessment.setState({ detail: detailWith200(), saveState: 'idle', lastChange: null });
  });
  afterEach(cleanup);

  it('is a compact list that renders only the files in view, in natural order', async () => {
    render(<Section />);
    const list = screen.getByRole('list', { name: 'Files on claim 1.1.1' });
    const rows = await within(list).findAllByRole('listitem');
    expect(rows.length).toBeGreaterThan(5);
    expect(rows.length).toBeLessThan(40);
    expect(rows[0]!.getAttribute('aria-setsize')).toBe('200');
    expect(rows.map((r) => r.querySelector('.evidence-name')!.textContent).slice(0, 11)).toEqual(
      Array.from({ length: 11 }, (_, i) => `scan ${i + 1}.pdf`),
    );
    expect(rows.map((r) => r.getAttribute('aria-posinset')).slice(0, 3)).toEqual(['1', '2', '3']);
  });

  it('selects all and removes them from the claim in one call, after a confirmation naming the count', async () => {
    fake.answer('evidence.unlinkMany', unlinkedAsMain);
    render(<Section />);
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 200 files' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove 200 files from this claim…' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove 200 files from claim 1.1.1' });
    expect(fake.calls.filter((c) => c.channel === 'evidence.unlinkMany')).toHaveLength(0);
    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 200 files' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'evidence.unlinkMany')).toHaveLength(1));
    const args = fake.calls.find((c) => c.channel === 'evidence.unlinkMany')!.args as {
      assessmentId: string;
      claimId: string;
      evidenceIds: string[];
    };
    expect(args.assessmentId).toBe('a1');
    expect(args.claimId).toBe('1.1.1');
    expect(new Set(args.evidenceIds).size).toBe(200);
    // The reply updates the open assessment in place: no reload, and 1.2.1 keeps its file.
    await waitFor(() =>
      expect(useAssessment.getState().detail!.links).toEqual([{ assessmentId: 'a1', claimId: '1.2.1', evidenceId: 'e7' }]),
    );
    expect(useAssessment.getState().detail!.evidence.map((e) => e.id)).toEqual(['e7']);
    expect(fake.calls.some((c) => c.channel === 'assessments.get')).toBe(false);
    expect(await screen.findByText(/^No evidence yet. Drop files here, use Attach files, or Add a reference/)).toBeTruthy();
  });

  it('removes only the files ticked one by one, and nothing if the dialog is cancelled', async () => {
    fake.answer('evidence.unlinkMany', unlinkedAsMain);
    render(<Section />);
    await userEvent.click(await screen.findByRole('checkbox', { name: 'Select scan 2.pdf' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select scan 3.pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove 2 files from this claim…' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Cancel' }));
    expect(fake.calls.filter((c) => c.channel === 'evidence.unlinkMany')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Remove 2 files from this claim…' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Remove 2 files' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'evidence.unlinkMany')?.args).toEqual({
        assessmentId: 'a1',
        claimId: '1.1.1',
        evidenceIds: ['e2', 'e3'],
      }),
    );
    await waitFor(() => expect(useAssessment.getState().detail!.links.filter((l) => l.claimId === '1.1.1')).toHaveLength(198));
  });
});

describe("a claim's long evidence list as the claim opens", () => {
  beforeEach(() => {
    installFakeApi();
    useAssessment.setState({ detail: detailWith200(), saveState: 'idle', lastChange: null });
  });
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('shows its box at the height of all its files at once, and the files in it on the next frame, reachable by Tab', async () => {
    render(<Section />);
    const list = screen.getByRole('list', { name: 'Files on claim 1.1.1' });
    // The claim is on screen before the rows: the box already takes their room, so nothing moves when they come.
    expect(within(list).queryAllByRole('listitem')).toHaveLength(0);
    expect(list.style.height).toBe(`${200 * 80}px`);
    const rows = await within(list).findAllByRole('listitem');
    expect(rows[0]!.getAttribute('aria-posinset')).toBe('1');
    expect(rows.every((r) => r.getAttribute('aria-setsize') === '200')).toBe(true);
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Link from library' }));
    await userEvent.tab();
    await userEvent.tab();
    await userEvent.tab();
    expect(document.activeElement).toBe(screen.getByRole('checkbox', { name: 'Select all 200 files' }));
    await userEvent.tab();
    expect(document.activeElement).toBe(within(list).getByRole('checkbox', { name: 'Select scan 1.pdf' }));
  });

  it('lays nothing out and scrolls nothing while the claim is being shown: its box is measured once the page is laid out', () => {
    const observed: { el: Element; callback: ResizeObserverCallback }[] = [];
    vi.stubGlobal(
      'ResizeObserver',
      class {
        constructor(private readonly callback: ResizeObserverCallback) {}
        observe(el: Element) {
          observed.push({ el, callback: this.callback });
        }
        unobserve() {}
        disconnect() {}
      },
    );
    const measured = vi.spyOn(Element.prototype, 'getBoundingClientRect');
    const scrolled = vi.fn();
    const own = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollTo');
    Element.prototype.scrollTo = scrolled as typeof Element.prototype.scrollTo;
    try {
      render(<Section />);
      // Reading a size or writing a scroll position here would lay the whole page out before it is shown.
      expect(measured).not.toHaveBeenCalled();
      expect(scrolled).not.toHaveBeenCalled();
      const box = screen.getByRole('list', { name: 'Files on claim 1.1.1' }).parentElement!;
      expect(observed.some((o) => o.el === box)).toBe(true);
    } finally {
      if (own) Object.defineProperty(Element.prototype, 'scrollTo', own);
      else delete (Element.prototype as Partial<Element>).scrollTo;
    }
  });
});
