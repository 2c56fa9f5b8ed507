// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { VerificationView } from '../../shared/ipc/views-signing';
import { ImportScreen } from '../../renderer/screens/import/ImportScreen';
import { installFakeApi, type FakeApi } from './fake-api';
import { makePackPreview, makeVerification } from './fixtures';

const verification = makeVerification;
const preview = makePackPreview;

describe('importing a pack', () => {
  let fake: FakeApi;
  beforeEach(() => {
    fake = installFakeApi();
    fake.answer('dialogs.chooseFile', () => ({ path: '/in/pack.pdf' }));
    fake.answer('packs.previewImport', () => ({ jobId: 'p' }));
  });
  afterEach(cleanup);

  async function choosePack(v: VerificationView) {
    render(<ImportScreen />);
    await userEvent.type(screen.getByLabelText("Signer's published fingerprint (optional)"), 'AB'.repeat(32));
    await userEvent.click(screen.getByRole('button', { name: 'Choose a pack…' }));
    await waitFor(() => expect(fake.calls.some((c) => c.channel === 'packs.previewImport')).toBe(true));
    fake.emit('jobs.done', { jobId: 'p', result: { ok: true, value: preview(v) } });
  }

  it('shows the verification first and refuses to import a pack that does not verify', async () => {
    await choosePack(
      verification({
        valid: false,
        summary: 'The file was changed after signing.',
        problems: ['Embedded file policy.pdf does not match.'],
      }),
    );
    expect(await screen.findByText('This pack does not verify.')).toBeTruthy();
    expect(screen.getByText('Embedded file policy.pdf does not match.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Import this pack' }).hasAttribute('disabled')).toBe(true);
    expect(fake.calls.find((c) => c.channel === 'packs.previewImport')?.args).toEqual({
      path: '/in/pack.pdf',
      fingerprint: 'AB'.repeat(32),
    });
  });

  it('imports a pack from a trusted signer straight away, with the fingerprint given', async () => {
    await choosePack(
      verification({
        trusted: true,
        trust: { status: 'trusted', trustedBy: ['pinned-fingerprint'], ownIdentity: null, message: 'Matches.' },
      }),
    );
    expect(await screen.findByText('Signature valid and signer trusted.')).toBeTruthy();
    fake.answer('packs.import', () => ({ jobId: 'i' }));
    fake.answer('assessments.list', () => []);
    await userEvent.click(screen.getByRole('button', { name: 'Import this pack' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'packs.import')?.args).toEqual({ path: '/in/pack.pdf', fingerprint: 'AB'.repeat(32) }),
    );
  });

  it('asks before importing from a signer nothing vouches for, showing the fingerprint to compare; cancel imports nothing', async () => {
    await choosePack(
      verification({
        trusted: false,
        fingerprint: 'ef'.repeat(32),
        signer: { commonName: 'Priya Raman', title: 'CTO', organisation: 'Acme', fingerprint: 'ef'.repeat(32) },
      }),
    );
    expect(await screen.findByText('Signature valid; the signer is not yet trusted.')).toBeTruthy();
    expect(screen.getByText(/Ask the organisation for the signer's certificate fingerprint by another channel/)).toBeTruthy();
    fake.answer('packs.import', () => ({ jobId: 'i' }));
    fake.answer('assessments.list', () => []);
    await userEvent.click(screen.getByRole('button', { name: 'Import this pack' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Import from a signer nothing vouches for?');
    expect(dialog.textContent).toContain(`SHA-256 ${'efef '.repeat(15)}efef`);
    expect(dialog.textContent).toContain('obtained from Acme by another channel');
    expect(dialog.textContent).not.toMatch(/--|sscp /);
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(fake.calls.some((c) => c.channel === 'packs.import')).toBe(false);

    await userEvent.click(screen.getByRole('button', { name: 'Import this pack' }));
    await userEvent.click(await screen.findByRole('button', { name: 'The fingerprints match: import as unverified' }));
    await waitFor(() =>
      expect(fake.calls.find((c) => c.channel === 'packs.import')?.args).toEqual({
        path: '/in/pack.pdf',
        fingerprint: 'AB'.repeat(32),
        acceptUntrustedSigner: 'ef'.repeat(32),
      }),
    );
  });
});
