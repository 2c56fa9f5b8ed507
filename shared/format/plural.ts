/**
 * Counted nouns for every sentence the pack, the CLI and the app print: `1 file`,
 * `2 files`, `0 files`. English only needs the singular for exactly one; irregular plurals
 * (`entry` → `entries`) are passed in.
 */
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/** `n` and its noun: `count(1, 'file')` is `1 file`, `count(3, 'entry', 'entries')` is `3 entries`. */
export function count(n: number, singular: string, pluralForm?: string): string {
  return `${n} ${plural(n, singular, pluralForm)}`;
}

/** The verb after a counted subject: `isAre(1)` is `is`, otherwise `are`. */
export function isAre(n: number): string {
  return n === 1 ? 'is' : 'are';
}
