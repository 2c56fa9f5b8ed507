/** Where a command writes, so tests can run commands in-process and read what they printed. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A terminal gets a live progress bar; a pipe or a log gets plain lines. */
  readonly isTTY: boolean;
}

/**
 * Exit codes every command keeps: 0 success, 1 a check failed, 2 unusable input, 3 a signed
 * pack is intact but nothing establishes who signed it (verify, import).
 */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_UNUSABLE_INPUT = 2;
export const EXIT_UNTRUSTED_SIGNER = 3;

export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A path or word as it must be typed into a POSIX shell, so printed commands paste as they are. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
