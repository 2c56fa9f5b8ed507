import { formatLongDate } from '../../../shared/domain/dates';

/**
 * `22 November 2026` from `2026-11-22`, or a dash for no date. The one date style of the
 * pack, tables included: `01/03/2026` would read as January to a North American reader.
 */
export function longDate(date: string | null): string {
  return date ? formatLongDate(date) : '—';
}

/** `22 November 2026, 14:17 UTC`. */
export function instant(at: Date | string): string {
  const d = typeof at === 'string' ? new Date(at) : at;
  const iso = d.toISOString();
  return `${longDate(iso.slice(0, 10))}, ${iso.slice(11, 16)} UTC`;
}

/** Sizes read the same in the pack as in the app and the CLI. */
export { formatBytes as bytes } from '../../../shared/format/bytes';

/** A fingerprint in colon-free groups of four for reading aloud: `ab12 cd34 …`. */
export function groupedHex(hex: string): string {
  return hex.replace(/(.{4})(?=.)/g, '$1 ');
}

/** A SHA-256 as two lines of 32 hex digits: fits a narrow column in small mono type. */
export function hashInTwoLines(hex: string): string {
  return `${hex.slice(0, 32)}\n${hex.slice(32)}`;
}

/** When evidence holds, for a "Valid from / to" column: two dates, one a line. */
export function validity(effective: string | null, expiry: string | null): string {
  return `${longDate(effective)}\n${expiry ? longDate(expiry) : 'no expiry'}`;
}
