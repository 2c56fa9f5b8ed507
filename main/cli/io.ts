import { escapeUnsafe, unsafeCharacters } from '../../shared/domain/text-rules';
import type { IdentityServiceOptions } from '../signing/identity-service';

/** Where a command writes, so tests can run commands in-process and read what they printed. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A terminal gets a live progress bar; a pipe or a log gets plain lines. */
  readonly isTTY: boolean;
  /**
   * Our own control sequences (the live progress line's `\r` and erase-line) go here, unescaped.
   * Only `progress.ts` writes to it; without it they go to `stderr` as given.
   */
  readonly rawStderr?: { write(chunk: string): unknown };
  /** What `--from -` reads (a function: standard input is opened only by a command that reads it). */
  readonly stdin?: () => AsyncIterable<string | Uint8Array> | Iterable<string | Uint8Array>;
  /**
   * Only for code that calls `runCli` in its own process (the tests): the cost of keys the
   * identity commands seal and of the `.p12` backups they write. `bin/sscp.mjs` and the app
   * never set it, and no option or environment variable reaches it, so a person's keys and
   * backups always get the production parameters (identity-service.ts, pkcs12-write.ts).
   */
  readonly keyCost?: Pick<IdentityServiceOptions, 'kdf' | 'p12Iterations'>;
}

/**
 * The streams every command writes through (`runCli` hands commands nothing else): each write
 * passes `terminalText`, so a control, bidirectional or invisible character that came from a
 * pack, a form, a certificate or a file name is printed as a visible escape and can never
 * move the cursor, recolour, clear the screen or reorder what the terminal shows. Line feeds
 * and tabs pass: use `field()` on outside text so it cannot start a line of its own. The
 * progress line keeps a raw channel of its own.
 */
export function guardedIo(io: CliIo): CliIo {
  return {
    stdout: { write: (chunk: string) => io.stdout.write(terminalText(chunk)) },
    stderr: { write: (chunk: string) => io.stderr.write(terminalText(chunk)) },
    rawStderr: io.rawStderr ?? io.stderr,
    ...(io.stdin ? { stdin: io.stdin } : {}),
    ...(io.keyCost ? { keyCost: io.keyCost } : {}),
    env: io.env,
    isTTY: io.isTTY,
  };
}

/**
 * What may reach a terminal: every character in `shared/domain/text-rules.ts`'s unsafe set
 * but line feed and tab becomes `\u{hex}` (ESC is `\u{1b}`, RIGHT-TO-LEFT OVERRIDE `\u{202e}`),
 * carriage return `\r`.
 */
export function terminalText(chunk: string): string {
  return escapeUnsafe(chunk, true);
}

/**
 * A piece of outside text (an organisation, a signer, a file name, a problem quoting one)
 * for interpolating into a line of output: like `terminalText`, and a line feed or tab in it
 * is shown as `\n` or `\t`, so a crafted name cannot forge a line of its own.
 */
export function field(text: string | null | undefined): string {
  return escapeUnsafe(text ?? '', false);
}

/**
 * Exit codes every command keeps: 0 success, 1 a check failed, 2 unusable input, 3 a signed
 * pack is intact but nothing establishes who signed it (verify, import).
 */
export const EXIT_OK = 0;
export const EXIT_CHECK_FAILED = 1;
export const EXIT_UNUSABLE_INPUT = 2;
export const EXIT_UNTRUSTED_SIGNER = 3;

/**
 * Pretty JSON. Every unsafe character inside a string (JSON.stringify escapes only C0) is
 * written as a JSON `\uXXXX` escape, so the output stays valid JSON that parses back to exactly
 * the same strings, and a terminal showing it sees no raw DEL, C1 or bidirectional control.
 */
export function printJson(io: CliIo, value: unknown): void {
  io.stdout.write(`${jsonText(value)}\n`);
}

export function jsonText(value: unknown): string {
  // Raw line feeds in the output are the indentation's; inside strings JSON has escaped them.
  return JSON.stringify(value, null, 2).replace(unsafeCharacters(), (ch) => {
    if (ch === '\n') return ch;
    let out = '';
    for (let i = 0; i < ch.length; i++) out += `\\u${ch.charCodeAt(i).toString(16).padStart(4, '0')}`;
    return out;
  });
}

/** A path or word as it must be typed into a POSIX shell, so printed commands paste as they are. */
export function shellWord(text: string): string {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}
