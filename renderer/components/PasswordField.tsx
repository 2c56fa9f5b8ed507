/**
 * A labelled box for a secret the person already has: an identity's passphrase, or the
 * password of a .p12 file (`autoComplete="off"`, so no password manager offers a login).
 * A new secret, typed twice, is a PassphrasePair instead.
 */
export function PasswordField({
  id,
  label,
  value,
  onChange,
  autoComplete = 'current-password',
  wide = false,
}: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly autoComplete?: 'current-password' | 'off';
  /** Across both columns of a form grid. */
  readonly wide?: boolean;
}) {
  return (
    <div className={wide ? 'field span-2' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="input"
        type="password"
        autoComplete={autoComplete}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}
