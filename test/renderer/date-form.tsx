import { useState } from 'react';
import { DateInput } from '../../renderer/components/DateInput';

/**
 * A labelled date box as screens use it, with a button to move the focus away: every value
 * it reports is pushed onto `seen`, for the date tests to read.
 */
export function DateForm({ seen, initial = '' }: { readonly seen: string[]; readonly initial?: string }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <label htmlFor="due">Due date</label>
      <DateInput
        id="due"
        value={value}
        onChange={(v) => {
          seen.push(v);
          setValue(v);
        }}
      />
      <button type="button">Elsewhere</button>
    </>
  );
}
