// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ImportIdentityForm } from '../../renderer/screens/settings/ImportIdentityForm';
import { answerSettingsUpdate, installFakeApi, type FakeApi } from './fake-api';
import { makeIdentity } from './fixtures';

const imported = makeIdentity({ label: 'Org CA 2026', kind: 'imported', algorithm: 'rsa3072', fingerprint: 'ab'.repeat(32) });

describe('importing a .p12 signing identity', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    fake.answer('dialogs.chooseFile', () => ({ path: '/home/priya/org.p12' }));
    fake.answer('identities.importP12', () => imported);
    fake.answer('identities.list', () => [imported]);
    answerSettingsUpdate(fake);
  });
  afterEach(cleanup);

  it('will not seal the key until the new passphrase is typed the same twice', async () => {
    const user = userEvent.setup();
    let closed = false;
    render(<ImportIdentityForm onClose={() => (closed = true)} />);
    const submit = screen.getByRole('button', { name: /import/i });

    await user.type(screen.getByLabelText('Name for this identity'), 'Org CA 2026');
    await user.type(screen.getByLabelText('Password of the .p12 file'), 'p12 secret');
    await user.type(screen.getByLabelText('New passphrase to seal the key'), 'correct horse battery staple');
    await user.type(screen.getByLabelText('New passphrase again'), 'correct horse battery stapel');
    expect(screen.getByText('The two passphrases differ.')).toBeTruthy();
    expect(submit.hasAttribute('disabled')).toBe(true);

    await user.clear(screen.getByLabelText('New passphrase again'));
    await user.type(screen.getByLabelText('New passphrase again'), 'correct horse battery staple');
    expect(screen.queryByText('The two passphrases differ.')).toBeNull();
    await user.click(submit);
    await waitFor(() => expect(closed).toBe(true));
    const call = fake.calls.find((c) => c.channel === 'identities.importP12');
    expect(fake.calls.find((c) => c.channel === 'settings.update')?.args).toEqual({ defaultIdentityId: 'Org CA 2026' });
    expect(call?.args).toMatchObject({
      label: 'Org CA 2026',
      p12Password: 'p12 secret',
      passphrase: 'correct horse battery staple',
      filePath: '/home/priya/org.p12',
    });
  });
});
