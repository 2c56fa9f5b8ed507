import type { KindsFor, WordsFor } from './types';

/** Refusals about signing identities, keys, certificates and the key store (`main/signing`). */
export type SigningReason =
  | { readonly code: 'key-type-not-creatable'; readonly value: string; readonly allowed: readonly string[] }
  | {
      readonly code: 'key-type-not-usable';
      /** The key's type as Node names it: "ec", "rsa", "ed25519"… */
      readonly keyType: string;
      readonly curve: string | null;
      readonly bits: number | null;
    }
  | { readonly code: 'certificate-name-empty'; readonly what: string }
  | { readonly code: 'certificate-name-too-long'; readonly what: string; readonly max: number }
  | { readonly code: 'digest-wrong-length'; readonly expected: number; readonly actual: number }
  | { readonly code: 'fingerprint-invalid'; readonly value: string }
  | { readonly code: 'identity-label-empty'; readonly max: number }
  | { readonly code: 'identity-already-stored'; readonly label: string }
  | { readonly code: 'identity-label-taken'; readonly label: string }
  | { readonly code: 'identity-has-no-root'; readonly label: string; readonly selfSigned: boolean }
  | { readonly code: 'identity-cannot-renew'; readonly label: string }
  | { readonly code: 'identity-root-expired'; readonly label: string; readonly expiredOn: string }
  | { readonly code: 'identity-has-no-root-key'; readonly label: string; readonly selfSigned: boolean }
  | { readonly code: 'passphrase-too-short'; readonly length: number; readonly min: number }
  | { readonly code: 'backup-password-too-short'; readonly length: number; readonly min: number }
  | { readonly code: 'wrong-passphrase'; readonly label: string }
  | { readonly code: 'key-store-unopenable'; readonly path: string; readonly detail: string }
  | { readonly code: 'key-store-foreign'; readonly path: string }
  | { readonly code: 'key-store-newer'; readonly path: string }
  | { readonly code: 'pbkdf2-too-few-iterations'; readonly min: number }
  | { readonly code: 'stored-key-format-unknown'; readonly label: string }
  | { readonly code: 'stored-key-damaged'; readonly label: string }
  | { readonly code: 'legacy-identities-unreadable'; readonly path: string; readonly detail: string }
  | { readonly code: 'p12-unreadable'; readonly detail: string | null }
  | { readonly code: 'p12-wrong-password' }
  | { readonly code: 'p12-protection-unsupported'; readonly detail: string }
  | { readonly code: 'p12-too-many-keys'; readonly count: number }
  | { readonly code: 'p12-no-key' }
  | { readonly code: 'p12-no-certificate-for-key' }
  | { readonly code: 'p12-too-large'; readonly size: number; readonly max: number }
  | { readonly code: 'trusted-root-unreadable' };

export const SIGNING_KIND: KindsFor<SigningReason> = {
  'key-type-not-creatable': 'invalid-input',
  'key-type-not-usable': 'invalid-input',
  'certificate-name-empty': 'invalid-input',
  'certificate-name-too-long': 'invalid-input',
  'digest-wrong-length': 'invalid-input',
  'fingerprint-invalid': 'invalid-input',
  'identity-label-empty': 'invalid-input',
  'identity-already-stored': 'conflict',
  'identity-label-taken': 'conflict',
  'identity-has-no-root': 'invalid-input',
  'identity-cannot-renew': 'invalid-input',
  'identity-root-expired': 'invalid-input',
  'identity-has-no-root-key': 'invalid-input',
  'passphrase-too-short': 'invalid-input',
  'backup-password-too-short': 'invalid-input',
  'wrong-passphrase': 'wrong-passphrase',
  'key-store-unopenable': 'unreadable',
  'key-store-foreign': 'unreadable',
  'key-store-newer': 'unsupported-version',
  'pbkdf2-too-few-iterations': 'invalid-input',
  'stored-key-format-unknown': 'unsupported-version',
  'stored-key-damaged': 'unreadable',
  'legacy-identities-unreadable': 'unreadable',
  'p12-unreadable': 'unreadable',
  'p12-wrong-password': 'wrong-passphrase',
  'p12-protection-unsupported': 'unreadable',
  'p12-too-many-keys': 'invalid-input',
  'p12-no-key': 'invalid-input',
  'p12-no-certificate-for-key': 'invalid-input',
  'p12-too-large': 'invalid-input',
  'trusted-root-unreadable': 'invalid-input',
};

const keyWords = (r: { readonly keyType: string; readonly curve: string | null; readonly bits: number | null }): string =>
  r.keyType === 'ec'
    ? `an EC key on curve ${r.curve ?? 'unknown'}`
    : r.keyType === 'rsa'
      ? `an RSA key of ${r.bits ?? 0} bits`
      : `a ${r.keyType} key`;

export const SIGNING_MESSAGES: WordsFor<SigningReason> = {
  'key-type-not-creatable': (r) => `"${r.value}" is not a key type this app can create.`,
  'key-type-not-usable': (r) => `The key in this file is ${keyWords(r)}, which this app does not sign with.`,
  'certificate-name-empty': (r) => `The ${r.what} is empty.`,
  'certificate-name-too-long': (r) => `The ${r.what} is longer than ${r.max} characters, the most a certificate allows.`,
  'digest-wrong-length': (r) => `A SHA-256 digest has ${r.expected} bytes; this one has ${r.actual}.`,
  'fingerprint-invalid': (r) => `"${r.value}" is not a SHA-256 certificate fingerprint.`,
  'identity-label-empty': () => 'The identity label is empty.',
  'identity-already-stored': (r) => `This certificate is already in your key store, as the signing identity "${r.label}".`,
  'identity-label-taken': (r) => `There is already a signing identity "${r.label}" in your key store.`,
  'identity-has-no-root': (r) => `Signing identity "${r.label}" has no organisation root to export.`,
  'identity-cannot-renew': (r) =>
    `Signing identity "${r.label}" was imported from a .p12 file without its organisation root's key, so this app cannot renew its certificate.`,
  'identity-root-expired': (r) =>
    `The organisation root of "${r.label}" expired on ${r.expiredOn}, so it cannot issue a renewed certificate.`,
  'identity-has-no-root-key': (r) => `Signing identity "${r.label}" has no organisation root key to include.`,
  'passphrase-too-short': (r) => `The passphrase is too short: it has ${r.length} characters and needs at least ${r.min}.`,
  'backup-password-too-short': (r) => `The backup password is too short: it has ${r.length} characters and needs at least ${r.min}.`,
  'wrong-passphrase': (r) => `That passphrase does not unlock the signing identity "${r.label}".`,
  'key-store-unopenable': (r) => `Your signing key store ${r.path} cannot be opened (${r.detail}).`,
  'key-store-foreign': (r) => `${r.path} is not an SSCP Evidence Pack key store.`,
  'key-store-newer': (r) => `Your signing key store ${r.path} was written by a newer version of SSCP Evidence Pack.`,
  'pbkdf2-too-few-iterations': (r) => `PBKDF2 needs at least ${r.min} iterations to protect a signing key.`,
  'stored-key-format-unknown': (r) => `The stored key of signing identity "${r.label}" is in a format this version does not know.`,
  'stored-key-damaged': (r) => `The stored key of signing identity "${r.label}" is damaged.`,
  'legacy-identities-unreadable': (r) => `The database ${r.path} cannot be read to look for signing identities (${r.detail}).`,
  'p12-unreadable': (r) => `This file is not a .p12/.pfx file this app can read${r.detail ? ` (${r.detail})` : ''}.`,
  'p12-wrong-password': () => 'The password for this .p12 file is not right.',
  'p12-protection-unsupported': (r) => `This .p12 file is protected in a way this app cannot read (${r.detail}).`,
  'p12-too-many-keys': (r) =>
    `This .p12 file holds ${r.count} private keys; it should hold the signing key (and at most its organisation root's key).`,
  'p12-no-key': () => 'This .p12 file holds no private key, so it cannot sign.',
  'p12-no-certificate-for-key': () => 'This .p12 file has no certificate for its private key.',
  'p12-too-large': (r) =>
    `This file is ${Math.ceil(r.size / 1024)} KB, far too large to be a .p12/.pfx certificate file (they are a few KB; at most ${r.max / 1024} KB is accepted).`,
  'trusted-root-unreadable': () => 'The trusted root certificate could not be read.',
};

/** Faults of the program itself, not of anything a person gave: nothing to do but report them. */
const FAULT = 'This is a fault in SSCP Evidence Pack, not in what you gave; please report it.';

/** What to do, where it reads the same in the CLI and in the app. */
export const SIGNING_HINTS: WordsFor<SigningReason> = {
  'key-type-not-creatable': (r) => `Use one of: ${r.allowed.join(', ')} (p256 is the default and the usual choice).`,
  'key-type-not-usable': () => 'Use a certificate with an ECDSA P-256 or P-384 key, or an RSA key of at least 2048 bits.',
  'certificate-name-empty': (r) => `Enter the ${r.what}; it appears in the signing certificate.`,
  'certificate-name-too-long': (r) => `Shorten the ${r.what}.`,
  'digest-wrong-length': () => FAULT,
  'fingerprint-invalid': () => 'A fingerprint is 64 hexadecimal characters (0-9, a-f), optionally in pairs separated by colons.',
  'identity-label-empty': (r) => `Use a short name of 1 to ${r.max} characters, for example "Jane Smith 2026".`,
  'identity-already-stored': (r) => `Use "${r.label}"; there is no need to import it again.`,
  'identity-label-taken': () => 'Choose another label, or use the existing identity.',
  'identity-has-no-root': (r) =>
    r.selfSigned
      ? "Its certificate is self-signed: publish that certificate's fingerprint instead (export the certificate itself, not the root)."
      : 'Export the certificate itself, not the root.',
  'identity-cannot-renew': () =>
    'Ask whoever issued the certificate for a renewed one and import it as a new identity, or import a backup that includes the root key.',
  'identity-root-expired': () => 'Create a new identity with a new organisation root and publish its fingerprint.',
  'identity-has-no-root-key': (r) =>
    r.selfSigned
      ? 'Its certificate is self-signed, so the backup holds everything it needs: leave out the root key.'
      : 'Back it up without the root key.',
  'passphrase-too-short': () =>
    'Choose a longer passphrase, for example four or five unrelated words. It protects the signing key and is never stored, so keep it somewhere safe.',
  'backup-password-too-short': () =>
    'Choose a longer password for the backup file, for example four or five unrelated words, and keep it apart from the file.',
  'wrong-passphrase': () => 'Check the passphrase; it is never stored, so it cannot be recovered.',
  'key-store-unopenable': () =>
    'Check that the folder exists and that only you may read and write it. To use another folder, set the SSCP_HOME environment variable.',
  'key-store-foreign': () =>
    'Move that file aside; the app creates a new key store in its place. To use another folder, set the SSCP_HOME environment variable.',
  'key-store-newer': () => 'Update SSCP Evidence Pack to the newest version to use it.',
  'pbkdf2-too-few-iterations': () => FAULT,
  'stored-key-format-unknown': () => 'Open the workspace with the version of SSCP Evidence Pack that created it, or a newer one.',
  'stored-key-damaged': () => 'Restore the workspace from a backup, or import the identity again from its .p12 file.',
  'legacy-identities-unreadable': () => 'Check that the file is an SSCP Evidence Pack database and that you may read it.',
  'p12-unreadable': () =>
    'Export the certificate again as a .p12 (PKCS#12) file that includes its private key, for example with "openssl pkcs12 -export".',
  'p12-wrong-password': () =>
    'Use the password that was set when the .p12 file was exported; ask whoever exported it if you do not know it.',
  'p12-protection-unsupported': () =>
    'Export it again with a current tool, for example "openssl pkcs12 -export" (AES-256 and PBKDF2 are the default).',
  'p12-too-many-keys': () => 'Export the signing certificate together with its private key, and only that one, as a .p12 file.',
  'p12-no-key': () => 'Export the signing certificate together with its private key, and only that one, as a .p12 file.',
  'p12-no-certificate-for-key': () => 'Export the signing certificate together with its private key as a .p12 file.',
  'p12-too-large': () => 'Check that you chose the .p12 or .pfx file holding the signing certificate and its private key.',
  'trusted-root-unreadable': () => 'Give the PEM file the vendor published (it starts with "-----BEGIN CERTIFICATE-----").',
};
