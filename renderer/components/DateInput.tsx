import { useState } from 'react';
import { dateExample, describeDateStyle, formatDate, parseDate, type DateStyle } from '../../shared/format/dates';
import { describeErrorLines, isSscpError } from '../../shared/errors';
import { useDateStyle } from '../format/dates';
import { APP_HINTS } from '../ipc/error-hints';

/**
 * A date box that reads and shows dates in the date format chosen in Settings, the same way
 * every table shows them, rather than the browser's locale pattern. `value` and `onChange` carry
 * ISO `YYYY-MM-DD`, or '' for none; what cannot be read (or could be two days) is said under the
 * box and passed on as typed, so the form's own check refuses it too.
 */
export function DateInput(props: {
  readonly id: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly describedBy?: string;
  readonly invalid?: boolean;
}) {
  const style = useDateStyle();
  const shown = (iso: string) => (iso ? formatDate(iso, style) : iso);
  const [text, setText] = useState(shown(props.value));
  const [error, setError] = useState<string | null>(null);
  const [lastValue, setLastValue] = useState(props.value);
  // A value set from outside (a reset after submitting) replaces what is in the box.
  if (props.value !== lastValue) {
    setLastValue(props.value);
    if (props.value !== read(text, style).iso) setText(shown(props.value));
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
        placeholder={dateExample(style)}
        value={text}
        aria-invalid={error || props.invalid ? true : undefined}
        aria-describedby={[helpId, error ? errorId : null, props.describedBy ?? null].filter(Boolean).join(' ')}
        onChange={(e) => {
          setText(e.target.value);
          const { iso, message } = read(e.target.value, style);
          setError(null);
          const next = message ? e.target.value : (iso ?? '');
          setLastValue(next);
          props.onChange(next);
        }}
        onBlur={() => {
          const { iso, message } = read(text, style);
          setError(message);
          if (iso) setText(formatDate(iso, style));
        }}
      />
      <span className="visually-hidden" id={helpId}>
        {describeDateStyle(style)}
      </span>
      {error ? (
        <span className="field-error" id={errorId}>
          {error}
        </span>
      ) : null}
    </>
  );
}

function read(text: string, style: DateStyle): { readonly iso: string | null; readonly message: string | null } {
  try {
    return { iso: parseDate(text, style), message: null };
  } catch (e) {
    return { iso: null, message: isSscpError(e) ? describeErrorLines(e, APP_HINTS).join(' ') : 'This is not a date.' };
  }
}
