import { SscpError } from '../errors';
import { MONTH_NAMES, isIsoDate, isRealDate, joinIsoDate, localIsoDate, splitIsoDate } from '../domain/dates';
import type { IsoDate } from '../domain/types';

/**
 * How the app shows and reads calendar dates: the one formatter and parser for every date on
 * screen and in every date box. The stored value is always `YYYY-MM-DD`; only what a person sees
 * and types follows this. The pack and the CLI do not: they keep their fixed, documented forms
 * (`1 March 2026` in the pack, `YYYY-MM-DD` on the command line), so a recipient reads the same
 * pack whatever the SRO's locale.
 */

/** The choices in Settings. `auto` follows the system's regional format when it is clear. */
export const DATE_FORMAT_SETTINGS = ['auto', 'day-month-year', 'iso', 'day-first', 'month-first'] as const;
export type DateFormatSetting = (typeof DATE_FORMAT_SETTINGS)[number];

/** What is used when nothing is set, or a stored value is not one of the choices. */
export const DEFAULT_DATE_FORMAT: DateFormatSetting = 'auto';

export type NumericOrder = 'dmy' | 'mdy';
export type DateSeparator = '/' | '.' | '-';

/** A date format resolved for showing: the setting, with `auto` decided from the locale. */
export type DateStyle =
  | { readonly kind: 'day-month-year' }
  | { readonly kind: 'iso' }
  | { readonly kind: 'numeric'; readonly order: NumericOrder; readonly separator: DateSeparator };

const DAY_MONTH_YEAR: DateStyle = { kind: 'day-month-year' };
const ISO: DateStyle = { kind: 'iso' };

export function isDateFormatSetting(value: unknown): value is DateFormatSetting {
  return typeof value === 'string' && (DATE_FORMAT_SETTINGS as readonly string[]).includes(value);
}

/**
 * The numeric form a locale writes dates in, or null when it is not clear: a locale with no
 * region ("en" is 1/3 in London and 3/1 in New York), one this runtime does not know, or one
 * whose numeric order is neither day-first, month-first nor year-first.
 */
function localeStyle(locale: string): DateStyle | null {
  let parts: Intl.DateTimeFormatPart[];
  try {
    if (!new Intl.Locale(locale).region) return null;
    // Intl falls back to another locale without saying so: only a locale it knows is used.
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return null;
    parts = new Intl.DateTimeFormat(locale, {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
      // The order and separator of the locale, in the calendar and digits the app writes.
      calendar: 'gregory',
      numberingSystem: 'latn',
    }).formatToParts(Date.UTC(2026, 2, 1));
  } catch {
    return null;
  }
  const order = parts
    .filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year')
    .map((p) => p.type[0])
    .join('');
  if (order === 'ymd') return ISO;
  if (order !== 'dmy' && order !== 'mdy') return null;
  // Numerals other than 0-9 (Arabic, Persian…) or an unusual separator: the written form reads the same.
  const digits = parts.filter((p) => p.type === 'day' || p.type === 'month' || p.type === 'year').every((p) => /^\d+$/.test(p.value));
  const literal = parts.find((p) => p.type === 'literal')?.value.trim();
  if (!digits || (literal !== '/' && literal !== '.' && literal !== '-')) return null;
  return { kind: 'numeric', order, separator: literal };
}

/**
 * The style for a setting: `auto` is the system locale's numeric order where the locale says so
 * (en-GB → 01/03/2026, en-US → 03/01/2026, de-DE → 01.03.2026, a year-first locale → ISO), and
 * `1 Mar 2026` when the locale is unknown or ambiguous.
 */
export function dateStyleFor(setting: DateFormatSetting, locale: string | null | undefined): DateStyle {
  switch (setting) {
    case 'day-month-year':
      return DAY_MONTH_YEAR;
    case 'iso':
      return ISO;
    case 'day-first':
      return { kind: 'numeric', order: 'dmy', separator: '/' };
    case 'month-first':
      return { kind: 'numeric', order: 'mdy', separator: '/' };
    case 'auto':
      return (locale ? localeStyle(locale) : null) ?? DAY_MONTH_YEAR;
  }
}

const MONTHS = MONTH_NAMES.map((name) => name.slice(0, 3));

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A calendar date (`YYYY-MM-DD`) as the style writes it. Anything else is returned as given, never guessed at. */
export function formatDate(date: string, style: DateStyle): string {
  if (!isIsoDate(date)) return date;
  const { year, month, day } = splitIsoDate(date);
  switch (style.kind) {
    case 'day-month-year':
      return `${day} ${MONTHS[month - 1]!} ${String(year).padStart(4, '0')}`;
    case 'iso':
      return date;
    case 'numeric': {
      const [first, second] = style.order === 'dmy' ? [day, month] : [month, day];
      return [pad2(first), pad2(second), String(year).padStart(4, '0')].join(style.separator);
    }
  }
}

/** An instant (ISO 8601) as the local calendar date in the style, and the local time (24-hour). */
export function formatDateTime(instant: string, style: DateStyle): string {
  const moment = new Date(instant);
  if (Number.isNaN(moment.getTime())) return instant;
  return `${formatDate(localIsoDate(moment), style)}, ${pad2(moment.getHours())}:${pad2(moment.getMinutes())}`;
}

/** 1 March 2026 in the style: for a box's placeholder and help. */
export function dateExample(style: DateStyle): string {
  return formatDate('2026-03-01', style);
}

/** How the style asks for a date, for a box's help: "day/month/year, for example 01/03/2026". */
export function describeDateStyle(style: DateStyle): string {
  switch (style.kind) {
    case 'day-month-year':
      return 'Day, month and year, for example 1 Mar 2026, or 2026-03-01.';
    case 'iso':
      return 'Year-month-day, for example 2026-03-01, or 1 Mar 2026.';
    case 'numeric': {
      const parts = style.order === 'dmy' ? ['day', 'month', 'year'] : ['month', 'day', 'year'];
      return `${capitalise(parts.join(style.separator))}, for example ${dateExample(style)}, or 2026-03-01 or 1 Mar 2026.`;
    }
  }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function real(year: number, month: number, day: number): IsoDate | null {
  return isRealDate(year, month, day) && year <= 9999 ? joinIsoDate(year, month, day) : null;
}

function monthNamed(word: string): number | null {
  const w = word.toLowerCase().replace(/\.$/, '');
  if (w.length < 3) return null;
  const i = MONTH_NAMES.findIndex((name) => name.toLowerCase().startsWith(w) || (w === 'sept' && name === 'September'));
  return i >= 0 ? i + 1 : null;
}

const ISO_TYPED = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_TYPED = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/;
const DAY_FIRST_WRITTEN = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?),?\s+(\d{4})$/i;
const MONTH_FIRST_WRITTEN = /^([a-z]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/i;

/** A day and month written both ways round, as a person reads them. */
const readable = (iso: IsoDate) => formatDate(iso, DAY_MONTH_YEAR);

/**
 * Reads a date as a person types it in a box, whatever the style: `YYYY-MM-DD`, a written month
 * (`1 Mar 2026`, `1 March 2026`, `March 1, 2026`), or numbers (`01/03/2026`). Numbers are read in
 * the style's order when it is a numeric one; otherwise they are taken only when they can mean
 * one day (13/03/2026, or 01/01/2026). A date that two orders read as different days, or that is
 * not a real day in the style's order, is refused with both readings: never guessed. A two-digit
 * year is refused. Returns null for an empty box.
 */
export function parseDate(value: string, style: DateStyle, what = 'The date'): IsoDate | null {
  const text = value.trim();
  if (text === '') return null;
  const notReal = () => SscpError.because({ code: 'typed-date-not-real', what, value });

  const iso = ISO_TYPED.exec(text);
  if (iso) return real(Number(iso[1]), Number(iso[2]), Number(iso[3])) ?? throwing(notReal());

  const dayFirst = DAY_FIRST_WRITTEN.exec(text);
  const monthFirst = dayFirst ? null : MONTH_FIRST_WRITTEN.exec(text);
  if (dayFirst || monthFirst) {
    const [dayText, monthText, yearText] = dayFirst
      ? [dayFirst[1]!, dayFirst[2]!, dayFirst[3]!]
      : [monthFirst![2]!, monthFirst![1]!, monthFirst![3]!];
    const month = monthNamed(monthText);
    if (month !== null) return real(Number(yearText), month, Number(dayText)) ?? throwing(notReal());
  }

  const numeric = NUMERIC_TYPED.exec(text);
  if (numeric) {
    const [a, b, yearText] = [Number(numeric[1]), Number(numeric[3]), numeric[4]!];
    if (yearText.length !== 4) {
      throw SscpError.because({ code: 'typed-date-short-year', what, value, digits: yearText.length, example: dateExample(style) });
    }
    const year = Number(yearText);
    const asDayFirst = real(year, b, a);
    const asMonthFirst = real(year, a, b);
    if (style.kind === 'numeric') {
      const chosen = style.order === 'dmy' ? asDayFirst : asMonthFirst;
      if (chosen) return chosen;
      const other = style.order === 'dmy' ? asMonthFirst : asDayFirst;
      throw SscpError.because({
        code: 'typed-date-not-in-order',
        what,
        value,
        order: style.order,
        otherReading: other ? readable(other) : null,
        example: dateExample(style),
      });
    }
    if (asDayFirst && asMonthFirst && asDayFirst !== asMonthFirst) {
      throw SscpError.because({ code: 'typed-date-ambiguous', what, value, readings: [readable(asDayFirst), readable(asMonthFirst)] });
    }
    return asDayFirst ?? asMonthFirst ?? throwing(notReal());
  }

  throw SscpError.because({
    code: 'typed-date-unreadable',
    what,
    value,
    example: dateExample(style),
    alternative: style.kind === 'day-month-year' ? '2026-03-01' : '1 Mar 2026',
  });
}

function throwing(e: Error): never {
  throw e;
}
