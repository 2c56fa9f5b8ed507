import { DateInput } from './DateInput';

/**
 * A labelled one-line box with its help and its error underneath, both tied to the box for a
 * screen reader. A `date` reads and shows dates as the tables do (DateInput).
 */
export function TextField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly error?: string | undefined;
  readonly type?: 'text' | 'email' | 'date';
  /** What the browser may fill in; `off` unless said. */
  readonly autoComplete?: string;
  readonly help?: string;
}) {
  const helpId = props.help ? `${props.id}-help` : null;
  const errorId = props.error ? `${props.id}-error` : null;
  const described = [helpId, errorId].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      {props.type === 'date' ? (
        <DateInput
          id={props.id}
          value={props.value}
          onChange={props.onChange}
          invalid={Boolean(props.error)}
          {...(described ? { describedBy: described } : {})}
        />
      ) : (
        <input
          id={props.id}
          className="input"
          type={props.type ?? 'text'}
          value={props.value}
          autoComplete={props.autoComplete ?? 'off'}
          aria-invalid={props.error ? true : undefined}
          aria-describedby={described || undefined}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
      {helpId ? (
        <span className="field-help" id={helpId}>
          {props.help}
        </span>
      ) : null}
      {errorId ? (
        <span className="field-error" id={errorId}>
          {props.error}
        </span>
      ) : null}
    </div>
  );
}
