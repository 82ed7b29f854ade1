import { describe, expect, it } from 'vitest';
import { MAX_VERSION_NUMBER, parseVersionNumber } from '../../../lib/versions/parseVersionNumber';

describe('parseVersionNumber', () => {
  it.each([
    ['1', 1],
    ['42', 42],
    [String(MAX_VERSION_NUMBER), MAX_VERSION_NUMBER],
  ])('reads %s', (raw, number) => {
    expect(parseVersionNumber(raw)).toBe(number);
  });

  it.each(['0', '-1', '+1', '01', '1.0', '1e3', 'abc', '', ' 1', '1 ', '0x10', '1000000000', '99999999999999999999', 'Infinity', '١'])(
    'refuses %j',
    (raw) => {
      expect(parseVersionNumber(raw)).toBeNull();
    },
  );

  it('refuses what is not a string', () => {
    expect(parseVersionNumber(1)).toBeNull();
    expect(parseVersionNumber(undefined)).toBeNull();
    expect(parseVersionNumber(['1'])).toBeNull();
  });
});
