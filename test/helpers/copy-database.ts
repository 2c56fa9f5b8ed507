import { cpSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Copies a closed database and everything beside it that belongs to it (its evidence folder
 * `<db>.evidence`, a `-wal` or `-shm`, a test's `<db>.home` key store) under a new name in the
 * same folder. A crash test builds its starting state once and gives each kill a copy, instead
 * of attaching the same files again (each attach is several fsyncs) for every moment it kills at.
 */
export function copyDatabase(from: string, to: string): void {
  const dir = dirname(from);
  const base = basename(from);
  if (dirname(to) !== dir) throw new Error(`copyDatabase copies within one folder: ${from} -> ${to}`);
  for (const name of readdirSync(dir)) {
    if (name === base || name.startsWith(`${base}.`) || name.startsWith(`${base}-`)) {
      cpSync(join(dir, name), join(dir, `${basename(to)}${name.slice(base.length)}`), { recursive: true });
    }
  }
}
