/** The pure parts of mentions: reading asked-for ids, matching names, finding mention nodes in a body, the sentences. */
import { getSchema, type JSONContent } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bodyExtensions } from '../../../lib/editor/bodyExtensions';
import { translator } from '../../../lib/i18n/translator';
import { bodyMentions } from '../../../lib/mentions/bodyMentions';
import { MAX_MENTIONS } from '../../../lib/mentions/model';
import { insertMention, mentionQueryAt, mentionsInText } from '../../../lib/mentions/mentionQuery';
import { nameMatches } from '../../../lib/mentions/nameMatches';
import { readMentionIds } from '../../../lib/mentions/readMentionIds';
import type { NotificationData, NotificationKind } from '../../../lib/notifications/model';
import { notificationText } from '../../../lib/notifications/notificationText';
import { BODY_FRAGMENT } from '../../../lib/protocol';
import { bodyJsonOfDoc } from '../../../lib/versions/bodyJsonOf';

const mention = (id: string, label: string): JSONContent => ({ type: 'mention', attrs: { id, label } });
const paragraph = (...content: JSONContent[]): JSONContent => ({ type: 'paragraph', content });
const text = (value: string): JSONContent => ({ type: 'text', text: value });

function docOf(...content: JSONContent[]): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(getSchema(bodyExtensions()), { type: 'doc', content }, doc.getXmlFragment(BODY_FRAGMENT));
  return doc;
}

describe('readMentionIds', () => {
  it('takes a list of person ids, each once, in order; absent is none', () => {
    expect(readMentionIds(undefined)).toEqual([]);
    expect(readMentionIds([])).toEqual([]);
    expect(readMentionIds(['p_b', 'p_a', 'p_b'])).toEqual(['p_b', 'p_a']);
  });

  it('refuses anything else: not a list, not strings, not id-shaped, too many', () => {
    for (const value of [null, 'p_a', { 0: 'p_a' }, [1], [null], [''], ['p a'], ['p_a<script>'], ['x'.repeat(101)]])
      expect(readMentionIds(value)).toBeNull();
    expect(readMentionIds(Array.from({ length: MAX_MENTIONS }, (_, i) => `p_${i}`))).toHaveLength(MAX_MENTIONS);
    expect(readMentionIds(Array.from({ length: MAX_MENTIONS + 1 }, (_, i) => `p_${i}`))).toBeNull();
  });
});

describe('nameMatches', () => {
  it('matches the start of the name or of one of its words, ignoring case', () => {
    expect(nameMatches('Karen Borger', '')).toBe(true);
    expect(nameMatches('Karen Borger', 'kar')).toBe(true);
    expect(nameMatches('Karen Borger', 'BOR')).toBe(true);
    expect(nameMatches('Karen Borger', 'karen b')).toBe(true);
    expect(nameMatches('Anne-Sofie Ørum', 'sofie')).toBe(true);
    expect(nameMatches('Anne-Sofie Ørum', 'ør')).toBe(true);
    expect(nameMatches('Karen Borger', 'aren')).toBe(false);
    // Danish letters are letters of their own: "å" is not "a".
    expect(nameMatches('Åse Holm', 'a')).toBe(false);
    expect(nameMatches('Åse Holm', 'å')).toBe(true);
  });
});

describe('bodyMentions', () => {
  it('finds each mention node with the person it names and an identity that edits around it keep', () => {
    const doc = docOf(paragraph(text('Spørg '), mention('p_jens', 'Jens'), text(' og '), mention('p_ida', 'Ida')), paragraph(text('Slut')));
    const found = bodyMentions(doc);
    expect(found.map((m) => m.personId)).toEqual(['p_jens', 'p_ida']);
    // Typing before them changes neither identity.
    const first = doc.getXmlFragment(BODY_FRAGMENT).get(0) as Y.XmlElement;
    (first.get(0) as Y.XmlText).insert(0, 'Hej! ');
    expect(bodyMentions(doc)).toEqual(found);
    // The same person mentioned again is a new node, with its own identity.
    const again = docOf(paragraph(mention('p_jens', 'Jens')));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(again));
    const now = bodyMentions(doc);
    expect(now).toHaveLength(3);
    expect(new Set(now.map((m) => m.key)).size).toBe(3);
  });

  it('finds mentions inside lists and quotes, and the body reads back through the schema with them', () => {
    const doc = docOf({
      type: 'bulletList',
      content: [
        {
          type: 'listItem',
          content: [paragraph(text('Punkt')), { type: 'blockquote', content: [paragraph(mention('p_bo', 'Bo Borger'))] }],
        },
      ],
    });
    expect(bodyMentions(doc).map((m) => m.personId)).toEqual(['p_bo']);
    expect(JSON.stringify(bodyJsonOfDoc(doc))).toContain('"label":"Bo Borger"');
  });
});

describe('the notifications’ sentences', () => {
  const da = translator('da');
  const en = translator('en');
  const say = (t: typeof da, kind: NotificationKind, data: Partial<NotificationData> = {}) =>
    notificationText(t, { kind, documentTitle: 'Lokalplan 12', data: { actorName: 'Anna', title: 'Gammel', ...data } });

  it('say who mentioned whom where, that a passage changed, and that an invitation was taken up', () => {
    expect(say(da, 'mentioned', { mentionedIn: 'comment' })).toBe('Anna nævnte dig i en kommentar til “Lokalplan 12”.');
    expect(say(en, 'mentioned', { mentionedIn: 'body' })).toBe('Anna mentioned you in the text of “Lokalplan 12”.');
    expect(say(da, 'passage_changed')).toBe('Teksten, du kommenterede i “Lokalplan 12”, er blevet ændret.');
    expect(say(en, 'passage_changed')).toBe('The text you commented on in “Lokalplan 12” was changed.');
    expect(say(da, 'invited', { role: 'commenter' })).toMatch(/^Anna tog imod din invitation til “Lokalplan 12” \(.+\)\.$/);
  });
});

describe('the composer’s "@"', () => {
  it('finds the name being typed after an "@" before the caret, up to two words', () => {
    expect(mentionQueryAt('Hej @', 5)).toEqual({ start: 4, query: '' });
    expect(mentionQueryAt('Hej @kar', 8)).toEqual({ start: 4, query: 'kar' });
    expect(mentionQueryAt('@Karen B', 8)).toEqual({ start: 0, query: 'Karen B' });
    expect(mentionQueryAt('(@Åse', 5)).toEqual({ start: 1, query: 'Åse' });
    // Not after a letter (an e-mail address), not three words on, not after the caret has left it.
    expect(mentionQueryAt('mail@kommune', 12)).toBeNull();
    expect(mentionQueryAt('@Karen Borger og', 16)).toBeNull();
    expect(mentionQueryAt('@kar hej', 3)).toEqual({ start: 0, query: 'ka' });
    expect(mentionQueryAt('Ingen her', 9)).toBeNull();
  });

  it('puts "@Name " in place of what was typed, and keeps only the chosen people the text still names', () => {
    const at = mentionQueryAt('Hej @kar, se her', 8)!;
    expect(insertMention('Hej @kar, se her', at, 'Karen Borger')).toEqual({ text: 'Hej @Karen Borger, se her', caret: 17 });
    expect(insertMention('@kar og', mentionQueryAt('@kar og', 4)!, 'Karen')).toEqual({ text: '@Karen og', caret: 7 });
    expect(insertMention('@bo', mentionQueryAt('@bo', 3)!, 'Bo')).toEqual({ text: '@Bo ', caret: 4 });
    expect(insertMention('@bo tak', mentionQueryAt('@bo tak', 3)!, 'Bo')).toEqual({ text: '@Bo tak', caret: 4 });
    const chosen = [
      { id: 'p_k', name: 'Karen Borger' },
      { id: 'p_b', name: 'Bo' },
      { id: 'p_k', name: 'Karen Borger' },
    ];
    expect(mentionsInText('Tak @Karen Borger!', chosen)).toEqual([{ id: 'p_k', name: 'Karen Borger' }]);
  });
});
