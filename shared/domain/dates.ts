import { SscpError } from '../errors';
import type { IsoDate } from './types';

/**
 * Calendar dates as `YYYY-MM-DD` strings, checked against the real calendar.
 * Arithmetic uses whole day numbers (days since 1970-01-01), never `Date`, so time zones
 * and daylight saving cannot shift a date by one.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isRealDate(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** True only for a `YYYY-MM-DD` string naming a day that exists (so not 2026-02-30). */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  return m !== null && isRealDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

/**
 * Checks a `YYYY-MM-DD` date and returns it unchanged.
 * @param what names the field in the error, e.g. "The expiry date".
 */
export function parseIsoDate(value: string, what = 'The date'): IsoDate {
  const trimmed = value.trim();
  if (isIsoDate(trimmed)) return trimmed;
  throw SscpError.because({ code: ISO_DATE.test(trimmed) ? 'date-not-real' : 'date-not-iso', what, value });
}

export function splitIsoDate(date: IsoDate): { year: number; month: number; day: number } {
  const iso = parseIsoDate(date);
  return { year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

export function joinIsoDate(year: number, month: number, day: number): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

// Days from civil date and back: H. Hinnant's algorithms, exact for the proleptic Gregorian calendar.
function toDayNumber(date: IsoDate): number {
  const { year, month, day } = splitIsoDate(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(days: number): IsoDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 1 || year > 9999) {
    throw SscpError.because({ code: 'date-out-of-range' });
  }
  return joinIsoDate(year, month, day);
}

/** Negative when `a` is earlier than `b`, zero when the same day, positive when later. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(toDayNumber(a) - toDayNumber(b));
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw SscpError.because({ code: 'days-not-whole', days: String(days) });
  return fromDayNumber(toDayNumber(date) + days);
}

/** Whole days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The calendar date of a moment as seen on this computer's clock (the user's "today"). */
export function localIsoDate(moment: Date): IsoDate {
  return joinIsoDate(moment.getFullYear(), moment.getMonth() + 1, moment.getDate());
}

/**
 * Reads a UK date, `dd/mm/yyyy` (the official Word form's "Date Completed"); one-digit day
 * and month are accepted because people type them.
 */
export function parseUkDate(value: string, what = 'The date'): IsoDate {
  const m = UK_DATE.exec(value.trim());
  if (m && isRealDate(Number(m[3]), Number(m[2]), Number(m[1]))) return joinIsoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  throw SscpError.because({ code: m ? 'uk-date-not-real' : 'uk-date-not-uk', what, value });
}

/** The months in English, as the pack and every date a person reads name them. */
export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * `2026-03-01` → `1 March 2026`: the form every reader takes the same way (01/03/2026 is
 * January to a North American reader). The pack and every message it may quote use it.
 */
export function formatLongDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date);
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** `2026-03-31` → `31/03/2026`, as the official form writes dates. */
export function formatUkDate(date: IsoDate): string {
  const { year, month, day } = splitIsoDate(date);
  return `${pad(day, 2)}/${pad(month, 2)}/${pad(year, 4)}`;
}
