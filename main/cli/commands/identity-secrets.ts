import { SscpError } from '../../../shared/errors';
import type { CliIo } from '../io';
import { readOptionFile } from '../options';

/**
 * Secrets reach `sscp` only from a file or the environment, never from argv, where other
 * users of the machine could read them in the process list or shell history.
 */
interface SecretSource {
  readonly file: string | undefined;
  readonly fileFlag: string;
  readonly envVar: string;
  readonly what: string;
}

/** A passphrase or password is a line of text; a file far bigger than this is the wrong file. */
const MAX_SECRET_FILE_BYTES = 64 * 1024;

function readSecret(io: CliIo, source: SecretSource): string {
  if (source.file !== undefined) {
    // Editors add a final newline; it is not part of the secret.
    return readOptionFile(source.file, {
      what: source.what,
      flag: source.fileFlag,
      // A pipe (<(…), /dev/stdin) is refused like any non-file: the environment is the other way in.
      hint: `it must be an ordinary file; or set ${source.envVar} instead.`,
      maxBytes: MAX_SECRET_FILE_BYTES,
    }).replace(/\r?\n$/, '');
  }
  const fromEnv = io.env[source.envVar];
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  throw new SscpError(
    'invalid-input',
    `No ${source.what} was given.`,
    `Put it in a file and pass ${source.fileFlag} FILE, or set the ${source.envVar} environment variable. It is never taken on the command line, where others could see it.`,
  );
}

export const PASSPHRASE_FILE_FLAGS = '--passphrase-file <file>';
export const PASSPHRASE_FILE_HELP = 'file holding the signing passphrase (or set SSCP_PASSPHRASE); never given on the command line';

/** The passphrase that seals (or unlocks) a signing key: --passphrase-file or SSCP_PASSPHRASE. */
export function readSigningPassphrase(io: CliIo, passphraseFile: string | undefined): string {
  return readSecret(io, { file: passphraseFile, fileFlag: '--passphrase-file', envVar: 'SSCP_PASSPHRASE', what: 'signing passphrase' });
}

export const P12_PASSWORD_FILE_FLAGS = '--p12-password-file <file>';
export const P12_PASSWORD_FILE_HELP = "file holding the .p12 file's password (or set SSCP_P12_PASSWORD); never given on the command line";

/** A .p12 file's own password: --p12-password-file or SSCP_P12_PASSWORD. */
export function readP12Password(io: CliIo, passwordFile: string | undefined): string {
  return readSecret(io, { file: passwordFile, fileFlag: '--p12-password-file', envVar: 'SSCP_P12_PASSWORD', what: '.p12 password' });
}
