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
    throw SscpError.because({ code: 'passphrase-too-short', length, min: MIN_PASSPHRASE_LENGTH });
  }
}

export function wrongPassphraseError(label: string): SscpError {
  return SscpError.because({ code: 'wrong-passphrase', label });
}
