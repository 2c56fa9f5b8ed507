// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceLibraryItem } from '../../shared/ipc/views';
import { LibraryScreen } from '../../renderer/screens/library/LibraryScreen';
import { isoDay } from '../../renderer/screens/library/library-view';
import { useLibrary } from '../../renderer/stores/library';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeAssessment, makeEvidence } from './fixtures';

function reset() {
  useLibrary.setState(useLibrary.getInitialState(), true);
}

/** The grid's body rows (the header row is aria-rowindex 1). */
function bodyRows(): HTMLElement[] {
  return within(screen.getByRole('grid'))
    .getAllByRole('row')
    .filter((r) => r.getAttribute('aria-rowindex') !== '1');
}
const rowNames = () => bodyRows().map((r) => r.querySelector('.evidence-name')!.textContent);

/** A library of `n` files named "item 1.pdf" … in a shuffled order, as a database returns them. */
function manyItems(n: number): EvidenceLibraryItem[] {
  const items: EvidenceLibraryItem[] = [];
  for (let i = 1; i <= n; i += 1) {
    const k = (i * 7919) % n || n; // a fixed shuffle
    items.push({
      item: makeEvidence({
        id: `e${k}`,
        fileName: `item ${k}.${k % 3 === 0 ? 'docx' : 'pdf'}`,
        size: k * 10,
        sha256: k.toString(16).padStart(64, '0'),
        confidential: k % 2 === 0,
      }),
      replacesId: null,
      usedBy:
        k % 5 === 0
          ? []
          : [{ assessmentId: 'a1', claimId: `1.${(k % 4) + 1}.1`, evidenceId: `e${k}`, organisation: 'Acme', state: 'draft' }],
    });
  }
  return items;
}

describe('the evidence library', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    reset();
    fake.answer('evidence.list', () => [
      {
        item: makeEvidence(),
        replacesId: null,
        usedBy: [{ assessmentId: 'a1', claimId: '1.1.1', evidenceId: 'e1', organisation: 'Acme', state: 'draft' }],
      },
      {
        item: makeEvidence({
          id: 'e2',
          fileName: 'Pen test report.pdf',
          sha256: 'cd'.repeat(32),
          confidential: true,
          expiryDate: '2027-02-01',
        }),
        replacesId: null,
        usedBy: [],
      },
    ]);
  });
  afterEach(cleanup);

  it('lists each file with where it is used, fingerprint, dates and sharing, and finds by name', async () => {
    render(<LibraryScreen />);
    const grid = await screen.findByRole('grid', { name: 'Evidence files' });
    await waitFor(() => expect(bodyRows()).toHaveLength(2));
    expect(grid.getAttribute('aria-rowcount')).toBe('3');
    expect(within(grid).getByRole('button', { name: '1.1.1' })).toBeTruthy();
    expect(within(grid).getByText('Not linked')).toBeTruthy();
    expect(within(grid).getByText('Confidential')).toBeTruthy();
    expect(within(grid).getByText('1 Feb 2027')).toBeTruthy();
    expect(within(grid).getByTitle(`SHA-256 ${'cd'.repeat(32)}`)).toBeTruthy();
    await userEvent.type(screen.getByLabelText('Find by name'), 'PEN');
    await waitFor(() => expect(bodyRows()).toHaveLength(1));
    expect(screen.getByText('1 of 2 files')).toBeTruthy();
  });

  it('says which file is the older version and which replaced it', async () => {
    fake.answer('evidence.list', () => [
      { item: makeEvidence(), replacesId: null, usedBy: [] },
      {
        item: makeEvidence({ id: 'e2', fileName: 'Secure development policy v2.pdf', sha256: 'cd'.repeat(32) }),
        replacesId: 'e1',
        usedBy: [],
      },
    ]);
    render(<LibraryScreen />);
    expect(await screen.findByText('Older version, replaced by Secure development policy v2.pdf')).toBeTruthy();
    expect(screen.getByText('Newer version of Secure development policy.pdf')).toBeTruthy();
  });

  it('replaces a file with a newer version chosen in the dialog', async () => {
    fake.answer('dialogs.chooseFile', () => ({ path: '/home/priya/policy v2.pdf' }));
    fake.answer('evidence.replace', () => ({ jobId: 'r1' }));
    render(<LibraryScreen />);
    await userEvent.click(await screen.findByRole('button', { name: 'Replace Secure development policy.pdf with a newer version' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'evidence.replace')?.args).toEqual({
        evidenceId: 'e1',
        filePath: '/home/priya/policy v2.pdf',
      }),
    );
    fake.emit('jobs.done', { jobId: 'r1', result: { ok: true, value: makeEvidence({ fileName: 'policy v2.pdf' }) } });
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'evidence.list')).toHaveLength(2));
  });
});

describe('the evidence library with 2,000 files', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    reset();
    fake.answer('evidence.list', () => manyItems(2000));
  });
  afterEach(cleanup);

  it('renders only a window of rows, in natural order, and says how many there are', async () => {
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    const grid = screen.getByRole('grid');
    expect(grid.getAttribute('aria-rowcount')).toBe('2001');
    const rows = bodyRows();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(60);
    expect(rowNames().slice(0, 11)).toEqual([
      'item 1.pdf',
      'item 2.pdf',
      'item 3.docx',
      'item 4.pdf',
      'item 5.pdf',
      'item 6.docx',
      'item 7.pdf',
      'item 8.pdf',
      'item 9.docx',
      'item 10.pdf',
      'item 11.pdf',
    ]);
    expect(rows.map((r) => r.getAttribute('aria-rowindex')).slice(0, 3)).toEqual(['2', '3', '4']);
  });

  it('sorts by a column when its header is chosen, and says so with aria-sort', async () => {
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    const sizeHeader = screen.getByRole('button', { name: /^Size/ }).closest('[role="columnheader"]')!;
    expect(sizeHeader.getAttribute('aria-sort')).toBe('none');
    await userEvent.click(screen.getByRole('button', { name: /^Size/ }));
    expect(sizeHeader.getAttribute('aria-sort')).toBe('ascending');
    expect(rowNames()[0]).toBe('item 1.pdf');
    await userEvent.click(screen.getByRole('button', { name: /^Size/ }));
    expect(sizeHeader.getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()[0]).toBe('item 2000.pdf');
    await userEvent.click(screen.getByRole('button', { name: /^Type/ }));
    expect(rowNames()[0]).toBe('item 3.docx');
  });

  it('filters by claim, type, sharing and unused files', async () => {
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    await userEvent.selectOptions(screen.getByLabelText('Claim'), '1.3.1');
    // k % 4 === 2 and k % 5 !== 0: 500 minus the 100 that are multiples of 10.
    await screen.findByText('400 of 2000 files');
    expect(rowNames()[0]).toBe('item 2.pdf');
    await userEvent.selectOptions(screen.getByLabelText('Type'), 'DOCX');
    await screen.findByText(/^\d+ of 2000 files$/);
    expect(rowNames().every((n) => n!.endsWith('.docx'))).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await userEvent.selectOptions(screen.getByLabelText('Claim'), 'unused');
    await screen.findByText('400 of 2000 files');
    expect(rowNames().slice(0, 2)).toEqual(['item 5.pdf', 'item 10.pdf']);
    await userEvent.selectOptions(screen.getByLabelText('Sharing'), 'confidential');
    await screen.findByText('200 of 2000 files');
    expect(rowNames()[0]).toBe('item 10.pdf');
  });

  it('filters by expiry: expired, expiring within 30 days, never', async () => {
    const today = new Date();
    fake.answer('evidence.list', () => [
      { item: makeEvidence({ id: 'old', fileName: 'old.pdf', expiryDate: isoDay(today, -1) }), replacesId: null, usedBy: [] },
      { item: makeEvidence({ id: 'soon', fileName: 'soon.pdf', expiryDate: isoDay(today, 30) }), replacesId: null, usedBy: [] },
      { item: makeEvidence({ id: 'later', fileName: 'later.pdf', expiryDate: isoDay(today, 31) }), replacesId: null, usedBy: [] },
      { item: makeEvidence({ id: 'never', fileName: 'never.pdf', expiryDate: null }), replacesId: null, usedBy: [] },
    ]);
    render(<LibraryScreen />);
    await screen.findByText('4 of 4 files');
    await userEvent.selectOptions(screen.getByLabelText('Expiry'), 'expired');
    await waitFor(() => expect(rowNames()).toEqual(['old.pdf']));
    await userEvent.selectOptions(screen.getByLabelText('Expiry'), 'soon');
    await waitFor(() => expect(rowNames()).toEqual(['soon.pdf']));
    await userEvent.selectOptions(screen.getByLabelText('Expiry'), 'none');
    await waitFor(() => expect(rowNames()).toEqual(['never.pdf']));
  });

  it('moves between rows with the arrow keys and selects with Space', async () => {
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    const first = bodyRows()[0]!;
    expect(first.tabIndex).toBe(0);
    first.focus();
    fireEvent.keyDown(first, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-rowindex')).toBe('3'));
    fireEvent.keyDown(document.activeElement!, { key: ' ' });
    expect(useLibrary.getState().selected).toEqual(new Set(['e2']));
    expect(bodyRows()[1]!.getAttribute('aria-selected')).toBe('true');
  });

  it('selects a range with Shift-click and sets their expiry in one call', async () => {
    fake.answer('evidence.updateMany', (args: { evidenceIds: string[] }) =>
      args.evidenceIds.map((id) => makeEvidence({ id, fileName: `${id}.pdf`, expiryDate: '2027-06-30' })),
    );
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select item 2.pdf' }));
    const user = userEvent.setup();
    await user.keyboard('{Shift>}');
    await user.click(screen.getByRole('checkbox', { name: 'Select item 5.pdf' }));
    await user.keyboard('{/Shift}');
    expect(screen.getByText('4 selected')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Set expiry…' }));
    const dialog = screen.getByRole('dialog', { name: 'Set the expiry date of 4 files' });
    fireEvent.change(within(dialog).getByLabelText('Expires on'), { target: { value: '2027-06-30' } });
    await userEvent.click(within(dialog).getByRole('button', { name: 'Set the expiry of 4 files' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'evidence.updateMany')).toHaveLength(1));
    expect(fake.calls.find((c) => c.channel === 'evidence.updateMany')!.args).toEqual({
      evidenceIds: ['e2', 'e3', 'e4', 'e5'],
      patch: { expiryDate: '2027-06-30' },
    });
    // The reply updates the rows in place; the library is not read again.
    await waitFor(() => expect(useLibrary.getState().items.find((i) => i.item.id === 'e3')!.item.expiryDate).toBe('2027-06-30'));
    expect(fake.calls.filter((c) => c.channel === 'evidence.list')).toHaveLength(1);
  });

  it('selects every file matching the filter, not only those in view, and marks them confidential in one call', async () => {
    fake.answer('evidence.updateMany', (args: { evidenceIds: string[] }) =>
      args.evidenceIds.map((id) => makeEvidence({ id, confidential: true })),
    );
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    await userEvent.selectOptions(screen.getByLabelText('Sharing'), 'shareable');
    await screen.findByText('1000 of 2000 files');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 1000 files shown' }));
    expect(screen.getByText('1000 selected')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Mark confidential…' }));
    await userEvent.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Mark 1000 files confidential' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'evidence.updateMany')).toHaveLength(1));
    const args = fake.calls.find((c) => c.channel === 'evidence.updateMany')!.args as { evidenceIds: string[]; patch: unknown };
    expect(args.patch).toEqual({ confidential: true });
    expect(args.evidenceIds).toHaveLength(1000);
    expect(args.evidenceIds.every((id) => Number(id.slice(1)) % 2 === 1)).toBe(true);
  });

  it('links the selected files to a claim of a draft assessment in one call', async () => {
    fake.answer('assessments.list', () => [
      {
        assessment: makeAssessment({ id: 'signed', organisation: 'Old', state: 'signed', signedAt: '2026-01-01T00:00:00.000Z' }),
        completeness: {},
        unverifiedSigner: null,
      },
      { assessment: makeAssessment(), completeness: {}, unverifiedSigner: null },
    ]);
    fake.answer('evidence.linkMany', () => ({
      assessmentId: 'a1',
      claimId: '2.1.1',
      evidence: [makeEvidence({ id: 'e1' }), makeEvidence({ id: 'e5' })],
      linked: 2,
    }));
    render(<LibraryScreen />);
    await screen.findByText('2000 of 2000 files');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select item 1.pdf' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select item 5.pdf' }));
    await userEvent.click(screen.getByRole('button', { name: 'Link to a claim…' }));
    const dialog = screen.getByRole('dialog', { name: 'Link 2 files to a claim' });
    await waitFor(() => expect(within(dialog).getByLabelText<HTMLSelectElement>('Assessment').value).toBe('a1'));
    expect(within(dialog).queryByRole('option', { name: /^Old/ })).toBeNull();
    await userEvent.selectOptions(within(dialog).getByLabelText('Claim'), '2.1.1');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Link 2 files' }));
    await waitFor(() => expect(fake.calls.filter((c) => c.channel === 'evidence.linkMany')).toHaveLength(1));
    expect(fake.calls.find((c) => c.channel === 'evidence.linkMany')!.args).toEqual({
      assessmentId: 'a1',
      claimId: '2.1.1',
      evidenceIds: ['e1', 'e5'],
    });
    await waitFor(() =>
      expect(
        useLibrary
          .getState()
          .items.find((i) => i.item.id === 'e5')!
          .usedBy.map((u) => u.claimId),
      ).toEqual(['2.1.1']),
    );
  });
});
