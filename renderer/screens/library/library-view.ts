import type { EvidenceLibraryItem } from '../../../shared/ipc/views';

export type SortKey = 'name' | 'claim' | 'type' | 'size' | 'added' | 'expiry' | 'confidentiality';
export type SortDirection = 'ascending' | 'descending';
export interface LibrarySort {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

export type ExpiryFilter = 'any' | 'expired' | 'soon' | 'none';
export type SharingFilter = 'any' | 'confidential' | 'shareable';

export interface LibraryFilters {
  readonly query: string;
  /** A claim id, `unused` for files no claim uses, or `any`. */
  readonly claim: string;
  /** A type label from `fileType`, or `any`. */
  readonly type: string;
  readonly sharing: SharingFilter;
  readonly expiry: ExpiryFilter;
}

export const NO_FILTERS: LibraryFilters = { query: '', claim: 'any', type: 'any', sharing: 'any', expiry: 'any' };

/** "item 2" before "item 10", case and accents aside: how people number their files. */
export const naturalOrder = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

/** Claim ids compare by their numbers too: 1.2.1 before 1.10.1. */
const claimOrder = new Intl.Collator('en', { numeric: true });

/** A short type label from the file name's extension (PDF, DOCX…), or "Other". */
export function fileType(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const ext = dot > 0 ? fileName.slice(dot + 1) : '';
  return /^[A-Za-z0-9]{1,8}$/.test(ext) ? ext.toUpperCase() : 'Other';
}

/** A day as YYYY-MM-DD in local time, `days` from `today`. */
export function isoDay(today: Date, days = 0): string {
  const d = new Date(today.getFullYear(), today.getMonth(), today.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

function matches(entry: EvidenceLibraryItem, f: LibraryFilters, q: string, today: string, soon: string): boolean {
  const { item, usedBy } = entry;
  if (q && !item.fileName.toLowerCase().includes(q) && !item.description.toLowerCase().includes(q)) return false;
  if (f.claim === 'unused' ? usedBy.length > 0 : f.claim !== 'any' && !usedBy.some((u) => u.claimId === f.claim)) return false;
  if (f.type !== 'any' && fileType(item.fileName) !== f.type) return false;
  if (f.sharing !== 'any' && item.confidential !== (f.sharing === 'confidential')) return false;
  const expiry = item.expiryDate;
  if (f.expiry === 'expired' && !(expiry !== null && expiry < today)) return false;
  if (f.expiry === 'soon' && !(expiry !== null && expiry >= today && expiry <= soon)) return false;
  if (f.expiry === 'none' && expiry !== null) return false;
  return true;
}

function compare(a: EvidenceLibraryItem, b: EvidenceLibraryItem, key: SortKey): number {
  switch (key) {
    case 'name':
      return naturalOrder.compare(a.item.fileName, b.item.fileName);
    case 'claim': {
      // Unused files last; otherwise by the first claim that uses each.
      const ca = firstClaim(a);
      const cb = firstClaim(b);
      if (ca === cb) return 0;
      if (ca === null) return 1;
      if (cb === null) return -1;
      return claimOrder.compare(ca, cb);
    }
    case 'type':
      return naturalOrder.compare(fileType(a.item.fileName), fileType(b.item.fileName));
    case 'size':
      return a.item.size - b.item.size;
    case 'added':
      return a.item.addedAt < b.item.addedAt ? -1 : a.item.addedAt > b.item.addedAt ? 1 : 0;
    case 'expiry': {
      // Files that never expire sort after every date.
      const ea = a.item.expiryDate ?? '9999-99-99';
      const eb = b.item.expiryDate ?? '9999-99-99';
      return ea < eb ? -1 : ea > eb ? 1 : 0;
    }
    case 'confidentiality':
      return Number(b.item.confidential) - Number(a.item.confidential);
  }
}

function firstClaim(e: EvidenceLibraryItem): string | null {
  let first: string | null = null;
  for (const u of e.usedBy) if (first === null || claimOrder.compare(u.claimId, first) < 0) first = u.claimId;
  return first;
}

/** The items the filters let through, in the chosen order (ties broken by name, then id, so the order is stable). */
export function viewLibrary(
  items: readonly EvidenceLibraryItem[],
  filters: LibraryFilters,
  sort: LibrarySort,
  now: Date = new Date(),
): EvidenceLibraryItem[] {
  const q = filters.query.trim().toLowerCase();
  const today = isoDay(now);
  const soon = isoDay(now, 30);
  const shown = items.filter((e) => matches(e, filters, q, today, soon));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return shown.sort(
    (a, b) =>
      sign * compare(a, b, sort.key) ||
      naturalOrder.compare(a.item.fileName, b.item.fileName) ||
      (a.item.id < b.item.id ? -1 : a.item.id > b.item.id ? 1 : 0),
  );
}

/** The claims and types present in the library, for the filters' choices, in natural order. */
export function filterChoices(items: readonly EvidenceLibraryItem[]): { claims: string[]; types: string[] } {
  const claims = new Set<string>();
  const types = new Set<string>();
  for (const e of items) {
    types.add(fileType(e.item.fileName));
    for (const u of e.usedBy) claims.add(u.claimId);
  }
  return { claims: [...claims].sort(claimOrder.compare), types: [...types].sort(naturalOrder.compare) };
}
