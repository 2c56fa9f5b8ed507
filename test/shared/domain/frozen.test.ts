import { describe, expect, it } from 'vitest';
import { frozenReason, stateBeforeArchiving, type FrozenReason } from '../../../shared/domain/frozen';
import { REASON_MESSAGES, wordReason } from '../../../shared/error-reasons';
import { CLI_HINTS } from '../../../main/cli/error-hints';
import { APP_HINTS } from '../../../renderer/ipc/error-hints';

const message = (r: FrozenReason | null) => (r ? wordReason(REASON_MESSAGES, r) : undefined);
const cli = (r: FrozenReason | null) => (r ? wordReason(CLI_HINTS, r) : undefined);
const app = (r: FrozenReason | null) => (r ? wordReason(APP_HINTS, r) : undefined);

describe('frozenReason', () => {
  it('lets a draft be edited', () => {
    expect(frozenReason({ state: 'draft', signedAt: null })).toBeNull();
  });

  it('sends a signed assessment to carry-forward', () => {
    const r = frozenReason({ state: 'signed', signedAt: '2026-11-02T10:00:00.000Z' });
    expect(message(r)).toBe('This assessment was signed on 2026-11-02 and can no longer be changed.');
    expect(cli(r)).toMatch(/^Carry it forward into a new period.*sscp carry-forward/);
    expect(app(r)).toMatch(/^Carry it forward into a new period/);
    expect(app(r)).not.toMatch(/sscp/);
  });

  it('says an archived signed assessment was signed, and still sends it to carry-forward', () => {
    const r = frozenReason({ state: 'archived', signedAt: '2026-11-02T10:00:00.000Z' });
    expect(message(r)).toContain('signed on 2026-11-02 and archived');
    expect(app(r)).toMatch(/^Carry it forward/);
  });

  it('tells an archived draft to unarchive first, not to start over', () => {
    const r = frozenReason({ state: 'archived', signedAt: null });
    expect(message(r)).toContain('draft assessment has been archived');
    expect(cli(r)).toMatch(/^Unarchive it first \(sscp unarchive/);
    expect(app(r)).toMatch(/^Unarchive it first \(Unarchive on the assessments list\)/);
  });
});

describe('the hints, worded by each front end', () => {
  it("name the action in the app's words and never a command to type; the CLI names its command", () => {
    for (const a of [
      { state: 'signed', signedAt: '2026-11-02T10:00:00.000Z' },
      { state: 'archived', signedAt: null },
    ] as const) {
      expect(app(frozenReason(a))).not.toMatch(/sscp|--|\bID\b/);
      expect(cli(frozenReason(a))).toMatch(/sscp (carry-forward|unarchive) ID --db FILE/);
    }
  });
});

describe('frozenReason when signing', () => {
  it('says a signed assessment cannot be signed again, and an archived draft cannot be signed while archived', () => {
    expect(message(frozenReason({ state: 'signed', signedAt: '2026-11-02T10:00:00.000Z' }, 'sign'))).toBe(
      'This assessment was signed on 2026-11-02 and cannot be signed again.',
    );
    expect(message(frozenReason({ state: 'archived', signedAt: null }, 'sign'))).toContain('cannot be signed while archived');
  });
});

describe('stateBeforeArchiving', () => {
  it('is signed exactly when there is a signing time', () => {
    expect(stateBeforeArchiving({ signedAt: '2026-11-02T10:00:00.000Z' })).toBe('signed');
    expect(stateBeforeArchiving({ signedAt: null })).toBe('draft');
  });
});
