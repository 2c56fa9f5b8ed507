// @vitest-environment jsdom
import { cleanup, render, screen, within } from '@testing-library/react';
import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { EvidenceSection } from '../../renderer/screens/workspace/EvidenceSection';
import { useAssessment } from '../../renderer/stores/assessment';
import { applyPatch } from '../../renderer/stores/claim-patch';
import { installFakeApi } from './fake-api';
import { makeDetail, makeEvidence } from './fixtures';

// Each file name a row shows goes through OutsideText: counting its renders counts the rows'.
const shown = vi.hoisted(() => ({ names: [] as string[] }));
vi.mock('../../renderer/components/OutsideText', () => ({
  OutsideText: ({ text }: { readonly text: string }) => {
    shown.names.push(text);
    return <bdi>{text}</bdi>;
  },
}));

function Section() {
  const detail = useAssessment((s) => s.detail);
  return detail ? <EvidenceSection detail={detail} claimId="1.1.1" frozen={false} /> : null;
}

describe("a claim's files while its answer is typed", () => {
  beforeEach(() => {
    installFakeApi();
    const evidence = Array.from({ length: 60 }, (_, i) => makeEvidence({ id: `e${i}`, fileName: `scan ${i}.pdf` }));
    const links = evidence.map((e) => ({ assessmentId: 'a1', claimId: '1.1.1', evidenceId: e.id }));
    useAssessment.setState({ detail: makeDetail({ evidence, links }), saveState: 'idle', lastChange: null });
  });
  afterEach(cleanup);

  it('are not rendered again for each letter: only a change to the files or their ticks renders a row', async () => {
    render(<Section />);
    const list = screen.getByRole('list', { name: 'Files on claim 1.1.1' });
    await within(list).findAllByRole('listitem');
    shown.names.length = 0;
    for (const text of ['S', 'Se', 'See']) {
      act(() => {
        const detail = useAssessment.getState().detail!;
        useAssessment.setState({ detail: applyPatch(detail, '1.1.1', { evidenceText: text }) });
      });
    }
    expect(shown.names).toEqual([]);
    // A changed file is shown at once, and only its row renders again.
    act(() => {
      const detail = useAssessment.getState().detail!;
      const evidence = detail.evidence.map((e) => (e.id === 'e0' ? { ...e, fileName: 'scan 0 (signed).pdf' } : e));
      useAssessment.setState({ detail: { ...detail, evidence } });
    });
    expect(shown.names).toEqual(['scan 0 (signed).pdf']);
    expect(within(list).getByText('scan 0 (signed).pdf')).toBeTruthy();
  });
});
