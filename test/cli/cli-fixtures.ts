import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { sscp } from './run-sscp';

/** The signing passphrase the CLI tests use, as a file holds it. */
export const PASSPHRASE = 'correct horse battery staple\n';

/** Writes the passphrase to `pass.txt` in `dir` and gives its path, for --passphrase-file. */
export function writePassphraseFile(dir: string): string {
  const path = join(dir, 'pass.txt');
  writeFileSync(path, PASSPHRASE);
  return path;
}

/** `sscp new`: Acme, a reseller, SRO Ada Jones (CTO), with any more options given; its id. Fails the test if refused. */
export async function newAssessment(db: string, ...more: string[]): Promise<string> {
  const r = await sscp('new', '--db', db, '--org', 'Acme', '--role', 'reseller', '--sro', 'Ada Jones', '--sro-role', 'CTO', ...more);
  expect(r.code, r.err).toBe(0);
  return r.out.trim();
}

/** `sscp identity create` for Ada Jones (CTO) of `org`, sealed with the passphrase file. Fails the test if refused. */
export async function createIdentity(options: {
  readonly passFile: string;
  readonly db?: string;
  readonly label?: string;
  readonly org?: string;
  readonly withRoot?: boolean;
}): Promise<void> {
  const r = await sscp(
    'identity',
    'create',
    ...(options.db ? ['--db', options.db] : []),
    '--label',
    options.label ?? 'ada',
    '--sro',
    'Ada Jones',
    '--sro-role',
    'CTO',
    '--org',
    options.org ?? 'Acme',
    ...(options.withRoot ? ['--with-root'] : []),
    '--passphrase-file',
    options.passFile,
  );
  expect(r.code, r.err).toBe(0);
}
