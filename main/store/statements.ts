import type Database from 'better-sqlite3';
import type { Db } from './database';

type Statement<P extends unknown[] | object, R> = P extends unknown[] ? Database.Statement<P, R> : Database.Statement<[P], R>;

// One map of compiled statements per connection: it goes when the connection does.
const compiled = new WeakMap<Db, Map<string, Database.Statement<unknown[], unknown>>>();

/**
 * The statement for `sql` on this connection, compiled the first time it is asked for and
 * reused after (SQLite recompiles it by itself if the schema changes). For the repositories'
 * hot statements, run with `get`, `all` or `run`: never `iterate` one (a statement being
 * iterated cannot be run again until it ends) nor toggle `pluck`/`raw` on it (that would
 * change it for every other caller); use `db.prepare` for those.
 */
export function prepared<P extends unknown[] | object = unknown[], R = unknown>(db: Db, sql: string): Statement<P, R> {
  let statements = compiled.get(db);
  if (!statements) {
    statements = new Map();
    compiled.set(db, statements);
  }
  let statement = statements.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement as unknown as Statement<P, R>;
}
