import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { Marked } from '../../../app/(site)/soeg/Marked';

const render = (text: string, ranges: [number, number][]) => renderToStaticMarkup(createElement(Marked, { text, ranges }));

describe('marked search text', () => {
  it('wraps the ranges in <mark> and escapes the text (nothing is read as HTML)', () => {
    expect(
      render('Om kommunen og <b>kommunerne</b>', [
        [3, 11],
        [18, 28],
      ]),
    ).toBe('Om <mark>kommunen</mark> og &lt;b&gt;<mark>kommunerne</mark>&lt;/b&gt;');
  });

  it('ignores ranges that overlap, are empty or fall outside the text', () => {
    expect(
      render('abcdef', [
        [2, 1],
        [0, 2],
        [1, 3],
        [4, 99],
      ]),
    ).toBe('<mark>ab</mark>cdef');
  });
});
