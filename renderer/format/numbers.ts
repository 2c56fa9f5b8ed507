import { formatUkDate } from '../../shared/domain/dates';

/** 1.2 MB, 340 KB, 12 bytes: how a file manager would say it. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${value < 10 ? value.toFixed(1) : Math.round(value)} ${units[unit]}`;
}

/** The first 12 hex digits: enough for a person to compare two files by eye. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

export function formatDate(date: string | null | undefined, empty = '—'): string {
  return date ? formatUkDate(date) : empty;
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
