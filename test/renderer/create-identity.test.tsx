// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CreateIdentityForm } from '../../renderer/screens/settings/CreateIdentityForm';
import { answerSettingsUpdate, installFakeApi, type FakeApi } from './fake-api';
import { makeIdentity } from './fixtures';

const created = makeIdentity({ kind: 'self-signed' });

describe('creating a signing identity', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    fake.answer('identities.create', () => created);
    fake.answer('identities.list', () => [created]);
    answerSettingsUpdate(fake);
  });
  afterEach(cleanup);

  it('says when the two passphrases differ and creates only once they match', async () => {
    const user = userEvent.setup();
    let closed = false;
    render(<CreateIdentityForm onClose={() => (closed = true)} />);
    const submit = screen.getByRole('button', { name: 'Create identity' });

    await user.type(screen.getByLabelText('Name for this identity'), 'Priya 2026');
    await user.type(screen.getByLabelText('Your name'), 'Priya Raman');
    await user.type(screen.getByLabelText('Your job title'), 'CTO');
    await user.type(screen.getByLabelText('Organisation'), 'Acme');
    await user.type(screen.getByLabelText('Passphrase'), 'correct horse battery staple');
    await user.type(screen.getByLabelText('Passphrase again'), 'correct horse battery stapel');
    expect(screen.getByText('The two passphrases differ.')).toBeTruthy();
    expect(screen.getByLabelText('Passphrase again').getAttribute('aria-invalid')).toBe('true');
    expect(submit.hasAttribute('disabled')).toBe(true);

    await user.clear(screen.getByLabelText('Passphrase again'));
    await user.type(screen.getByLabelText('Passphrase again'), 'correct horse battery staple');
    expect(screen.queryByText('The two passphrases differ.')).toBeNull();
    await user.click(submit);
    await waitFor(() => expect(closed).toBe(true));
    expect(fake.calls.find((c) => c.channel === 'identities.create')?.args).toMatchObject({
      label: 'Priya 2026',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
      organisation: 'Acme',
      withRoot: true,
      passphrase: 'correct horse battery staple',
    });
  });
});
