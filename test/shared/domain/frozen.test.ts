import { describe, expect, it } from 'vitest';
import { FROZEN_HINT_COMMANDS, frozenReason, stateBeforeArchiving } from '../../../shared/domain/frozen';

describe('frozenReason', () => {
  it('lets a draft be edited', () => {
    expect(frozenReason({ state: 'draft', signedAt: null })).toBeNull();
  });

  it('sends a signed assessment to carry-forward', () => {
    const r = frozenReason({ state: 'signed', signedAt: '2026-11-02T10:00:00.000Z' });
    expect(r?.message).toBe('This assessment was signed on 2026-11-02 and can no longer be changed.');
    expect(r?.hint).toMatch(/^Carry it forward into a new period/);
  });

  it('says an archived signed assessment was signed, and still sends it to carry-forward', () => {
    const r = frozenReason({ state: 'archived', signedAt: '2026-11-02T10:00:00.000Z' });
    expect(r?.message).toContain('signed on 2026-11-02 and archived');
    expect(r?.hint).toMatch(/^Carry it forward/);
  });

  it('tells an archived draft to unarchive first, not to start over', () => {
    const r = frozenReason({ state: 'archived', signedAt: null });
    expect(r?.message).toContain('draft assessment has been archived');
    expect(r?.hint).toMatch(/^Unarchive it first/);
  });
});

describe('the hints, shown by the app and the CLI alike', () => {
  it('name the action in the app\'s words and never a command to type; the CLI has its command for each', () => {
    for (const a of [{ state: 'signed', signedAt: '2026-11-02T10:00:00.000Z' }, { state: 'archived', signedAt: null }] as const) {
      const hint = frozenReason(a)!.hint;
      expect(hint).not.toMatch(/sscp|--|\bID\b/);
      expect(FROZEN_HINT_COMMANDS[hint]).toMatch(/^sscp (carry-forward|unarchive) ID --db FILE$/);
    }
  });
});

describe('frozenReason when signing', () => {
  it('says a signed assessment cannot be signed again, and an archived draft cannot be signed while archived', () => {
    expect(frozenReason({ state: 'signed', signedAt: '2026-11-02T10:00:00.000Z' }, 'sign')?.message).toBe(
      'This assessment was signed on 2026-11-02 and cannot be signed again.',
    );
    expect(frozenReason({ state: 'archived', signedAt: null }, 'sign')?.message).toContain('cannot be signed while archived');
  });
});

describe('stateBeforeArchiving', () => {
  it('is signed exactly when there is a signing time', () => {
    expect(stateBeforeArchiving({ signedAt: '2026-11-02T10:00:00.000Z' })).toBe('signed');
    expect(stateBeforeArchiving({ signedAt: null })).toBe('draft');
  });
});
