import { parseIsoDate } from '../../shared/domain/dates';
import type { IsoDate } from '../../shared/domain/types';
import { parseChoice } from '../services/validate';
import { openWorkspace, type Workspace } from '../services/workspace';

export const DB_OPTION_FLAGS = '--db <file>';
export const DB_OPTION_HELP = 'the assessments database file (evidence is kept in <file>.evidence beside it)';

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

/**
 * Opens the workspace for one command and always closes it, even when the command fails.
 * Every command but `new` needs the database to exist already: a typo in --db must not
 * quietly create an empty one.
 */
export async function withWorkspace<T>(dbPath: string, fn: (ws: Workspace) => T | Promise<T>, options: { create?: boolean } = {}): Promise<T> {
  const ws = openWorkspace(dbPath, { mustExist: !options.create });
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}
