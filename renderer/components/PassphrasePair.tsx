import type { ReactNode } from 'react';

/** Whether a passphrase typed twice can be used: both filled and the same. */
export function passphrasesAgree(passphrase: string, confirm: string): boolean {
  return passphrase.length > 0 && confirm === passphrase;
}

/**
 * A new passphrase typed twice. A typo would seal a key under a passphrase nobody
 * knows, so the second box says at once when the two differ.
 */
export function PassphrasePair({
  idPrefix,
  label,
  confirmLabel,
  passphrase,
  confirm,
  onPassphrase,
  onConfirm,
  help,
  mismatchText = 'The two passphrases differ.',
}: {
  readonly idPrefix: string;
  readonly label: string;
  readonly confirmLabel: string;
  readonly passphrase: string;
  readonly confirm: string;
  readonly onPassphrase: (value: string) => void;
  readonly onConfirm: (value: string) => void;
  readonly help?: ReactNode;
  /** What the second box says when the two differ. */
  readonly mismatchText?: string;
}) {
  const mismatch = confirm.length > 0 && confirm !== passphrase;
  const passId = `${idPrefix}-pass`;
  const confirmId = `${idPrefix}-confirm`;
  return (
    <>
      <div className="field">
        <label htmlFor={passId}>{label}</label>
        <input
          id={passId}
          className="input"
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => onPassphrase(e.target.value)}
          aria-describedby={help ? `${passId}-help` : undefined}
        />
        {help ? (
          <span className="field-help" id={`${passId}-help`}>
            {help}
          </span>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={confirmId}>{confirmLabel}</label>
        <input
          id={confirmId}
          className="input"
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => onConfirm(e.target.value)}
          aria-invalid={mismatch ? true : undefined}
          aria-describedby={mismatch ? `${confirmId}-error` : undefined}
        />
        {mismatch ? (
          <span className="field-error" id={`${confirmId}-error`}>
            {mismatchText}
          </span>
        ) : null}
      </div>
    </>
  );
}
