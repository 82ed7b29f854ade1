import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyPlainText } from '../../../lib/search/bodyPlainText';
import { queryTerms, stemOf, tokenize, wordsOf } from '../../../lib/search/danishTerms';
import { parseQuery } from '../../../lib/search/parseQuery';
import { highlightAll, snippetOf, termMatcher } from '../../../lib/search/snippetOf';
import { BODY_FRAGMENT } from '../../../lib/protocol';

const marked = (snippet: { text: string; highlights: readonly (readonly [number, number])[] }) =>
  snippet.highlights.map(([start, end]) => snippet.text.slice(start, end));

describe('Danish words and stems', () => {
  it('stems inflected forms to one term ("kommunerne" finds "kommunen")', () => {
    expect(stemOf('kommunerne')).toBe(stemOf('kommunen'));
    expect(stemOf('borgerne')).toBe(stemOf('borger'));
    expect(queryTerms('Kommunerne kommunen KOMMUNE')).toEqual(['kommun']);
  });

  it('keeps æ, ø and å inside words and splits on everything else', () => {
    expect(tokenize('Børnenes års-plan: ældre/unge, 2027!')).toEqual(['Børnenes', 'års', 'plan', 'ældre', 'unge', '2027']);
    expect(wordsOf('Søen ved Århus')).toEqual([
      { word: 'søen', start: 0, end: 4 },
      { word: 'ved', start: 5, end: 8 },
      { word: 'århus', start: 9, end: 14 },
    ]);
    expect(tokenize(`kort ${'x'.repeat(41)} ord`)).toEqual(['kort', 'ord']);
  });

  it('parses a query: words once, their stems, and the last word as a prefix when long enough', () => {
    expect(parseQuery('Grønne områder grønne')).toEqual({
      words: ['grønne', 'områder'],
      terms: [stemOf('grønne'), stemOf('områder')],
      prefix: 'områder',
    });
    expect(parseQuery('by ko').prefix).toBeNull();
    expect(parseQuery('  ,, ').terms).toEqual([]);
    // Common words are left out when there are others, kept when there are none.
    expect(parseQuery('skolen og byen').words).toEqual(['skolen', 'byen']);
    expect(parseQuery('og i').words).toEqual(['og', 'i']);
  });
});

describe('snippets and highlights', () => {
  it('marks every inflected form of the searched words, as ranges into the plain text', () => {
    const matches = termMatcher(parseQuery('kommunerne').terms);
    const snippet = snippetOf('Kommunen og kommunerne: en kommune.', matches);
    expect(snippet.text).toBe('Kommunen og kommunerne: en kommune.');
    expect(marked(snippet)).toEqual(['Kommunen', 'kommunerne', 'kommune']);
    expect(highlightAll('Om kommunens budget', matches)).toEqual([[3, 12]]);
  });

  it('cuts a long text around the matches, between words, with … at the cuts', () => {
    const text = `${'Indledning om ingenting. '.repeat(20)}Her står det vigtige om legepladsen ved skolen. ${'Mere fyld til sidst. '.repeat(20)}`;
    const snippet = snippetOf(text, termMatcher(parseQuery('legepladsen').terms), 120);
    expect(snippet.text.startsWith('… ')).toBe(true);
    expect(snippet.text.endsWith(' …')).toBe(true);
    expect(snippet.text.length).toBeLessThanOrEqual(125);
    expect(marked(snippet)).toEqual(['legepladsen']);
  });

  it('shows the text’s start when nothing matches, and line breaks as spaces', () => {
    const snippet = snippetOf('Første linje\nanden linje', termMatcher(['xyz']));
    expect(snippet).toEqual({ text: 'Første linje anden linje', highlights: [] });
  });

  it('matches the last word as a prefix', () => {
    const matches = termMatcher(parseQuery('legepl').terms, ['legepl']);
    expect(marked(snippetOf('En ny legeplads.', matches))).toEqual(['legeplads']);
  });
});

describe('a body’s plain text', () => {
  it('reads text runs, ends blocks with a line, and reads a mention’s label', () => {
    const doc = new Y.Doc();
    const heading = new Y.XmlElement('heading');
    heading.insert(0, [new Y.XmlText('Budget')]);
    const paragraph = new Y.XmlElement('paragraph');
    const mention = new Y.XmlElement('mention');
    mention.setAttribute('label', 'Karen Blixen');
    const bold = new Y.XmlText();
    bold.insert(0, 'fed', { bold: true });
    paragraph.insert(0, [new Y.XmlText('Spørg '), mention, bold]);
    doc.getXmlFragment(BODY_FRAGMENT).insert(0, [heading, paragraph]);
    expect(bodyPlainText(doc)).toBe('Budget\nSpørg  Karen Blixen fed');
    expect(bodyPlainText(doc, 3)).toBe('Bud');
  });
});
