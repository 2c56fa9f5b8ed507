import { describe, expect, it } from 'vitest';
import { formatBytes } from '../../shared/format/bytes';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1, '1 byte'],
    [1023, '1023 bytes'],
    [1024, '1.0 KB'],
    [124_000, '121 KB'],
    [5 * 1024 ** 2 + 300 * 1024, '5.3 MB'],
    [1024 ** 3, '1.0 GB'],
    [4.5 * 1024 ** 4, '4.5 TB'],
  ])('%d bytes reads as %s', (n, expected) => {
    expect(formatBytes(n)).toBe(expected);
  });
});
