import { createHash } from 'node:crypto';
import { SscpError } from '../../shared/errors';

/** SHA-256 of a DER certificate as 64 lower-case hex digits, no separators. */
export function certificateFingerprint(certificateDer: Uint8Array): string {
  return createHash('sha256').update(certificateDer).digest('hex');
}

/**
 * A fingerprint for people and tools: `colons: true` gives `ab:cd:…` (how openssl and most
 * certificate viewers print it), otherwise the bare 64 hex digits.
 */
export function formatFingerprint(fingerprint: string, options: { colons: boolean }): string {
  const hex = normaliseFingerprint(fingerprint);
  return options.colons ? (hex.match(/../g) ?? []).join(':') : hex;
}

/** Accepts a SHA-256 fingerprint with or without colons or spaces, any case. */
export function normaliseFingerprint(fingerprint: string): string {
  const hex = fingerprint.replace(/[\s:]/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hex)) {
    throw SscpError.because({ code: 'fingerprint-invalid', value: fingerprint });
  }
  return hex;
}
