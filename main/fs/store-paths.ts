/**
 * Where a database keeps what belongs to it on disk. The evidence store and the destination
 * guard both need this, so it lives here, below both of them.
 */

/** The evidence folder that belongs to a database: `<db file>.evidence`. */
export function evidenceDirFor(dbPath: string): string {
  return `${dbPath}.evidence`;
}
