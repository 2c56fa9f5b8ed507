/** One choice in a SelectField: the value it sets and the words shown for it. */
export interface SelectOption<V extends string> {
  readonly value: V;
  readonly label: string;
}

/** Builds the options for plain values shown as they are (claim numbers, file types). */
export function plainOptions<V extends string>(values: readonly V[]): SelectOption<V>[] {
  return values.map((value) => ({ value, label: value }));
}

/** A labelled drop-down, as the filter bars and forms use: its first option is usually "any". */
export function SelectField<V extends string>({
  id,
  label,
  value,
  options,
  onChange,
  className = 'select',
}: {
  readonly id: string;
  readonly label: string;
  readonly value: V;
  readonly options: readonly SelectOption<V>[];
  readonly onChange: (value: V) => void;
  /** The box's class: `select`, or `input` where a bar lines it up with text boxes. */
  readonly className?: 'select' | 'input';
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} className={className} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}
