import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { escapeXml, renderAtomFeed, type AtomEntry, type AtomFeed } from '../../../lib/versions/renderAtomFeed';

const ATOM = 'http://www.w3.org/2005/Atom';

const entry = (over: Partial<AtomEntry> = {}): AtomEntry => ({
  id: 'https://samskriv.example.dk/p/doc1/v/2',
  title: 'Lokalplan for havnen – version 2',
  url: 'https://samskriv.example.dk/p/doc1/v/2',
  updated: '2026-11-26T19:22:00.000Z',
  author: 'Sara Stab',
  summary: 'Bænkene er flyttet.',
  ...over,
});

const feed = (over: Partial<AtomFeed> = {}): AtomFeed => ({
  id: 'https://samskriv.example.dk/p/feed.xml',
  title: 'Samskriv: udgivne dokumenter',
  selfUrl: 'https://samskriv.example.dk/p/feed.xml',
  alternateUrl: 'https://samskriv.example.dk/',
  author: 'Samskriv',
  lang: 'da',
  entries: [entry()],
  ...over,
});

/** Parses the feed as XML (a parse error fails the test) and returns its document. */
function parse(xml: string) {
  const window = new Window();
  const document = new window.DOMParser().parseFromString(xml, 'application/xml');
  expect(document.getElementsByTagName('parsererror')).toHaveLength(0);
  return document;
}

const childText = (element: { children: ArrayLike<{ localName: string; textContent: string | null }> }, name: string) =>
  Array.from(element.children).find((child) => child.localName === name)?.textContent ?? null;

describe('renderAtomFeed', () => {
  it('renders a well-formed Atom 1.0 feed with the required elements', () => {
    const xml = renderAtomFeed(
      feed({ entries: [entry(), entry({ id: 'https://samskriv.example.dk/p/doc2/v/1', updated: '2026-11-20T08:00:00Z' })] }),
    );
    expect(xml.startsWith('<?xml version="1.0" encoding="utf-8"?>\n')).toBe(true);
    const document = parse(xml);
    const root = document.documentElement;
    expect(root.localName).toBe('feed');
    expect(root.namespaceURI).toBe(ATOM);
    expect(root.getAttribute('xml:lang')).toBe('da');
    expect(childText(root, 'id')).toBe('https://samskriv.example.dk/p/feed.xml');
    expect(childText(root, 'title')).toBe('Samskriv: udgivne dokumenter');
    // The feed's updated is its newest entry's.
    expect(childText(root, 'updated')).toBe('2026-11-26T19:22:00.000Z');
    const self = Array.from(root.children).find((child) => child.localName === 'link' && child.getAttribute('rel') === 'self');
    expect(self?.getAttribute('href')).toBe('https://samskriv.example.dk/p/feed.xml');
    expect(self?.getAttribute('type')).toBe('application/atom+xml');
    const entries = Array.from(root.children).filter((child) => child.localName === 'entry');
    expect(entries).toHaveLength(2);
    const first = entries[0]!;
    expect(childText(first, 'id')).toBe('https://samskriv.example.dk/p/doc1/v/2');
    expect(childText(first, 'title')).toBe('Lokalplan for havnen – version 2');
    expect(childText(first, 'updated')).toBe('2026-11-26T19:22:00.000Z');
    expect(childText(first, 'summary')).toBe('Bænkene er flyttet.');
    expect(first.getElementsByTagName('name')[0]?.textContent).toBe('Sara Stab');
    const link = Array.from(first.children).find((child) => child.localName === 'link');
    expect(link?.getAttribute('rel')).toBe('alternate');
    expect(link?.getAttribute('href')).toBe('https://samskriv.example.dk/p/doc1/v/2');
    expect(childText(entries[1]!, 'updated')).toBe('2026-11-20T08:00:00.000Z');
  });

  it('keeps hostile titles, names and summaries as text', () => {
    const hostile = '</title><script>alert("x")</script><title>';
    const xml = renderAtomFeed(
      feed({
        title: `Feed ${hostile}`,
        entries: [
          entry({
            title: hostile,
            author: `</name></author><x a='1'>`,
            summary: `]]> & <![CDATA[ ${hostile}`,
            url: 'https://e.dk/p/a"b/v/1',
          }),
        ],
      }),
    );
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;title&gt;');
    const document = parse(xml);
    const root = document.documentElement;
    expect(document.getElementsByTagName('script')).toHaveLength(0);
    expect(childText(root, 'title')).toBe(`Feed ${hostile}`);
    const only = Array.from(root.children).filter((child) => child.localName === 'entry');
    expect(only).toHaveLength(1);
    expect(childText(only[0]!, 'title')).toBe(hostile);
    expect(childText(only[0]!, 'summary')).toBe(`]]> & <![CDATA[ ${hostile}`);
    expect(only[0]!.getElementsByTagName('name')[0]?.textContent).toBe(`</name></author><x a='1'>`);
    expect(only[0]!.getElementsByTagName('link')[0]?.getAttribute('href')).toBe('https://e.dk/p/a"b/v/1');
  });

  it('drops characters XML 1.0 cannot hold (control characters, lone surrogates), so the feed still parses', () => {
    const xml = renderAtomFeed(feed({ entries: [entry({ title: 'A\u0000B\u0007C\uD800D\uFFFEE 😀\tF' })] }));
    const root = parse(xml).documentElement;
    const first = Array.from(root.children).find((child) => child.localName === 'entry')!;
    expect(childText(first, 'title')).toBe('ABCDE 😀\tF');
  });

  it('leaves out an empty summary and names someone for an empty author', () => {
    const xml = renderAtomFeed(feed({ entries: [entry({ summary: '  ', author: '' })] }));
    const first = Array.from(parse(xml).documentElement.children).find((child) => child.localName === 'entry')!;
    expect(first.getElementsByTagName('summary')).toHaveLength(0);
    expect(first.getElementsByTagName('name')[0]?.textContent).toBe('–');
  });

  it('is a valid feed without entries (updated is the epoch) and without an alternate page', () => {
    const xml = renderAtomFeed(feed({ entries: [], alternateUrl: undefined }));
    const root = parse(xml).documentElement;
    expect(childText(root, 'updated')).toBe('1970-01-01T00:00:00.000Z');
    expect(root.getElementsByTagName('entry')).toHaveLength(0);
    expect(Array.from(root.getElementsByTagName('link')).map((link) => link.getAttribute('rel'))).toEqual(['self']);
  });

  it('writes timestamps in UTC (RFC 3339), whatever offset they came with', () => {
    const xml = renderAtomFeed(feed({ entries: [entry({ updated: '2026-11-26T20:22:00+01:00' })] }));
    expect(xml).toContain('<updated>2026-11-26T19:22:00.000Z</updated>');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
  });
});
