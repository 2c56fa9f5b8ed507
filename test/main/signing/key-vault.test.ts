import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SCRYPT,
  openPrivateKey,
  parseEncryptedKey,
  sealPrivateKey,
  serialiseEncryptedKey,
  startKeyDerivation,
} from '../../../main/signing/key-vault';
import { assertAcceptableNewPassphrase } from '../../../main/signing/passphrase';
import { cliHintOf } from '../../setup/error-words';

const secret = new Uint8Array(Buffer.from('pretend PKCS#8 DER bytes, sealed at rest'));
const passphrase = 'correct horse battery staple';

describe('sealed private keys', () => {
  it('round-trips under scrypt N=2^17 and stores the KDF parameters with the ciphertext', async () => {
    const blob = await sealPrivateKey(secret, passphrase);
    expect(blob.kdf).toMatchObject({ name: 'scrypt', N: 2 ** 17, r: 8, p: 1 });
    expect(DEFAULT_SCRYPT.N).toBe(131072);
    expect(Buffer.from(blob.ciphertext, 'base64').includes(Buffer.from(secret))).toBe(false);
    const reopened = await openPrivateKey(parseEncryptedKey(serialiseEncryptedKey(blob), 'L'), passphrase, 'L');
    expect(Buffer.from(reopened)).toEqual(Buffer.from(secret));
  });

  it('uses a fresh salt and nonce every time', async () => {
    const a = await sealPrivateKey(secret, passphrase, { name: 'pbkdf2-sha256', iterations: 600_000 });
    const b = await sealPrivateKey(secret, passphrase, { name: 'pbkdf2-sha256', iterations: 600_000 });
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.ciphertext).not.toBe(b.ciphertext);
    expect(Buffer.from(await openPrivateKey(b, passphrase, 'L'))).toEqual(Buffer.from(secret));
  });

  it('names the identity when the passphrase is wrong', async () => {
    const blob = await sealPrivateKey(secret, passphrase);
    const refused = await openPrivateKey(blob, 'correct horse battery stapler', 'Jane 2026').catch((e: unknown) => e);
    expect(refused).toMatchObject({
      kind: 'wrong-passphrase',
      message: 'That passphrase does not unlock the signing identity "Jane 2026".',
    });
    expect(cliHintOf(refused)).toBe('Check the passphrase; it is never stored, so it cannot be recovered.');
  });

  it('refuses a blob whose KDF parameters were lowered after sealing', async () => {
    const blob = await sealPrivateKey(secret, passphrase, { name: 'pbkdf2-sha256', iterations: 600_000 });
    const weakened = { ...blob, kdf: { ...blob.kdf, iterations: 600_001 } };
    await expect(openPrivateKey(weakened, passphrase, 'L')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
  });

  it('treats the same passphrase typed in composed or decomposed Unicode as equal', async () => {
    const blob = await sealPrivateKey(secret, 'Zoë passphrase long enough', { name: 'pbkdf2-sha256', iterations: 600_000 });
    const decomposed = 'Zoe\u0308 passphrase long enough';
    expect(Buffer.from(await openPrivateKey(blob, decomposed, 'L'))).toEqual(Buffer.from(secret));
  });

  it('requires new passphrases of at least 12 characters, saying so plainly', () => {
    expect(() => assertAcceptableNewPassphrase('short pass')).toThrow(
      'The passphrase is too short: it has 10 characters and needs at least 12.',
    );
    expect(() => assertAcceptableNewPassphrase('twelve chars')).not.toThrow();
  });

  it('a key derivation started ahead serves only an unlock with the same passphrase, once', async () => {
    const blob = await sealPrivateKey(secret, passphrase, { name: 'pbkdf2-sha256', iterations: 600_000 });
    // Started with the right passphrase: a wrong one must still be refused, never handed that key.
    startKeyDerivation(blob, passphrase);
    await expect(openPrivateKey(blob, 'correct horse battery stapler', 'L')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
    // The early derivation was given up on that attempt: the right passphrase still opens the key.
    expect(Buffer.from(await openPrivateKey(blob, passphrase, 'L'))).toEqual(Buffer.from(secret));
    // Started with a wrong passphrase: the right one derives afresh and opens it.
    startKeyDerivation(blob, 'not the passphrase at all');
    expect(Buffer.from(await openPrivateKey(blob, passphrase, 'L'))).toEqual(Buffer.from(secret));
    // Started with the right one: the unlock takes it.
    startKeyDerivation(blob, passphrase);
    expect(Buffer.from(await openPrivateKey(blob, passphrase, 'L'))).toEqual(Buffer.from(secret));
    // A derivation started for another key (another salt) is never used for this one.
    const other = await sealPrivateKey(secret, 'another passphrase, long', { name: 'pbkdf2-sha256', iterations: 600_000 });
    startKeyDerivation(other, passphrase);
    expect(Buffer.from(await openPrivateKey(blob, passphrase, 'L'))).toEqual(Buffer.from(secret));
    await expect(openPrivateKey(other, passphrase, 'L')).rejects.toMatchObject({ kind: 'wrong-passphrase' });
  });

  it('reports a damaged stored blob as unreadable', () => {
    expect(() => parseEncryptedKey('{not json', 'L')).toThrow(expect.objectContaining({ kind: 'unreadable' }));
  });
});
