// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IdentityView } from '../../shared/ipc/views-signing';
import { IdentitiesSection } from '../../renderer/screens/settings/IdentitiesSection';
import { useIdentities } from '../../renderer/stores/identities';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeIdentity } from './fixtures';

const ada = makeIdentity({
  label: 'Ada 2026',
  kind: 'org-issued',
  algorithm: 'p256',
  fingerprint: 'ab'.repeat(32),
  subject: { commonName: 'Ada Jones', title: 'CTO', organisation: 'Acme' },
  notAfter: '2027-01-01T00:00:00.000Z',
  rootFingerprint: 'cd'.repeat(32),
});
const reminded: IdentityView = { ...ada, label: 'Old 2025', fingerprint: 'ef'.repeat(32), backupRemindedAt: '2026-01-02T00:00:00.000Z' };

describe('backing up a signing identity from the app', () => {
  let fake: FakeApi;
  let stored: IdentityView[];
  beforeEach(() => {
    stored = [ada, reminded];
    useIdentities.setState({ items: [], loaded: false });
    fake = installFakeApi();
    fake.answer('identities.list', () => stored);
    fake.answer('identities.backupReminded', (args: { label: string }) => {
      stored = stored.map((i) => (i.label === args.label ? { ...i, backupRemindedAt: '2026-06-01T00:00:00.000Z' } : i));
      return stored.find((i) => i.label === args.label);
    });
    fake.answer('dialogs.saveFile', () => ({ path: '/home/ada/Ada 2026 backup.p12' }));
    fake.answer('identities.exportBackup', (args: { label: string }) => {
      stored = stored.map((i) => (i.label === args.label ? { ...i, backedUpAt: '2026-06-01T00:00:00.000Z' } : i));
      return { path: '/home/ada/Ada 2026 backup.p12', label: args.label, withRootKey: true, warnings: [] };
    });
  });
  afterEach(cleanup);

  it('reminds once about an identity with no backup, and records the reminder', async () => {
    render(<IdentitiesSection />);
    await screen.findByText('“Ada 2026” has no backup.');
    expect(screen.queryByText('“Old 2025” has no backup.')).toBeNull();
    await waitFor(() =>
      expect(fake.calls.filter((c) => c.channel === 'identities.backupReminded').map((c) => c.args)).toEqual([{ label: 'Ada 2026' }]),
    );
    await userEvent.setup().click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByText('“Ada 2026” has no backup.')).toBeNull();
    cleanup();
    // The next visit: the store has the reminder recorded, so there is none.
    render(<IdentitiesSection />);
    await waitFor(() => expect(screen.getAllByText('No backup yet')).toHaveLength(2));
    expect(screen.queryByText('“Ada 2026” has no backup.')).toBeNull();
    expect(fake.calls.filter((c) => c.channel === 'identities.backupReminded')).toHaveLength(1);
  });

  it('exports a backup with the password typed twice and, when asked, the root key, to the place chosen in a save dialog', async () => {
    const user = userEvent.setup();
    render(<IdentitiesSection />);
    await screen.findByText('“Ada 2026” has no backup.');
    // One in the reminder, one in the list.
    const buttons = screen.getAllByRole('button', { name: /^Export backup\s*of Ada 2026…$/ });
    expect(buttons).toHaveLength(2);
    await user.click(buttons[1]!);
    const submit = screen.getByRole('button', { name: 'Choose where to save and back up…' });
    await user.type(screen.getByLabelText('Passphrase of this identity'), 'correct horse battery staple');
    await user.type(screen.getByLabelText('New password for the backup file'), 'a long backup password');
    await user.type(screen.getByLabelText('Backup password again'), 'a long backup passwort');
    expect(screen.getByText('The two passwords differ.')).toBeTruthy();
    expect(submit.hasAttribute('disabled')).toBe(true);
    await user.clear(screen.getByLabelText('Backup password again'));
    await user.type(screen.getByLabelText('Backup password again'), 'a long backup password');
    await user.click(screen.getByRole('checkbox', { name: /Include the organisation root's key/ }));
    await user.click(submit);
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Choose where to save and back up…' })).toBeNull());
    expect(fake.calls.find((c) => c.channel === 'dialogs.saveFile')?.args).toEqual({
      purpose: 'backup',
      suggestedName: 'Ada 2026 backup.p12',
    });
    expect(fake.calls.find((c) => c.channel === 'identities.exportBackup')?.args).toEqual({
      label: 'Ada 2026',
      passphrase: 'correct horse battery staple',
      p12Password: 'a long backup password',
      withRootKey: true,
      outPath: '/home/ada/Ada 2026 backup.p12',
    });
    await waitFor(() => expect(screen.getAllByText(/^Backed up /)).toHaveLength(1));
  });
});
