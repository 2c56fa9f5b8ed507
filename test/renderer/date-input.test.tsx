// @vitest-environment jsdom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { DateForm } from './date-form';

describe('a date box', () => {
  afterEach(cleanup);

  it('shows and takes dates as the tables show them, never mm/dd/yyyy, and says what it cannot read', async () => {
    const seen: string[] = [];
    render(<DateForm seen={seen} initial="2026-01-01" />);
    const box = screen.getByLabelText('Due date') as HTMLInputElement;
    expect(box.value).toBe('1 Jan 2026');
    expect(box.type).toBe('text');
    await userEvent.clear(box);
    await userEvent.type(box, '2027-03-31');
    expect(seen.at(-1)).toBe('2027-03-31');
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(box.value).toBe('31 Mar 2027');
    await userEvent.clear(box);
    await userEvent.type(box, '03/04/2027');
    await userEvent.click(screen.getByRole('button', { name: 'Elsewhere' }));
    expect(box.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/could be 3 Apr 2027 or 4 Mar 2027/)).toBeTruthy();
    expect(seen.at(-1)).toBe('03/04/2027');
  });
});
