import type { IdentityView } from '../../shared/ipc/views-signing';
import { PasswordField } from './PasswordField';
import { SelectField } from './SelectField';

/**
 * Which signing identity to sign with, and its passphrase: the two boxes every signing form
 * asks for. The caller lays them out (a form grid, a row) and keeps the state.
 */
export function IdentityPassphraseFields({
  idPrefix,
  identityLabel,
  identities,
  identity,
  onIdentity,
  passphrase,
  onPassphrase,
}: {
  /** Prefixes the two ids (`${idPrefix}-identity`, `${idPrefix}-passphrase`); without it they are `identity` and `passphrase`. */
  readonly idPrefix?: string;
  readonly identityLabel: string;
  readonly identities: readonly IdentityView[];
  /** The chosen identity's label. */
  readonly identity: string;
  readonly onIdentity: (label: string) => void;
  readonly passphrase: string;
  readonly onPassphrase: (value: string) => void;
}) {
  const id = (name: string) => (idPrefix ? `${idPrefix}-${name}` : name);
  return (
    <>
      <SelectField
        id={id('identity')}
        label={identityLabel}
        value={identity}
        options={identities.map((i) => ({ value: i.label, label: `${i.label} (${i.subject.commonName})` }))}
        onChange={onIdentity}
      />
      <PasswordField id={id('passphrase')} label="Passphrase" value={passphrase} onChange={onPassphrase} />
    </>
  );
}
