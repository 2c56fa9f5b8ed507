import { describe, expect, it } from 'vitest';
import { isSscpError } from '../../../shared/errors';
import { appHintOf } from '../../setup/error-words';
import {
  DATE_FORMAT_SETTINGS,
  dateStyleFor,
  describeDateStyle,
  formatDate,
  formatDateTime,
  isDateFormatSetting,
  parseDate,
  type DateStyle,
} from '../../../shared/format/dates';

const auto = (locale: string | null) => dateStyleFor('auto', locale);

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (isSscpError(e)) return `${e.message} | ${appHintOf(e) ?? ''}`;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the date format setting, resolved from the locale', () => {
  it('follows the system locale where it says the order, and writes the month as a word where it does not', () => {
    const shown = (locale: string | null) => formatDate('2026-03-01', auto(locale));
    expect(shown('en-GB')).toBe('01/03/2026');
    expect(shown('en-US')).toBe('03/01/2026');
    expect(shown('de-DE')).toBe('01.03.2026');
    expect(shown('nl-NL')).toBe('01-03-2026');
    expect(shown('en-IN')).toBe('01/03/2026');
    // Year-first locales get ISO, which reads the same everywhere.
    expect(shown('ja-JP')).toBe('2026-03-01');
    expect(shown('sv-SE')).toBe('2026-03-01');
    expect(shown('en-CA')).toBe('2026-03-01');
    // A language without a region is ambiguous ("en": London or New York); unknown or none: the written form.
    expect(shown('en')).toBe('1 Mar 2026');
    expect(shown('fr')).toBe('1 Mar 2026');
    expect(shown('xx-YY')).toBe('1 Mar 2026');
    expect(shown('not a locale')).toBe('1 Mar 2026');
    expect(shown('')).toBe('1 Mar 2026');
    expect(shown(null)).toBe('1 Mar 2026');
    // Another calendar or other digits: the order is still the locale's, in the Gregorian year and 0-9.
    expect(shown('th-TH')).toBe('01/03/2026');
    expect(shown('fa-IR')).toBe('2026-03-01');
  });

  it('gives each explicit choice whatever the locale', () => {
    for (const locale of ['en-GB', 'en-US', null]) {
      expect(formatDate('2026-03-01', dateStyleFor('day-month-year', locale))).toBe('1 Mar 2026');
      expect(formatDate('2026-03-01', dateStyleFor('iso', locale))).toBe('2026-03-01');
      expect(formatDate('2026-03-01', dateStyleFor('day-first', locale))).toBe('01/03/2026');
      expect(formatDate('2026-03-01', dateStyleFor('month-first', locale))).toBe('03/01/2026');
    }
    expect(DATE_FORMAT_SETTINGS.every(isDateFormatSetting)).toBe(true);
    expect(isDateFormatSetting('dd/mm/yyyy')).toBe(false);
    expect(isDateFormatSetting(undefined)).toBe(false);
  });

  it('shows what is not a calendar date as it is, and an instant as the local day and time', () => {
    const style = dateStyleFor('iso', null);
    expect(formatDate('2026-02-30', style)).toBe('2026-02-30');
    expect(formatDate('soon', style)).toBe('soon');
    const instant = new Date(2026, 2, 1, 9, 5).toISOString();
    expect(formatDateTime(instant, dateStyleFor('day-first', null))).toBe('01/03/2026, 09:05');
    expect(formatDateTime(instant, dateStyleFor('day-month-year', null))).toBe('1 Mar 2026, 09:05');
    expect(formatDateTime('not a time', style)).toBe('not a time');
  });
});

describe('reading a typed date', () => {
  const styles: Record<string, DateStyle> = {
    written: dateStyleFor('day-month-year', null),
    iso: dateStyleFor('iso', null),
    dayFirst: dateStyleFor('day-first', null),
    monthFirst: dateStyleFor('month-first', null),
    german: auto('de-DE'),
  };

  it('reads ISO and a written month in every style, and an empty box as no date', () => {
    for (const style of Object.values(styles)) {
      expect(parseDate('2026-03-01', style)).toBe('2026-03-01');
      expect(parseDate(' 1 Mar 2026 ', style)).toBe('2026-03-01');
      expect(parseDate('1 march 2026', style)).toBe('2026-03-01');
      expect(parseDate('March 1, 2026', style)).toBe('2026-03-01');
      expect(parseDate('1st Sept 2026', style)).toBe('2026-09-01');
      expect(parseDate('29 Feb 2028', style)).toBe('2028-02-29');
      expect(parseDate('', style)).toBeNull();
      expect(parseDate('   ', style)).toBeNull();
    }
  });

  it('reads numbers in the order the numeric format says, and round-trips what it shows', () => {
    expect(parseDate('01/03/2026', styles.dayFirst!)).toBe('2026-03-01');
    expect(parseDate('1/3/2026', styles.dayFirst!)).toBe('2026-03-01');
    expect(parseDate('01/03/2026', styles.monthFirst!)).toBe('2026-01-03');
    expect(parseDate('01.03.2026', styles.german!)).toBe('2026-03-01');
    for (const style of Object.values(styles)) {
      for (const iso of ['2026-03-01', '2026-12-31', '2028-02-29', '0999-01-13']) {
        expect(parseDate(formatDate(iso, style), style)).toBe(iso);
      }
    }
  });

  it('does not guess a numeric date that two orders read as different days', () => {
    for (const style of [styles.written!, styles.iso!]) {
      expect(refusal(() => parseDate('01/03/2026', style))).toMatch(/could be 1 Mar 2026 or 3 Jan 2026: the app does not guess which/);
      // Only one reading is a real day, or both read the same: no doubt.
      expect(parseDate('13/03/2026', style)).toBe('2026-03-13');
      expect(parseDate('03/13/2026', style)).toBe('2026-03-13');
      expect(parseDate('05.05.2026', style)).toBe('2026-05-05');
    }
    // In a numeric format, a date that is not a real day in its order is refused, never read the other way round.
    expect(refusal(() => parseDate('03/25/2026', styles.dayFirst!))).toBe(
      'The date "03/25/2026" is not a real day read day first (day/month/year), as your date format in Settings says; month first it would be 25 Mar 2026, which the app does not guess. | Write it as 01/03/2026, or as 1 Mar 2026.',
    );
    expect(refusal(() => parseDate('25/03/2026', styles.monthFirst!))).toMatch(
      /month first \(month\/day\/year\).*day first it would be 25 Mar 2026/,
    );
  });

  it('refuses what is not a real day, a short year, or not a date, saying how to write it in the chosen format', () => {
    expect(refusal(() => parseDate('30 Feb 2026', styles.written!))).toMatch(/not a real calendar day/);
    expect(refusal(() => parseDate('2026-02-30', styles.iso!))).toMatch(/not a real calendar day/);
    expect(refusal(() => parseDate('31/02/2026', styles.written!))).toMatch(/not a real calendar day/);
    expect(refusal(() => parseDate('01/03/26', styles.dayFirst!, 'The due date'))).toBe(
      'The due date "01/03/26" has a 2-digit year. | Write the year with four digits, for example 01/03/2026.',
    );
    expect(refusal(() => parseDate('1 Ma 2026', styles.written!))).toMatch(/cannot read without doubt|can read without doubt/);
    expect(refusal(() => parseDate('next Tuesday', styles.german!))).toBe(
      'The date "next Tuesday" is not a date this app can read without doubt. | Write it as 01.03.2026, or as 1 Mar 2026.',
    );
  });

  it('describes each style for a date box', () => {
    expect(describeDateStyle(styles.dayFirst!)).toBe('Day/month/year, for example 01/03/2026, or 2026-03-01 or 1 Mar 2026.');
    expect(describeDateStyle(styles.monthFirst!)).toBe('Month/day/year, for example 03/01/2026, or 2026-03-01 or 1 Mar 2026.');
    expect(describeDateStyle(styles.written!)).toBe('Day, month and year, for example 1 Mar 2026, or 2026-03-01.');
  });
});
