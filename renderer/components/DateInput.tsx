import { useState } from 'react';
import { formatShortDate, parseDateInput } from '../../shared/domain/dates';
import { describeErrorLines, isSscpError } from '../../shared/errors';
import { APP_HINTS } from '../ipc/error-hints';

/**
 * A date box that reads and shows dates the way every table does (`1 Mar 2026`), rather than
 * the browser's locale pattern (mm/dd/yyyy in a US build). `value` and `onChange` carry ISO
 * `YYYY-MM-DD`, or '' for none; what cannot be read is said under the box and passed on as typed,
 * so the form's own check refuses it too.
 */
export function DateInput(props: {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}) {
  const shown = (iso: string) => (iso && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? safeFormat(iso) : iso);
  const [text, setText] = useState(shown(props.value));
  const [error, setError] = useState<string | null>(null);
  const [lastValue, setLastValue] = useState(props.value);
  // A value set from outside (a reset after submitting) replaces what is in the box.
  if (props.value !== lastValue) {
    setLastValue(props.value);
    if (props.value !== read(text).iso) setText(shown(props.value));
  }
  const errorId = `${props.id}-date-error`;
  const helpId = `${props.id}-date-help`;
  return (
    <>
      <input
        id={props.id}
        className="input date-input"
        type="text"
        inputMode="text"
        autoComplete="off"
        placeholder="1 Mar 2026"
        value={text}
        aria-invalid={error || props.invalid ? true : undefined}
        aria-describedby={[helpId, error ? errorId : null, props.describedBy ?? null].filter(Boolean).join(' ')}
        onChange={(e) => {
          setText(e.target.value);
          const { iso, message } = read(e.target.value);
          setError(null);
          const next = message ? e.target.value : (iso ?? '');
          setLastValue(next);
          props.onChange(next);
        }}
        onBlur={() => {
          const { iso, message } = read(text);
          setError(message);
          if (iso) setText(formatShortDate(iso));
        }}
      />
      <span className="visually-hidden" id={helpId}>
        Day, month and year, for example 1 Mar 2026, or 2026-03-01.
      </span>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </>
  );
}

function read(text: string): { readonly iso: string | null; readonly message: string | null } {
  try {
    return { iso: parseDateInput(text), message: null };
  } catch (e) {
    return { iso: null, message: isSscpError(e) ? describeErrorLines(e, APP_HINTS).join(' ') : 'This is not a date.' };
  }
}

function safeFormat(iso: string): string {
  try {
    return formatShortDate(iso);
  } catch {
    return iso;
  }
}
