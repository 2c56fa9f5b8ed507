// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StatusBar } from '../../renderer/components/StatusBar';
import { ContributeScreen } from '../../renderer/screens/contributions/ContributeScreen';
import { useIdentities } from '../../renderer/stores/identities';
import { installFakeApi, type FakeApi } from './fake-api';
import { makeIdentity } from './fixtures';

const bob = makeIdentity({
  label: 'bob',
  algorithm: 'p256',
  fingerprint: 'ab'.repeat(32),
  subject: { commonName: 'Bob Builder', title: 'Engineer', organisation: 'Acme' },
});

describe('the Contribute screen', () => {
  let fake: FakeApi;
  beforeEach(() => {
    useIdentities.setState({ items: [], loaded: false });
    fake = installFakeApi();
    fake.answer('identities.list', () => [bob]);
  });
  afterEach(cleanup);

  it('chooses claims, writes, attaches, signs with the identity and saves where the dialog says', async () => {
    render(
      <>
        <ContributeScreen />
        <StatusBar />
      </>,
    );
    await screen.findByRole('option', { name: /bob \(Bob Builder\)/ });
    await userEvent.type(screen.getByLabelText('Organisation'), 'Acme Ltd');
    await userEvent.selectOptions(screen.getByLabelText('Claims (what you write applies to each)'), ['1.2.1', '1.2.2']);
    await userEvent.selectOptions(screen.getByLabelText('Result'), 'met');
    await userEvent.type(screen.getByLabelText('Evidence'), 'SBOM from CI');
    fake.answer('dialogs.openEvidenceFiles', () => ({ paths: ['/work/sbom.json'] }));
    await userEvent.click(screen.getByRole('button', { name: 'Attach files…' }));
    await screen.findByText('/work/sbom.json');
    const sign = screen.getByRole('button', { name: 'Sign and save…' });
    expect(sign.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('Passphrase'), 'correct horse battery staple');
    fake.answer('dialogs.saveFile', () => ({ path: '/out/c.sscp-contribution' }));
    fake.answer('contributions.create', () => ({ jobId: 'c' }));
    await userEvent.click(sign);
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'contributions.create')).toBe(true));
    expect(screen.getByTestId('work-label').textContent).toBe('Signing and saving the contribution c.sscp-contribution');
    expect(fake.calls.find((c) => c.channel === 'contributions.create')?.args).toEqual({
      organisation: 'Acme Ltd',
      claims: [
        { claimId: '1.2.1', result: 'met', evidenceText: 'SBOM from CI' },
        { claimId: '1.2.2', result: 'met', evidenceText: 'SBOM from CI' },
      ],
      filePaths: ['/work/sbom.json'],
      identityLabel: 'bob',
      passphrase: 'correct horse battery staple',
      outPath: '/out/c.sscp-contribution',
    });
    fake.emit('jobs.done', {
      jobId: 'c',
      result: {
        ok: true,
        value: {
          path: '/out/c.sscp-contribution',
          contributionId: 'u',
          sha256: 'cd'.repeat(32),
          contributor: 'Bob Builder',
          signerFingerprint: 'ab'.repeat(32),
          claims: ['1.2.1', '1.2.2'],
          files: 1,
        },
      },
    });
    expect(await screen.findByText('Signed contribution saved.')).toBeTruthy();
    expect(document.body.textContent).toContain('· 1 file ·');
    expect(screen.queryByTestId('work-label')).toBeNull();
  });
});
