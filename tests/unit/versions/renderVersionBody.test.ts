import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { JSONContent } from '@tiptap/core';
import { bodyJsonOf } from '../../../lib/versions/bodyJsonOf';
import { contentHash, canonicalJson } from '../../../lib/versions/contentHash';
import { renderBodyHtml } from '../../../lib/versions/renderBodyHtml';
import { BODY_FRAGMENT } from '../../../lib/protocol';

const text = (value: string, marks?: JSONContent['marks']): JSONContent => ({ type: 'text', text: value, ...(marks && { marks }) });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: 'doc', content });
const link = (href: string): NonNullable<JSONContent['marks']>[number] => ({ type: 'link', attrs: { href } });

describe('contentHash', () => {
  it('is sha256 of the canonical JSON: key order does not matter, content does', () => {
    const a = doc(paragraph(text('Hej')));
    const reordered: JSONContent = { content: [{ content: [{ text: 'Hej', type: 'text' }], type: 'paragraph' }], type: 'doc' };
    expect(contentHash('Titel', a)).toMatch(/^sha256-[0-9a-f]{64}$/);
    expect(contentHash('Titel', reordered)).toBe(contentHash('Titel', a));
    expect(contentHash('Titel 2', a)).not.toBe(contentHash('Titel', a));
    expect(contentHash('Titel', doc(paragraph(text('Hej!'))))).not.toBe(contentHash('Titel', a));
  });

  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: [{ d: 1, c: 2 }, 3], a: undefined, e: null })).toBe('{"b":[{"c":2,"d":1},3],"e":null}');
  });
});

describe('bodyJsonOf', () => {
  it('reads the default fragment of a Yjs state through the editor schema', () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment(BODY_FRAGMENT);
    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', 2 as unknown as string);
    heading.insert(0, [new Y.XmlText('Formål')]);
    const para = new Y.XmlElement('paragraph');
    const body = new Y.XmlText();
    body.insert(0, 'Et ');
    body.insert(3, 'fedt', { bold: {} });
    body.insert(7, ' ord', { bold: null });
    para.insert(0, [body]);
    fragment.insert(0, [heading, para]);
    expect(bodyJsonOf(Y.encodeStateAsUpdate(ydoc))).toEqual(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Formål')] },
        paragraph(text('Et '), text('fedt', [{ type: 'bold' }]), text(' ord')),
      ),
    );
  });

  it('gives an empty document for an empty state', () => {
    const json = bodyJsonOf(Y.encodeStateAsUpdate(new Y.Doc()));
    expect(json.type).toBe('doc');
  });
});

describe('renderBodyHtml', () => {
  it('renders the nodes and marks of the editor', () => {
    const html = renderBodyHtml(
      doc(
        { type: 'heading', attrs: { level: 2 }, content: [text('Titel')] },
        paragraph(text('fed', [{ type: 'bold' }]), text(' og '), text('link', [link('https://example.dk/a?b=1&c=2')])),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('punkt'))] }] },
        { type: 'blockquote', content: [paragraph(text('citat'))] },
      ),
    );
    expect(html).toContain('<h2>Titel</h2>');
    expect(html).toContain('<strong>fed</strong>');
    expect(html).toContain('href="https://example.dk/a?b=1&amp;c=2"');
    expect(html).toContain('<ul><li><p>punkt</p></li></ul>');
    expect(html).toContain('<blockquote><p>citat</p></blockquote>');
  });

  it('escapes hostile text', () => {
    const html = renderBodyHtml(doc(paragraph(text('<script>alert("x")</script> & <img src=x onerror=alert(1)>'))));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('&amp;');
  });

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:x',
    '/relative/path',
    '//evil.example/x',
    'ftp://example.dk/file',
    'tel:+4512345678',
    '',
  ])('drops the link %j but keeps its text', (href) => {
    const html = renderBodyHtml(doc(paragraph(text('klik her', [link(href)]))));
    expect(html).not.toContain('<a');
    expect(html).not.toMatch(/javascript|vbscript|data:/i);
    expect(html).toContain('klik her');
  });

  it('keeps mailto links and escapes quotes in an allowed href', () => {
    expect(renderBodyHtml(doc(paragraph(text('skriv', [link('mailto:a@b.dk')]))))).toContain('href="mailto:a@b.dk"');
    const html = renderBodyHtml(doc(paragraph(text('x', [link('https://a.dk/"><script>alert(1)</script>')]))));
    expect(html).not.toContain('<script');
    expect(html).not.toContain('"><');
  });

  it('refuses nodes and marks the editor does not have', () => {
    expect(() => renderBodyHtml(doc({ type: 'iframe', attrs: { src: 'https://evil.example' } }))).toThrow();
    expect(() => renderBodyHtml(doc(paragraph(text('x', [{ type: 'script' }]))))).toThrow();
    // Known nodes in an order the schema would not make are still rendered, escaped.
    expect(renderBodyHtml(doc(text('<løs tekst>')))).toBe('&lt;løs tekst&gt;');
  });

  it('escapes hostile attribute values the schema keeps', () => {
    const html = renderBodyHtml(doc({ type: 'codeBlock', attrs: { language: '"><script>alert(1)</script>' }, content: [text('x')] }));
    expect(html).not.toContain('<script');
    expect(html).toContain('&quot;&gt;&lt;script&gt;');
    const heading = renderBodyHtml(doc({ type: 'heading', attrs: { level: '1 onclick=alert(1)' }, content: [text('h')] }));
    expect(heading).not.toContain('onclick');
  });

  it('ignores attributes the schema does not know', () => {
    const html = renderBodyHtml(doc({ type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'x' }, content: [text('p')] }));
    expect(html).toBe('<p>p</p>');
  });
});
