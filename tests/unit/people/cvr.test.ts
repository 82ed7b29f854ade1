import { describe, expect, it } from 'vitest';
import { isValidCvr, normaliseCvr } from '../../../lib/people/cvr';

// Valid numbers, each checked by hand with the weights 2,7,6,5,4,3,2,1 (the sum must divide by 11):
const VALID = [
  // 1·2 + 2·7 + 3·6 + 4·5 + 5·4 + 6·3 + 7·2 + 4·1 = 2+14+18+20+20+18+14+4 = 110 = 10·11
  '12345674',
  // 3·2 + 1·7 + 5·6 + 8·5 + 2·4 + 7·3 + 1·2 + 7·1 = 6+7+30+40+8+21+2+7 = 121 = 11·11
  '31582717',
  // 4·2 + 0·7 + 2·6 + 1·5 + 8·4 + 7·3 + 6·2 + 9·1 = 8+0+12+5+32+21+12+9 = 99 = 9·11
  '40218769',
  // 2·2 + 9·7 + 6·6 + 8·5 + 1·4 + 3·3 + 4·2 + 1·1 = 4+63+36+40+4+9+8+1 = 165 = 15·11
  '29681341',
  // 1·2 + 0 + 0 + 0 + 0 + 0 + 0 + 9·1 = 11 = 1·11 (the smallest shape: zeros inside are fine)
  '10000009',
  // 9·2 + 9·7 + 9·6 + 9·5 + 9·4 + 9·3 + 9·2 + 3·1 = 18+63+54+45+36+27+18+3 = 264 = 24·11
  '99999993',
];

describe('isValidCvr', () => {
  it.each(VALID)('accepts %s', (cvr) => {
    expect(isValidCvr(cvr)).toBe(true);
    expect(normaliseCvr(cvr)).toBe(cvr);
  });

  it.each([
    ['grouped in fours', '1234 5674'],
    ['grouped in pairs', '12 34 56 74'],
    ['with spaces around it', '  31582717 '],
  ])('accepts a number %s and gives its eight digits', (_how, value) => {
    expect(isValidCvr(value)).toBe(true);
    expect(normaliseCvr(value)).toMatch(/^[0-9]{8}$/);
  });

  it.each([
    // Sum 114, remainder 4.
    ['the wrong check digit', '12345678'],
    // Two neighbours swapped (34 → 43): sum 111, remainder 1. The rule exists to catch this.
    ['two digits swapped', '12435674'],
    // One digit mistyped (8 → 3): sum 96, remainder 8.
    ['one digit mistyped', '31532717'],
    ['seven digits', '1234567'],
    ['nine digits', '123456740'],
    ['letters', '1234567a'],
    ['a DK prefix', 'DK12345674'],
    ['a hyphen', '1234-5674'],
    ['a dot', '1234.5674'],
    ['a tab', '1234\t5674'],
    ['a non-breaking space', '1234\u00a05674'],
    ['Arabic-Indic digits', '١٢٣٤٥٦٧٤'],
    ['full-width digits', '１２３４５６７４'],
    ['an empty string', ''],
    ['only spaces', '        '],
    ['all zeros', '00000000'],
  ])('rejects %s', (_what, value) => {
    expect(isValidCvr(value)).toBe(false);
    expect(normaliseCvr(value)).toBeNull();
  });

  it('rejects a leading zero even when the weighted sum divides by 11', () => {
    // 0·2 + 1·7 + 0·6 + 0·5 + 0·4 + 0·3 + 0·2 + 4·1 = 11: only the first-digit rule refuses it.
    expect(isValidCvr('01000004')).toBe(false);
  });

  it.each([12345674, null, undefined, {}, ['12345674']])('rejects a value that is not a string (%o)', (value) => {
    expect(isValidCvr(value)).toBe(false);
  });
});
