import { formatShortDate } from '../../shared/domain/dates';

export { formatBytes } from '../../shared/format/bytes';

/** The first 12 hex digits: enough for a person to compare two files by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

/** Every date the app shows: `1 Mar 2026`, the same to every reader whatever their locale. */
export function formatDate(date: string | null | undefined, empty = '—'): string {
  return date ? formatShortDate(date) : empty;
}

/** An instant shown as the local date and time. */
export function formatInstant(instant: string): string {
  const d = new Date(instant);
  return Number.isNaN(d.getTime()) ? instant : d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}

export function formatPeriod(start: string | null, end: string | null): string {
  if (!start && !end) return 'No period set';
  return `${formatDate(start, '…')} – ${formatDate(end, '…')}`;
}

export function percent(done: number, total: number): number {
  return total <= 0 ? 0 : Math.min(100, Math.round((done * 100) / total));
}
