const MAX_RECENT = 8;

/** Most recent first, no duplicates, at most eight. */
export function withRecent(recent: readonly string[], path: string): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, MAX_RECENT);
}
