import { describe, expect, it } from 'vitest';
import { cliHintOf } from '../../setup/error-words';
import {
  addDays,
  compareIsoDates,
  daysBetween,
  formatUkDate,
  isIsoDate,
  localIsoDate,
  parseIsoDate,
  parseUkDate,
} from '../../../shared/domain/dates';
import { isSscpError } from '../../../shared/errors';

describe('ISO dates', () => {
  it('accepts real calendar days only', () => {
    expect(isIsoDate('2026-02-28')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('2026-02-30')).toBe(false);
    expect(isIsoDate('2026-02-29')).toBe(false);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2026-04-31')).toBe(false);
    expect(isIsoDate('2026-13-01')).toBe(false);
    expect(isIsoDate('2026-00-10')).toBe(false);
    expect(isIsoDate('0000-01-01')).toBe(false);
  });

  it('rejects anything not exactly YYYY-MM-DD', () => {
    for (const bad of ['2026-1-05', '26-01-05', '2026/01/05', '2026-01-05T00:00:00Z', ' 2026-01-05', '', '２０２６-01-05']) {
      expect(isIsoDate(bad), bad).toBe(false);
    }
    expect(isIsoDate(20260105)).toBe(false);
  });

  it('parses with a message that names the field and a hint', () => {
    expect(parseIsoDate(' 2026-03-31 ')).toBe('2026-03-31');
    try {
      parseIsoDate('2026-02-30', 'The expiry date');
      expect.unreachable();
    } catch (e) {
      expect(isSscpError(e) && e.kind).toBe('invalid-input');
      expect((e as Error).message).toBe('The expiry date "2026-02-30" is not a real calendar day.');
      expect(cliHintOf(e)).toMatch(/2026-03-31/);
    }
    expect(() => parseIsoDate('31/03/2026')).toThrow(/not a date in the form YYYY-MM-DD/);
  });

  it('compares and counts days across months, years and leap days', () => {
    expect(compareIsoDates('2026-01-01', '2025-12-31')).toBe(1);
    expect(compareIsoDates('2025-12-31', '2026-01-01')).toBe(-1);
    expect(compareIsoDates('2026-01-01', '2026-01-01')).toBe(0);
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-02-29', 1)).toBe('2024-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(addDays('2026-01-15', 30)).toBe('2026-02-14');
    expect(addDays('2026-01-15', 365)).toBe('2027-01-15');
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2026-03-31', '2026-03-01')).toBe(-30);
    expect(addDays('1970-01-01', 0)).toBe('1970-01-01');
    expect(addDays('1969-12-31', 1)).toBe('1970-01-01');
  });

  it('refuses fractional days and dates beyond year 9999', () => {
    expect(() => addDays('2026-01-01', 1.5)).toThrow(/whole number/);
    expect(() => addDays('9999-12-31', 1)).toThrow(/outside the years/);
    expect(() => addDays('2026-02-30', 1)).toThrow(/not a real calendar day/);
  });

  it('takes the local calendar day of a moment', () => {
    expect(localIsoDate(new Date(2026, 2, 9, 23, 59))).toBe('2026-03-09');
    expect(localIsoDate(new Date(2026, 11, 31, 0, 0))).toBe('2026-12-31');
  });
});

describe('UK dates (dd/mm/yyyy)', () => {
  it("reads the form's dates, including one-digit day and month", () => {
    expect(parseUkDate('31/03/2026')).toBe('2026-03-31');
    expect(parseUkDate('1/3/2026')).toBe('2026-03-01');
    expect(parseUkDate(' 29/02/2024 ')).toBe('2024-02-29');
  });

  it('never reads a date the US way', () => {
    expect(parseUkDate('03/04/2026')).toBe('2026-04-03');
    expect(() => parseUkDate('04/13/2026')).toThrow(/not a real calendar day/);
  });

  it('rejects impossible or malformed dates', () => {
    expect(() => parseUkDate('30/02/2026')).toThrow(/not a real calendar day/);
    expect(() => parseUkDate('2026-03-31')).toThrow(/dd\/mm\/yyyy/);
    expect(() => parseUkDate('31/03/26')).toThrow(/dd\/mm\/yyyy/);
  });

  it('formats with two-digit day and month', () => {
    expect(formatUkDate('2026-03-01')).toBe('01/03/2026');
    expect(parseUkDate(formatUkDate('2025-12-25'))).toBe('2025-12-25');
  });
});
