// @vitest-environment jsdom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PackImportPreviewView, VerificationView } from '../../shared/ipc/views-signing';
import { ImportScreen } from '../../renderer/screens/import/ImportScreen';
import { installFakeApi, type FakeApi } from './fake-api';

function verification(overrides: Partial<VerificationView>): VerificationView {
  return {
    valid: true,
    trusted: false,
    trust: { status: 'unknown', trustedBy: [], ownIdentity: null, message: 'Nothing establishes who the signer is.' },
    summary: 'Valid: signed by Priya Raman, and nothing has changed since.',
    problems: [],
    warnings: [],
    checks: [{ id: 'digest', outcome: 'pass', message: 'The signed bytes match the signature.' }],
    signer: { commonName: 'Priya Raman', title: 'CTO', organisation: 'Acme', fingerprint: 'ab'.repeat(32) },
    fingerprint: 'ab'.repeat(32),
    signedAt: '2026-11-22T15:00:00.000Z',
    certification: { certified: true, permission: 1, meaning: 'no changes of any kind are allowed' },
    packId: 'p1',
    profile: 'customer',
    files: [],
    fileSize: 1000,
    ...overrides,
  };
}

function preview(v: VerificationView): PackImportPreviewView {
  return {
    file: { path: '/in/pack.pdf', name: 'pack.pdf', size: 1000, sha256: 'cd'.repeat(32) },
    verification: v,
    packId: 'p1',
    profile: 'customer',
    signedAt: v.signedAt,
    assessment: {
      organisation: 'Acme',
      products: [],
      role: 'developer-distributor',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      sroName: 'Priya Raman',
      sroRole: 'CTO',
      catalog: 'uk-sscp 2025.1',
      claims: 45,
      results: { 'not-assessed': 40, met: 3, 'partially-met': 1, 'not-met': 1, 'not-applicable': 0 },
      actions: 1,
      evidenceFiles: 2,
      evidenceWithheld: 0,
    },
    alreadyImported: null,
    renamed: [],
    cleaned: [],
  };
}

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
