import { SscpError } from '../../shared/errors';

export const MIN_PASSPHRASE_LENGTH = 12;

/**
 * Passphrases are compared as Unicode NFC so "é" typed as one character on one keyboard and
 * as e + accent on another unlock the same key.
 */
export function normalisePassphrase(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** Rules for a passphrase that will protect a new signing key. */
export function assertAcceptableNewPassphrase(passphrase: string): void {
  const length = [...normalisePassphrase(passphrase)].length;
  if (length < MIN_PASSPHRASE_LENGTH) {
    throw new SscpError(
      'invalid-input',
      `The passphrase is too short: it has ${length} characters and needs at least ${MIN_PASSPHRASE_LENGTH}.`,
      'Choose a longer passphrase, for example four or five unrelated words. It protects the signing key and is never stored, so keep it somewhere safe.',
    );
  }
}

export function wrongPassphraseError(label: string): SscpError {
  return new SscpError(
    'wrong-passphrase',
    `That passphrase does not unlock the signing identity "${label}".`,
    'Check the passphrase; it is never stored, so it cannot be recovered.',
  );
}
