import type { EvidenceItem, EvidenceLink } from '../../shared/domain/types';
import type { Db } from './database';

/** Everything one removal took out of the store, so that undo can put it back as it was. */
export interface RemovalRecord {
  readonly items: readonly { readonly item: EvidenceItem; readonly replacesId: string | null }[];
  readonly links: readonly EvidenceLink[];
  /** Items left in the library that named a removed item as the version they replace, and what they name now. */
  readonly successors: readonly { readonly id: string; readonly replacesId: string; readonly replacedWith: string | null }[];
  /** Contribution files that had become a removed item (their link to it is cleared). */
  readonly contributionFiles: readonly {
    readonly contributionId: string;
    readonly claimId: string;
    readonly sha256: string;
    readonly evidenceId: string;
  }[];
}

export interface StoredRemoval {
  readonly id: string;
  readonly removedAt: string;
  readonly holdUntil: string;
  readonly record: RemovalRecord;
}

export function insertEvidenceRemoval(db: Db, r: StoredRemoval): void {
  db.prepare('INSERT INTO evidence_removals (id, removed_at, hold_until, record_json) VALUES (?, ?, ?, ?)').run(
    r.id,
    r.removedAt,
    r.holdUntil,
    JSON.stringify(r.record),
  );
}

export function findEvidenceRemoval(db: Db, id: string): StoredRemoval | undefined {
  const row = db
    .prepare<[string], { id: string; removed_at: string; hold_until: string; record_json: string }>(
      'SELECT * FROM evidence_removals WHERE id = ?',
    )
    .get(id);
  return row && { id: row.id, removedAt: row.removed_at, holdUntil: row.hold_until, record: JSON.parse(row.record_json) as RemovalRecord };
}

export function deleteEvidenceRemoval(db: Db, id: string): void {
  db.prepare('DELETE FROM evidence_removals WHERE id = ?').run(id);
}

/** Removals whose undo window has closed, oldest first. */
export function evidenceRemovalsDue(db: Db, now: string): string[] {
  return db
    .prepare<[string], { id: string }>('SELECT id FROM evidence_removals WHERE hold_until <= ? ORDER BY hold_until, id')
    .all(now)
    .map((r) => r.id);
}

/**
 * Whether the stored file `sha256` must stay: more than `removing` evidence items hold those
 * bytes, a contribution still waiting for a decision brought them, or a removal other than
 * `exceptRemoval` holds them for its undo.
 */
export function sha256StillNeeded(db: Db, sha256: string, removing: number, exceptRemoval: string | null = null): boolean {
  const items = db
    .prepare<[string], { n: number }>("SELECT count(*) AS n FROM evidence_items WHERE sha256 = ? AND kind = 'file'")
    .get(sha256)!.n;
  if (items > removing) return true;
  const pending = db
    .prepare<[string], { n: number }>(
      `SELECT count(*) AS n FROM contribution_files f
       JOIN contribution_claims c ON c.contribution_id = f.contribution_id AND c.claim_id = f.claim_id
       WHERE f.sha256 = ? AND c.state = 'pending'`,
    )
    .get(sha256)!.n;
  if (pending > 0) return true;
  // A database opened read-only is not migrated: one from before removals existed holds none.
  const hasRemovals = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'evidence_removals'").get() !== undefined;
  if (!hasRemovals) return false;
  const held = db
    .prepare<[string, string], { n: number }>(
      `SELECT count(*) AS n FROM evidence_removals r, json_each(r.record_json, '$.items') j
       WHERE r.id IS NOT ? AND json_extract(j.value, '$.item.kind') = 'file' AND json_extract(j.value, '$.item.sha256') = ?`,
    )
    .get(exceptRemoval ?? '', sha256)!.n;
  return held > 0;
}

/**
 * Deletes the items and their links, first pointing every row that named one of them (a newer
 * version, a contribution file) past it, and returns what it changed for the record.
 */
export function deleteEvidenceRows(
  db: Db,
  ids: readonly string[],
): {
  replacesIds: Map<string, string | null>;
  successors: RemovalRecord['successors'];
  contributionFiles: RemovalRecord['contributionFiles'];
} {
  const removing = new Set(ids);
  const replacesOf = db.prepare<[string], { replaces_id: string | null }>('SELECT replaces_id FROM evidence_items WHERE id = ?');
  const replacesIds = new Map<string, string | null>();
  for (const id of ids) replacesIds.set(id, replacesOf.get(id)?.replaces_id ?? null);
  // The nearest older version that stays, so a chain of versions stays a chain.
  const survivingAncestor = (id: string | null): string | null => {
    let at = id;
    const seen = new Set<string>();
    while (at !== null && removing.has(at) && !seen.has(at)) {
      seen.add(at);
      at = replacesIds.get(at) ?? null;
    }
    return at !== null && removing.has(at) ? null : at;
  };
  const successors: { id: string; replacesId: string; replacedWith: string | null }[] = [];
  const byReplaces = db.prepare<[string], { id: string }>('SELECT id FROM evidence_items WHERE replaces_id = ?');
  for (const id of ids) {
    for (const row of byReplaces.all(id)) {
      if (!removing.has(row.id))
        successors.push({ id: row.id, replacesId: id, replacedWith: survivingAncestor(replacesIds.get(id) ?? null) });
    }
  }
  const setReplaces = db.prepare('UPDATE evidence_items SET replaces_id = ? WHERE id = ?');
  for (const s of successors) setReplaces.run(s.replacedWith, s.id);
  for (const id of ids) setReplaces.run(null, id);
  const contributionFiles: { contributionId: string; claimId: string; sha256: string; evidenceId: string }[] = [];
  const filesOf = db.prepare<[string], { contribution_id: string; claim_id: string; sha256: string }>(
    'SELECT contribution_id, claim_id, sha256 FROM contribution_files WHERE evidence_id = ?',
  );
  const clearFile = db.prepare(
    'UPDATE contribution_files SET evidence_id = NULL WHERE contribution_id = ? AND claim_id = ? AND sha256 = ?',
  );
  for (const id of ids) {
    for (const f of filesOf.all(id)) {
      contributionFiles.push({ contributionId: f.contribution_id, claimId: f.claim_id, sha256: f.sha256, evidenceId: id });
      clearFile.run(f.contribution_id, f.claim_id, f.sha256);
    }
  }
  const deleteLinks = db.prepare('DELETE FROM evidence_links WHERE evidence_id = ?');
  const deleteItem = db.prepare('DELETE FROM evidence_items WHERE id = ?');
  for (const id of ids) {
    deleteLinks.run(id);
    deleteItem.run(id);
  }
  return { replacesIds, successors, contributionFiles };
}
