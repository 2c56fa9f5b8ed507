import type { Assessment, AssessmentFields, AssessmentOrigin, AssessmentState, VendorRole } from '../../shared/domain/types';
import { SscpError } from '../../shared/errors';
import type { Db } from './database';
import { prepared } from './statements';

interface AssessmentRow {
  id: string;
  organisation: string;
  products_json: string;
  role: VendorRole;
  theme3_in_scope: 0 | 1;
  period_start: string | null;
  period_end: string | null;
  sro_name: string;
  sro_role: string;
  catalog_id: string;
  catalog_version: string;
  state: AssessmentState;
  origin: AssessmentOrigin;
  previous_id: string | null;
  created_at: string;
  updated_at: string;
  signed_at: string | null;
  pack_sha256: string | null;
  pack_id: string | null;
  signer_fingerprint: string | null;
  pack_profile: string | null;
}

/** What signing recorded about the pack, kept beside the frozen assessment. */
export interface SignedPackInfo {
  readonly packSha256: string;
  readonly packId: string;
  readonly signerFingerprint: string;
  readonly signedAt: string;
  readonly profile: string;
}

/** The columns an edit may change: the shared domain's list, so the store, the services and carry-forward agree. */
export type { AssessmentFields };

export function insertAssessment(db: Db, a: Assessment): void {
  prepared(
    db,
    `INSERT INTO assessments (id, organisation, products_json, role, theme3_in_scope, period_start, period_end,
       sro_name, sro_role, catalog_id, catalog_version, state, origin, previous_id, created_at, updated_at, signed_at)
     VALUES (@id, @organisation, @products_json, @role, @theme3_in_scope, @period_start, @period_end,
       @sro_name, @sro_role, @catalog_id, @catalog_version, @state, @origin, @previous_id, @created_at, @updated_at, @signed_at)`,
  ).run({
    id: a.id,
    organisation: a.organisation,
    products_json: JSON.stringify(a.products),
    role: a.role,
    theme3_in_scope: a.theme3InScope ? 1 : 0,
    period_start: a.periodStart,
    period_end: a.periodEnd,
    sro_name: a.sroName,
    sro_role: a.sroRole,
    catalog_id: a.catalogId,
    catalog_version: a.catalogVersion,
    state: a.state,
    origin: a.origin,
    previous_id: a.previousId,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    signed_at: a.signedAt,
  });
}

export function findAssessment(db: Db, id: string): Assessment | undefined {
  const row = prepared<[string], AssessmentRow>(db, 'SELECT * FROM assessments WHERE id = ?').get(id);
  return row && rowToAssessment(row);
}

/** The fewest leading characters of an id that may stand for the whole id. */
export const MIN_ID_PREFIX = 4;

/** How many candidates an ambiguous prefix lists; the count says how many there are. */
const MAX_LISTED_CANDIDATES = 8;

/**
 * The one assessment whose id is `text`, or starts with it: the one place a shortened id is
 * understood, for the CLI's id arguments and for anything else that takes an id typed by a
 * person. A prefix shorter than MIN_ID_PREFIX, matching nothing or matching more than one
 * assessment is refused with what to do (the ambiguous case lists the candidates).
 */
export function resolveAssessmentIdPrefix(db: Db, text: string): string {
  if (prepared<[string], { id: string }>(db, 'SELECT id FROM assessments WHERE id = ?').get(text)) return text;
  if (text.trim() === '') throw SscpError.because({ code: 'assessment-id-missing' });
  if (text.length < MIN_ID_PREFIX) throw SscpError.because({ code: 'assessment-id-too-short', id: text, min: MIN_ID_PREFIX });
  const rows = prepared<
    [number, string],
    { id: string; organisation: string; period_start: string | null; period_end: string | null; state: string }
  >(
    db,
    'SELECT id, organisation, period_start, period_end, state FROM assessments WHERE substr(id, 1, ?) = ? ORDER BY created_at DESC, rowid DESC',
  ).all(text.length, text);
  if (rows.length === 1) return rows[0]!.id;
  if (rows.length === 0) {
    throw SscpError.because({ code: 'assessment-id-no-match', id: text });
  }
  const listed = rows
    .slice(0, MAX_LISTED_CANDIDATES)
    .map((r) => `${r.id} (${JSON.stringify(r.organisation)}, ${r.period_start ?? '…'} to ${r.period_end ?? '…'}, ${r.state})`);
  throw SscpError.because({ code: 'assessment-id-ambiguous', id: text, count: rows.length, matches: listed });
}

export function findSignedPackInfo(db: Db, id: string): SignedPackInfo | undefined {
  const row = prepared<[string], AssessmentRow>(db, 'SELECT * FROM assessments WHERE id = ?').get(id);
  if (!row || row.pack_sha256 === null || row.signed_at === null) return undefined;
  return {
    packSha256: row.pack_sha256,
    packId: row.pack_id ?? '',
    signerFingerprint: row.signer_fingerprint ?? '',
    signedAt: row.signed_at,
    profile: row.pack_profile ?? '',
  };
}

/** Newest first: the period a person is working on is usually the latest. */
export function listAssessmentRows(db: Db): Assessment[] {
  return prepared<[], AssessmentRow>(db, 'SELECT * FROM assessments ORDER BY created_at DESC, rowid DESC').all().map(rowToAssessment);
}

export function updateAssessmentFields(db: Db, id: string, f: AssessmentFields, updatedAt: string): void {
  prepared(
    db,
    `UPDATE assessments SET organisation = ?, products_json = ?, role = ?, theme3_in_scope = ?, period_start = ?,
       period_end = ?, sro_name = ?, sro_role = ?, updated_at = ? WHERE id = ?`,
  ).run(
    f.organisation,
    JSON.stringify(f.products),
    f.role,
    f.theme3InScope ? 1 : 0,
    f.periodStart,
    f.periodEnd,
    f.sroName,
    f.sroRole,
    updatedAt,
    id,
  );
}

export function touchAssessment(db: Db, id: string, updatedAt: string): void {
  prepared(db, 'UPDATE assessments SET updated_at = ? WHERE id = ?').run(updatedAt, id);
}

export function markAssessmentSigned(db: Db, id: string, pack: SignedPackInfo, updatedAt: string): void {
  prepared(
    db,
    `UPDATE assessments SET state = 'signed', signed_at = ?, pack_sha256 = ?, pack_id = ?, signer_fingerprint = ?,
       pack_profile = ?, updated_at = ? WHERE id = ?`,
  ).run(pack.signedAt, pack.packSha256, pack.packId, pack.signerFingerprint, pack.profile, updatedAt, id);
}

/**
 * Moves an assessment between archived and the state it had before. Only `state` and
 * `updated_at` change: a signed assessment keeps its signing record (signed_at, pack hash,
 * signer) so unarchiving can tell it was signed.
 */
export function setAssessmentArchived(db: Db, id: string, state: AssessmentState, updatedAt: string): void {
  prepared(db, 'UPDATE assessments SET state = ?, updated_at = ? WHERE id = ?').run(state, updatedAt, id);
}

function rowToAssessment(row: AssessmentRow): Assessment {
  return {
    id: row.id,
    organisation: row.organisation,
    products: JSON.parse(row.products_json) as string[],
    role: row.role,
    theme3InScope: row.theme3_in_scope === 1,
    periodStart: row.period_start,
    periodEnd: row.period_end,
    sroName: row.sro_name,
    sroRole: row.sro_role,
    catalogId: row.catalog_id,
    catalogVersion: row.catalog_version,
    state: row.state,
    origin: row.origin,
    previousId: row.previous_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    signedAt: row.signed_at,
  };
}
