import { frozenReason } from '../../shared/domain/frozen';
import { findCatalog, findClaim, type Catalog } from '../../shared/catalog/index';
import { compareIsoDates, parseIsoDate } from '../../shared/domain/dates';
import { checkText, MAX_PRODUCTS, TEXT_FIELDS, type TextField } from '../../shared/domain/text-rules';
import type { Assessment, IsoDate } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';

/** Checks a value against one of the vocabularies in shared/domain/types.ts, naming the valid ones. */
export function parseChoice<T extends string>(value: unknown, allowed: readonly T[], what: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw SscpError.because({ code: 'not-a-choice', value: String(value), what, allowed });
}

/** A required piece of text: trimmed, and not empty. */
export function requireText(value: unknown, what: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw SscpError.because({ code: 'text-missing', what });
  return text;
}

/** Optional free text: stored as written (leading spaces and line breaks may matter), '' when absent. */
export function optionalText(value: unknown, what: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw SscpError.because({ code: 'not-text', what });
  return value;
}

/**
 * A required field a person typed: trimmed, not empty, within the field's length, and free of
 * control, bidirectional and invisible characters (line breaks too, for one-line fields).
 */
export function requireField(value: unknown, f: TextField): string {
  return checkText(requireText(value, `The ${f.label}`), f);
}

/** An optional field: '' when absent; one-line fields are trimmed, free text is kept as written. */
export function optionalField(value: unknown, f: TextField): string {
  const text = optionalText(value, `The ${f.label}`);
  return checkText(f.shape === 'line' ? text.trim() : text, f);
}

/** `YYYY-MM-DD` or nothing; '' counts as nothing so a cleared form field clears the date. */
export function optionalDate(value: unknown, what: string): IsoDate | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') throw SscpError.because({ code: 'date-not-text', what });
  return parseIsoDate(value, what);
}

/** A later date that must not come before an earlier one (period end, expiry). */
export function checkDateOrder(earlier: IsoDate | null, later: IsoDate | null, earlierWhat: string, laterWhat: string): void {
  if (earlier !== null && later !== null && compareIsoDates(later, earlier) < 0) {
    throw SscpError.because({ code: 'dates-out-of-order', earlier, later, earlierWhat, laterWhat });
  }
}

export function productList(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw SscpError.because({ code: 'products-not-a-list' });
  const names = [...new Set(value.map((p) => checkText(requireText(p, 'A product name'), TEXT_FIELDS.product)))];
  if (names.length > MAX_PRODUCTS) {
    throw SscpError.because({ code: 'too-many-products', count: names.length, max: MAX_PRODUCTS });
  }
  return names;
}

export function catalogFor(a: Pick<Assessment, 'catalogId' | 'catalogVersion'>): Catalog {
  const catalog = findCatalog(a.catalogId, a.catalogVersion);
  if (!catalog) {
    throw SscpError.because({ code: 'catalog-unknown', catalogId: a.catalogId, version: a.catalogVersion });
  }
  return catalog;
}

/** The claim id as written, if the assessment's catalog version has it. */
export function checkClaimId(catalog: Catalog, claimId: string): string {
  if (typeof claimId === 'string' && findClaim(catalog, claimId)) return claimId;
  throw SscpError.because({ code: 'unknown-claim', claimId: String(claimId), catalog: `${catalog.id} ${catalog.version}` });
}

export function checkSha256(value: string, what: string): string {
  if (typeof value === 'string' && /^[0-9a-f]{64}$/.test(value)) return value;
  throw SscpError.because({ code: 'not-a-sha256', what });
}

/**
 * Throws `frozen` unless the assessment is still a draft. The hint says the way out: a signed
 * assessment (archived or not) is carried forward; an archived draft is unarchived first.
 */
export function assertEditable(a: Assessment): void {
  const reason = frozenReason(a);
  if (reason) throw SscpError.because(reason);
}
