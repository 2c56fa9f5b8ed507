/**
 * The DER of a CMS signed attribute holding the message digest, up to its value: the attribute's
 * SEQUENCE is not included, so its length encoding does not matter. OID 1.2.840.113549.1.9.4
 * (messageDigest), a SET of one OCTET STRING of 32 bytes (a SHA-256).
 */
const MESSAGE_DIGEST_ATTRIBUTE = Buffer.from('06092a864886f70d010904312204 20'.replace(/ /g, ''), 'hex');

/**
 * The SHA-256 a CMS signature says it signed (its message-digest attribute), found by its
 * encoding alone, or null when there is none or more than one.
 *
 * Only a guess, made so the signature can be checked while the pack is still being hashed:
 * verify-pack checks the signature against this digest and keeps that result only if the
 * digest it then computes is byte for byte this one, so the check that counts is verifyCms's
 * with the computed digest, whatever this returns. A wrong or missing guess only means the
 * signature is checked again once the hash is known.
 */
export function claimedDigest(cmsDer: Uint8Array): Buffer | null {
  const der = Buffer.from(cmsDer.buffer, cmsDer.byteOffset, cmsDer.byteLength);
  const at = der.indexOf(MESSAGE_DIGEST_ATTRIBUTE);
  if (at < 0 || der.indexOf(MESSAGE_DIGEST_ATTRIBUTE, at + 1) >= 0) return null;
  const start = at + MESSAGE_DIGEST_ATTRIBUTE.length;
  return start + 32 <= der.length ? Buffer.from(der.subarray(start, start + 32)) : null;
}
