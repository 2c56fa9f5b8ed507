import { formatDate as formatInStyle, formatDateTime } from '../../shared/format/dates';
import { localIsoDate } from '../../shared/domain/dates';
import { currentDateStyle } from './dates';

export { formatBytes } from '../../shared/format/bytes';

/** The first 12 hex digits: enough for a person to compare two files by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/**
 * Every calendar date the app shows, in the date format chosen in Settings (shared/format/dates.ts);
 * `empty` for none. The App re-renders everything when the setting changes.
 */
export function formatDate(date: string | null | undefined, empty = '—'): string {
  return date ? formatInStyle(date, currentDateStyle()) : empty;
}

/** An instant shown as the local date, in the chosen format, and time. */
export function formatInstant(instant: string): string {
  return formatDateTime(instant, currentDateStyle());
}

/** The local calendar day of an instant, in the chosen format, without the time. */
export function formatInstantDate(instant: string): string {
  const moment = new Date(instant);
  return Number.isNaN(moment.getTime()) ? instant : formatDate(localIsoDate(moment));
}

export function formatPeriod(start: string | null, end: string | null): string {
  if (!start && !end) return 'No period set';
  return `${formatDate(start, '…')} – ${formatDate(end, '…')}`;
}

export function percent(done: number, total: number): number {
  return total <= 0 ? 0 : Math.min(100, Math.round((done * 100) / total));
}
