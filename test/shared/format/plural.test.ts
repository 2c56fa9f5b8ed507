import { describe, expect, it } from 'vitest';
import { formatLongDate } from '../../../shared/domain/dates';
import { count, isAre, plural } from '../../../shared/format/plural';

describe('counted words', () => {
  it('uses the singular for exactly one and the plural otherwise', () => {
    expect(count(1, 'file')).toBe('1 file');
    expect(count(0, 'file')).toBe('0 files');
    expect(count(2, 'evidence file')).toBe('2 evidence files');
    expect(count(1, 'entry', 'entries')).toBe('1 entry');
    expect(count(3, 'entry', 'entries')).toBe('3 entries');
    expect(plural(1, 'claim')).toBe('claim');
    expect(isAre(1)).toBe('is');
    expect(isAre(0)).toBe('are');
  });
});

describe('spelled-out dates', () => {
  it('writes the day without a leading zero and the month by name', () => {
    expect(formatLongDate('2026-03-01')).toBe('1 March 2026');
    expect(formatLongDate('2027-12-31')).toBe('31 December 2027');
  });
});
