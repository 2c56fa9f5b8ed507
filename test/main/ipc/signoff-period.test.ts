import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { appHintOf } from '../../setup/error-words';
import { ipcHarness } from './ipc-harness';

/** The app's sign job on 15 June 2026 (the store's clock, set here): the period rules hold there too. */
describe('the app signs a period only once it has started, and one not yet ended only when the SRO confirms', () => {
  const { result: call, runJob, session, grants } = ipcHarness();
  const passphrase = 'correct horse battery staple 2026';
  let dir: string;

  async function assessment(periodStart: string, periodEnd: string): Promise<string> {
    const fields = {
      organisation: 'Acme',
      products: [],
      role: 'developer-distributor',
      theme3InScope: false,
      periodStart,
      periodEnd,
      sroName: 'Priya Raman',
      sroRole: 'CTO',
    };
    const created = await call<{ id: string }>('assessments.create', fields);
    if (!created.ok) throw new Error(created.error.message);
    return created.value.id;
  }
  function sign(assessmentId: string, outPath: string, signBeforePeriodEnd?: boolean) {
    grants.grant(outPath, 'write');
    return runJob('packs.export', {
      assessmentId,
      identityLabel: 'Priya',
      passphrase,
      outPath,
      profile: 'customer',
      acceptExceptions: true,
      ...(signBeforePeriodEnd === undefined ? {} : { signBeforePeriodEnd }),
    });
  }

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-06-15T12:00:00'));
    dir = await mkdtemp(join(tmpdir(), 'sscp-ipc-period-'));
    const dbPath = join(dir, 'a.sscp');
    grants.grant(dbPath, 'database');
    expect(await call('workspace.open', { dbPath })).toMatchObject({ ok: true });
    expect(
      await call('identities.create', {
        label: 'Priya',
        sroName: 'Priya Raman',
        sroRole: 'CTO',
        organisation: 'Acme',
        withRoot: false,
        passphrase,
      }),
    ).toMatchObject({ ok: true });
  });
  afterAll(async () => {
    vi.useRealTimers();
    session.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a period that has not started, even with exceptions accepted and early signing confirmed', async () => {
    const id = await assessment('2026-07-01', '2027-06-30');
    const out = join(dir, 'future.pdf');
    const r = await sign(id, out, true);
    expect(r).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!r.ok) {
      expect(r.error.message).toContain('starts on 1 July 2026, after today');
      expect(appHintOf(r.error)).not.toMatch(/--|sscp /);
    }
    expect(existsSync(out)).toBe(false);
  });

  it('signs a period not yet ended only with signBeforePeriodEnd, and the written pack verifies as certified', async () => {
    const id = await assessment('2026-01-01', '2026-12-31');
    const out = join(dir, 'early.pdf');
    const refused = await sign(id, out);
    expect(refused).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    if (!refused.ok) {
      expect(refused.error.message).toContain('runs until 31 December 2026');
      // The app shows this hint: no command or flag in it.
      expect(appHintOf(refused.error)).toBe(
        'Sign once the period has ended, or confirm that you are signing before it ends: the pack then says so on its cover and in the attestation.',
      );
    }
    expect(existsSync(out)).toBe(false);
    const signed = await sign(id, out, true);
    expect(signed.ok, signed.ok ? '' : signed.error.message).toBe(true);
    if (!signed.ok) return;
    expect(signed.value.warnings).toContain(
      'Signed before the assessment period ends (31 December 2026), as you confirmed; the pack says so.',
    );
    expect(signed.value.verification.certification).toEqual({
      certified: true,
      permission: 1,
      meaning: 'no changes of any kind are allowed',
    });
  });
});
