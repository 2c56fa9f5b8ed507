// @vitest-environment jsdom
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRemovalPlan } from '../../shared/ipc/views';
import { StatusBar } from '../../renderer/components/StatusBar';
import { LibraryScreen } from '../../renderer/screens/library/LibraryScreen';
import { useLibrary } from '../../renderer/stores/library';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeEvidence } from './fixtures';

function reset() {
  useLibrary.setState(useLibrary.getInitialState(), true);
}

const use = (evidenceId: string, assessmentId: string, claimId: string, organisation: string, state: 'draft' | 'signed' = 'draft') => ({
  assessmentId,
  claimId,
  evidenceId,
  organisation,
  state,
});

const LIBRARY = [
  {
    item: makeEvidence({ id: 'e1', fileName: 'policy.pdf', expiryDate: '2027-02-01' }),
    replacesId: null,
    usedBy: [use('e1', 'a1', '1.1.1', 'Acme')],
  },
  {
    item: makeEvidence({ id: 'e2', fileName: 'sbom.json', sha256: 'cd'.repeat(32) }),
    replacesId: null,
    usedBy: [use('e2', 'a1', '1.2.1', 'Acme')],
  },
  {
    item: makeEvidence({ id: 'e3', fileName: 'pentest.pdf', sha256: 'ef'.repeat(32) }),
    replacesId: null,
    usedBy: [use('e3', 'a0', '2.1.1', 'Acme 2025', 'signed'), use('e3', 'a1', '2.1.1', 'Acme')],
  },
];

const PLAN: EvidenceRemovalPlan = {
  removableIds: ['e1', 'e2'],
  claimLinks: [
    { assessmentId: 'a1', organisation: 'Acme', claimId: '1.1.1', evidenceId: 'e1' },
    { assessmentId: 'a1', organisation: 'Acme', claimId: '1.2.1', evidenceId: 'e2' },
  ],
  keptBy: [{ assessmentId: 'a0', organisation: 'Acme 2025', state: 'signed', signedAt: '2026-03-31T10:00:00.000Z', evidenceIds: ['e3'] }],
  storedFilesFreed: 2,
};

const calls = (fake: FakeApi, channel: string) => fake.calls.filter((c) => c.channel === channel);

describe('removing files from the evidence library', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    reset();
    fake.answer('evidence.list', () => LIBRARY);
    fake.answer('evidence.planRemoval', () => PLAN);
    fake.answer('evidence.remove', (args: { evidenceIds: string[] }) => ({
      removalId: 'r1',
      removedIds: args.evidenceIds,
      unlinked: 2,
      assessmentIds: ['a1'],
      holdUntil: '2026-11-01T09:02:00.000Z',
      final: false,
    }));
    fake.answer('evidence.undoRemoval', () => ({
      restoredIds: ['e1', 'e2'],
      relinked: 2,
      items: LIBRARY.slice(0, 2).map((i) => i.item),
      links: LIBRARY.slice(0, 2).flatMap((i) =>
        i.usedBy.map(({ assessmentId, claimId, evidenceId }) => ({ assessmentId, claimId, evidenceId })),
      ),
    }));
    fake.answer('evidence.finishRemoval', () => null);
  });
  afterEach(async () => {
    cleanup();
    await useLibrary.getState().finishRemoval();
  });

  async function chooseAllAndRemove() {
    render(
      <>
        <LibraryScreen />
        <StatusBar />
      </>,
    );
    await screen.findByText('3 of 3 files');
    await userEvent.click(screen.getByRole('checkbox', { name: 'Select all 3 files shown' }));
    await userEvent.click(screen.getByRole('button', { name: 'Remove from library…' }));
    return screen.getByRole('dialog', { name: 'Remove 3 files from the library' });
  }

  it('confirms with how many files, which claims lose them and which signed assessments keep theirs, then removes only those', async () => {
    const dialog = await chooseAllAndRemove();
    await within(dialog).findByText('2 claims in 1 draft assessment will lose them:');
    expect(within(dialog).getByText(/claims 1\.1\.1, 1\.2\.1/)).toBeTruthy();
    expect(within(dialog).getByText(/signed on 31 Mar 2026, keeps 1 file/)).toBeTruthy();
    expect(within(dialog).getByText(/2 stored files no other evidence uses are deleted/)).toBeTruthy();
    expect((calls(fake, 'evidence.planRemoval')[0]!.args as { evidenceIds: string[] }).evidenceIds.sort()).toEqual(['e1', 'e2', 'e3']);

    await userEvent.click(within(dialog).getByRole('button', { name: 'Remove 2 files' }));
    await waitFor(() => expect(calls(fake, 'evidence.remove')).toHaveLength(1));
    expect(calls(fake, 'evidence.remove')[0]!.args).toEqual({ evidenceIds: ['e1', 'e2'] });
    // Applied in place, the library is not read again; the signed one's file stays, still selected.
    await screen.findByText('1 of 1 file');
    expect(calls(fake, 'evidence.list')).toHaveLength(1);
    expect([...useLibrary.getState().selected]).toEqual(['e3']);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText('2 files removed from the library.')).toBeTruthy();
  });

  it('puts the files back with Undo in the status bar, without making the removal final', async () => {
    const dialog = await chooseAllAndRemove();
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Remove 2 files' }));
    await screen.findByText('1 of 1 file');
    await userEvent.click(screen.getByRole('button', { name: 'Undo removing 2 files' }));
    await waitFor(() => expect(calls(fake, 'evidence.undoRemoval')).toHaveLength(1));
    expect(calls(fake, 'evidence.undoRemoval')[0]!.args).toEqual({ removalId: 'r1' });
    await screen.findByText('3 of 3 files');
    expect(useLibrary.getState().items.find((i) => i.item.id === 'e1')!.usedBy).toEqual(LIBRARY[0]!.usedBy);
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
    expect(calls(fake, 'evidence.finishRemoval')).toHaveLength(0);
  });

  it('makes the removal final with Done, after which there is no Undo', async () => {
    const dialog = await chooseAllAndRemove();
    await userEvent.click(await within(dialog).findByRole('button', { name: 'Remove 2 files' }));
    await userEvent.click(await screen.findByRole('button', { name: 'Done' }));
    await waitFor(() => expect(calls(fake, 'evidence.finishRemoval')).toHaveLength(1));
    expect(calls(fake, 'evidence.finishRemoval')[0]!.args).toEqual({ removalId: 'r1' });
    expect(screen.queryByRole('button', { name: /^Undo/ })).toBeNull();
  });

  it('says nothing can be removed when every chosen file is part of a signed assessment', async () => {
    fake.answer('evidence.planRemoval', () => ({ ...PLAN, removableIds: [], claimLinks: [], storedFilesFreed: 0 }));
    const dialog = await chooseAllAndRemove();
    await within(dialog).findByText(/Nothing can be removed: every file chosen is part of a signed or archived assessment/);
    expect(within(dialog).getByRole<HTMLButtonElement>('button', { name: 'Remove 0 files' }).disabled).toBe(true);
  });

  it('removes one file from its details dialog, whose dates are the app’s date boxes', async () => {
    fake.answer('evidence.planRemoval', () => ({
      ...PLAN,
      removableIds: ['e1'],
      claimLinks: [PLAN.claimLinks[0]!],
      keptBy: [],
      storedFilesFreed: 1,
    }));
    render(<LibraryScreen />);
    await screen.findByText('3 of 3 files');
    await userEvent.click(screen.getByRole('button', { name: 'Edit details of policy.pdf' }));
    const details = screen.getByRole('dialog', { name: 'Details of policy.pdf' });
    const expiry = within(details).getByLabelText<HTMLInputElement>('Expires on');
    expect(expiry.type).toBe('text');
    expect(expiry.value).toBe('1 Feb 2027');
    expect(within(details).getByLabelText<HTMLInputElement>('Effective from').value).toBe('12 Mar 2026');
    await userEvent.click(within(details).getByRole('button', { name: 'Remove from library…' }));
    const confirm = screen.getByRole('dialog', { name: 'Remove this file from the library' });
    await within(confirm).findByText('1 claim in 1 draft assessment will lose it:');
    await userEvent.click(within(confirm).getByRole('button', { name: 'Remove from library' }));
    await waitFor(() => expect(calls(fake, 'evidence.remove')[0]?.args).toEqual({ evidenceIds: ['e1'] }));
    await screen.findByText('2 of 2 files');
  });
});

describe('date boxes across the app', () => {
  it('are the app’s DateInput everywhere: no browser date input is left in the renderer', () => {
    const root = resolve(import.meta.dirname, '../../renderer');
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (entry.name.endsWith('.tsx') && /<input\b[^>]*\btype="date"/s.test(readFileSync(path, 'utf8'))) offenders.push(path);
      }
    };
    walk(root);
    expect(offenders).toEqual([]);
  });
});
