import { describe, expect, it } from 'vitest';
import { parseCompareQuery } from '../../../lib/versions/compare/parseCompareQuery';

const numbers = [3, 2, 1];

describe('parseCompareQuery', () => {
  it('defaults to the newest version against the current draft, inline', () => {
    expect(parseCompareQuery({}, numbers)).toEqual({ ok: true, from: 3, to: 'current', view: 'inline' });
  });

  it('reads two versions and the side-by-side view', () => {
    expect(parseCompareQuery({ from: '1', to: '3', view: 'side' }, numbers)).toEqual({ ok: true, from: 1, to: 3, view: 'side' });
    expect(parseCompareQuery({ from: '2', to: 'current' }, numbers)).toEqual({ ok: true, from: 2, to: 'current', view: 'inline' });
  });

  it('names a value that is no version of the document', () => {
    for (const from of ['4', '0', '01', 'x', '1e3', '', 'current'])
      expect(parseCompareQuery({ from }, numbers)).toEqual({ ok: false, error: 'params', value: from });
    expect(parseCompareQuery({ to: '99' }, numbers)).toEqual({ ok: false, error: 'params', value: '99' });
    expect(parseCompareQuery({ view: 'print' }, numbers)).toEqual({ ok: false, error: 'params', value: 'print' });
    expect(parseCompareQuery({ from: ['1', '2'] }, numbers)).toEqual({ ok: false, error: 'params', value: '1, 2' });
  });

  it('repeats at most 40 characters of a bad value', () => {
    const long = 'x'.repeat(500);
    expect(parseCompareQuery({ to: long }, numbers)).toEqual({ ok: false, error: 'params', value: `${'x'.repeat(40)}…` });
  });

  it('refuses comparing a version with itself', () => {
    expect(parseCompareQuery({ from: '2', to: '2' }, numbers)).toEqual({ ok: false, error: 'same' });
  });
});
