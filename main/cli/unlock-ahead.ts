import { readSealedKey, sscpHome } from '../signing/key-store';
import { startKeyDerivation } from '../signing/key-vault';

/**
 * Starts deriving the signing key of identity `label` from `passphrase` before a command loads
 * the code that signs (key-vault.ts startKeyDerivation), so the deliberately slow derivation
 * overlaps that loading. Reads the key store without changing it and never fails: when
 * anything is amiss (no such identity, no key store, the identity still in a database) it does
 * nothing, and the unlock itself reports the problem in its own words.
 */
export function startUnlockAhead(env: Readonly<Record<string, string | undefined>>, label: string, passphrase: string): void {
  try {
    const sealed = readSealedKey(sscpHome(env), label);
    if (sealed) startKeyDerivation(sealed, passphrase);
  } catch {
    // The unlock reports it.
  }
}
