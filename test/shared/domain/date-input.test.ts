import { describe, expect, it } from 'vitest';
import { formatShortDate, parseDateInput } from '../../../shared/domain/dates';

describe('dates as people type and read them', () => {
  it('shows a date the same to every reader: 1 Mar 2026', () => {
    expect(formatShortDate('2026-03-01')).toBe('1 Mar 2026');
    expect(formatShortDate('2026-12-31')).toBe('31 Dec 2026');
  });

  it('reads ISO and day-month-name-year, and nothing for an empty box', () => {
    expect(parseDateInput('2026-03-01')).toBe('2026-03-01');
    expect(parseDateInput(' 1 Mar 2026 ')).toBe('2026-03-01');
    expect(parseDateInput('1 march 2026')).toBe('2026-03-01');
    expect(parseDateInput('29 Feb 2028')).toBe('2028-02-29');
    expect(parseDateInput('')).toBeNull();
  });

  it('refuses slashed dates, whose meaning depends on the reader, and days that do not exist', () => {
    expect(() => parseDateInput('01/03/2026')).toThrow(/without doubt/);
    expect(() => parseDateInput('30 Feb 2026')).toThrow(/not a real calendar day/);
    expect(() => parseDateInput('1 Ma 2026')).toThrow(/without doubt/);
    expect(() => parseDateInput('2026-02-30')).toThrow(/not a real calendar day/);
  });
});
