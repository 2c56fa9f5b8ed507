import Database from 'better-sqlite3';

export interface SqlRun {
  readonly sql: string;
  /** Rows the statement gave back (0 for a write). */
  readonly rows: number;
}

export interface SqlCounter {
  /** Statements run and statements compiled (prepared) while `fn` ran. */
  during<T>(fn: () => T): { result: T; runs: SqlRun[]; compiled: string[] };
  restore(): void;
}

/**
 * Counts, on every better-sqlite3 connection in this process, each statement compiled and each
 * run with the rows it returned: how much work an operation does, measured without a clock.
 * Install before the database is opened; restore in afterEach.
 */
export function countSql(): SqlCounter {
  const probe = new Database(':memory:');
  const statementProto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<string, unknown>;
  probe.close();
  const dbProto = Database.prototype as unknown as Record<string, unknown>;
  let runs: SqlRun[] | null = null;
  let compiled: string[] | null = null;
  const originals = new Map<string, [Record<string, unknown>, unknown]>();
  const wrap = (
    proto: Record<string, unknown>,
    name: string,
    record: (self: { source: string }, args: unknown[], out: unknown) => void,
  ) => {
    const original = proto[name] as (...args: unknown[]) => unknown;
    originals.set(`${name}@${proto === dbProto ? 'db' : 'stmt'}`, [proto, original]);
    proto[name] = function (this: { source: string }, ...args: unknown[]) {
      const out = original.apply(this, args);
      record(this, args, out);
      return out;
    };
  };
  wrap(dbProto, 'prepare', (_self, args) => compiled?.push(String(args[0])));
  wrap(statementProto, 'all', (self, _args, out) => runs?.push({ sql: self.source, rows: (out as unknown[]).length }));
  wrap(statementProto, 'get', (self, _args, out) => runs?.push({ sql: self.source, rows: out === undefined ? 0 : 1 }));
  wrap(statementProto, 'run', (self) => runs?.push({ sql: self.source, rows: 0 }));
  wrap(statementProto, 'iterate', (self) => runs?.push({ sql: self.source, rows: Number.NaN }));
  return {
    during(fn) {
      runs = [];
      compiled = [];
      try {
        const result = fn();
        return { result, runs, compiled };
      } finally {
        runs = null;
        compiled = null;
      }
    },
    restore() {
      for (const [key, [proto, original]] of originals) proto[key.split('@')[0]!] = original;
    },
  };
}

/** The rows read from a table by these runs (statements naming it), and how many statements named it. */
export function touching(runs: readonly SqlRun[], table: string): { statements: number; rows: number } {
  const mine = runs.filter((r) => new RegExp(`\\b${table}\\b`).test(r.sql));
  return { statements: mine.length, rows: mine.reduce((n, r) => n + r.rows, 0) };
}
