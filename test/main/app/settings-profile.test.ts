import { describe, expect, it } from 'vitest';
import { checkedProfile, storedProfile } from '../../../main/app/settings-profile';
import { validateRequest } from '../../../main/ipc/validate';
import { appActor, osAccountActor } from '../../../main/services/actor';
import { isSscpError } from '../../../shared/errors';
import { appHintOf } from '../../setup/error-words';

function refusal(fn: () => unknown): { message: string; hint?: string } {
  try {
    fn();
  } catch (e) {
    if (isSscpError(e)) return { message: e.message, hint: appHintOf(e) };
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the local profile', () => {
  it('is checked by the contract before main sees it, field by field, in words for the app', () => {
    const ok = validateRequest('settings.update', { profile: { name: ' Priya Raman ', role: 'CTO', email: '' } });
    expect(ok.args).toEqual({ profile: { name: ' Priya Raman ', role: 'CTO', email: '' } });
    expect(
      refusal(() => validateRequest('settings.update', { profile: { name: 'Priya\u202eRaman', role: 'CTO', email: '' } })).message,
    ).toBe('Some of the details sent were not valid (profile.name): Your name contains a control character (such as a line break or tab).');
    expect(refusal(() => validateRequest('settings.update', { profile: { name: 'Priya', role: '', email: '' } })).message).toContain(
      '(profile.role): Your role is empty.',
    );
    expect(
      refusal(() => validateRequest('settings.update', { profile: { name: 'Priya', role: 'CTO', email: 'priya' } })).message,
    ).toContain('does not look like an email address');
    expect(
      refusal(() => validateRequest('settings.update', { profile: { name: 'x'.repeat(101), role: 'CTO', email: '' } })).message,
    ).toContain('longer than 100 characters');
  });

  it('is saved trimmed, and main refuses a bad one even if it got past the contract', () => {
    expect(checkedProfile({ name: ' Priya Raman ', role: ' CTO', email: ' priya@example.com ' })).toEqual({
      name: 'Priya Raman',
      role: 'CTO',
      email: 'priya@example.com',
    });
    const r = refusal(() => checkedProfile({ name: 'Priya\nRaman', role: 'CTO', email: '' }));
    expect(r.message).toBe('Your name contains a control character (such as a line break or tab).');
    expect(r.hint).not.toMatch(/sscp|--/);
  });

  it('read back from a hand-edited settings file counts as not set when it breaks the rule', () => {
    expect(storedProfile({ name: 'Priya Raman', role: 'CTO', email: '' })).toEqual({ name: 'Priya Raman', role: 'CTO', email: '' });
    expect(storedProfile({ name: 'Priya Raman', role: 'CTO' })).toEqual({ name: 'Priya Raman', role: 'CTO', email: '' });
    expect(storedProfile({ name: 'Priya\u0000', role: 'CTO', email: '' })).toBeNull();
    expect(storedProfile({ name: 42, role: 'CTO', email: '' })).toBeNull();
    expect(storedProfile('Priya')).toBeNull();
    expect(storedProfile(null)).toBeNull();
  });

  it('is who the app records; before one is set, the operating-system account, and never a guess', () => {
    expect(appActor({ name: 'Priya Raman', role: 'CTO', email: '' }, () => 'priya')).toEqual({
      name: 'Priya Raman',
      role: 'CTO',
      source: 'profile',
    });
    expect(appActor(null, () => 'priya')).toEqual({ name: 'priya', source: 'os-account' });
    expect(
      osAccountActor(() => {
        throw new Error('ENOENT: no passwd entry');
      }),
    ).toEqual({ name: '', source: 'unknown' });
  });
});
