/** The current instant as the store writes it: ISO 8601 UTC with milliseconds. */
export function nowInstant(): string {
  return new Date().toISOString();
}
