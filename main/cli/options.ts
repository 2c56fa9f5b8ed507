import { readSmallFileSync } from '../fs/regular-file';
import { parseIsoDate } from '../../shared/domain/dates';
import type { IsoDate } from '../../shared/domain/types';
import { parseChoice } from '../services/validate';
import type { Workspace } from '../services/workspace';
import { currentCliActor } from './actor';

export const DB_OPTION_FLAGS = '--db <file>';
/** run.ts makes every --db default to $SSCP_DB when that is set; the help says so either way. */
export const DB_OPTION_HELP = 'the assessments database file (evidence is kept in <file>.evidence beside it); default $SSCP_DB';

/** Commander's collector for options that may be given more than once (`--product A --product B`). */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

/** A choice from one of the vocabularies; a wrong value exits 2 with the valid ones listed. */
export function choiceOption<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T | undefined {
  return value === undefined ? undefined : parseChoice(value, allowed, what);
}

export function dateOption(value: string | undefined, what: string): IsoDate | undefined {
  return value === undefined ? undefined : parseIsoDate(value, what);
}

export const FORCE_OPTION_FLAGS = '--force';
export const FORCE_OPTION_HELP = 'replace the --out file if it already exists (never the database or its evidence)';

/** What the CLI says about an --out file that exists and --force was not given. */
export const FORCE_HINT = 'Add --force to replace it, or give --out another name.';

export const TRUST_OPTION_FLAGS = '--trust <root.pem>';
export const FINGERPRINT_OPTION_FLAGS = '--fingerprint <hex>';

/**
 * A text file named by a command-line option, read whole: they are small (a certificate, a
 * passphrase), so anything beyond `maxBytes` is refused before it fills memory, and so is
 * anything that is not a regular file (a pipe, /dev/zero, a folder). A missing or unusable
 * file is reported in the option's own terms.
 */
export function readOptionFile(
  path: string,
  source: { readonly what: string; readonly flag: string; readonly hint?: string; readonly maxBytes: number },
): string {
  const role = { what: `${source.what} file`, hint: `Check the path given to ${source.flag}${source.hint ? `: ${source.hint}` : '.'}` };
  return readSmallFileSync(path, source.maxBytes, role).toString('utf8');
}

/** A PEM certificate is a few KB; a bundle of a few roots stays well under this. */
export const MAX_TRUST_FILE_BYTES = 1024 * 1024;

/**
 * The organisation root certificate named by `--trust`, as the PEM text the verifier takes,
 * or undefined when the option was not given. Whether the PEM is a certificate at all is the
 * verifier's to judge.
 */
export function trustedRootOption(path: string | undefined): string[] | undefined {
  if (path === undefined) return undefined;
  return [
    readOptionFile(path, {
      what: 'trusted root certificate',
      flag: '--trust',
      hint: "it should be the organisation's root certificate (.pem) you were sent.",
      maxBytes: MAX_TRUST_FILE_BYTES,
    }),
  ];
}

/** Every `--trust` given (the option is repeatable), read as PEM text; undefined when none. */
export function trustedRootsOption(paths: readonly string[] | undefined): string[] | undefined {
  if (!paths || paths.length === 0) return undefined;
  return paths.flatMap((p) => trustedRootOption(p) ?? []);
}

/**
 * Opens the workspace for one command and always closes it, even when the command fails.
 * Every command but `new` needs the database to exist already: a typo in --db must not
 * quietly create an empty one. Commands that only read pass `readOnly`, so they work on a
 * database its user may not change (a colleague's file, a read-only share) and cannot change it. Changes are recorded under the command's actor (--as, SSCP_USER, the
 * operating-system account).
 */
export async function withWorkspace<T>(
  dbPath: string,
  fn: (ws: Workspace) => T | Promise<T>,
  options: { create?: boolean; readOnly?: boolean } = {},
): Promise<T> {
  // Loaded here, not at the top: a command's own start-up work (such as starting to unlock the
  // signing key) can begin before the store's code has loaded.
  const { openWorkspace } = await import('../services/workspace');
  const ws = openWorkspace(dbPath, { mustExist: !options.create, readOnly: options.readOnly ?? false, actor: currentCliActor() });
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
