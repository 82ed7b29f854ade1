/** What the read-only editor says a person can do, by access and phase (lib/editor/readOnlyNotice.ts). */
import { describe, expect, it } from 'vitest';
import { readOnlyNotice } from '../../../lib/editor/readOnlyNotice';
import { t, translator } from '../../../lib/i18n/translator';

describe('readOnlyNotice', () => {
  it('tells a reader "Kun læseadgang", and someone who may comment that they may', () => {
    expect(t(readOnlyNotice({ access: 'view', state: 'draft', mayComment: false }))).toMatch(/^Kun læseadgang/);
    expect(t(readOnlyNotice({ access: 'comment', state: 'consultation', mayComment: false }))).toBe(
      'Du kan kommentere, men ikke redigere teksten',
    );
    // A citizen whose token says view, once the comments panel found the consultation takes their comments.
    expect(readOnlyNotice({ access: 'view', state: 'consultation', mayComment: true })).toBe('editor.readOnly.comment');
    expect(readOnlyNotice({ access: null, state: null, mayComment: false })).toBe('editor.readOnly.view');
  });

  it('says why no one edits a published or archived document, whatever the access', () => {
    expect(readOnlyNotice({ access: 'comment', state: 'final', mayComment: true })).toBe('editor.readOnly.final');
    expect(readOnlyNotice({ access: 'view', state: 'archived', mayComment: false })).toBe('editor.readOnly.archived');
  });

  it('has every notice in English too', () => {
    const en = translator('en');
    expect(en(readOnlyNotice({ access: 'comment', state: 'draft', mayComment: false }))).toBe('You can comment, but not edit the text');
    expect(en(readOnlyNotice({ access: 'view', state: 'draft', mayComment: false }))).toMatch(/^Read only/);
  });
});
