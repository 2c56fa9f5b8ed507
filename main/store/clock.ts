/** The current instant as the store writes it: ISO 8601 UTC with milliseconds. */
export function nowInstant(): string {
  return new Date().toISOString();
}

/** The current moment for rules that depend on the day (sign-off): one place, so tests can set it with fake timers. */
export function nowDate(): Date {
  return new Date();
}
