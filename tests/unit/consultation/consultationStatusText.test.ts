import { describe, expect, it } from 'vitest';
import { consultationStatusText } from '../../../app/_consultation/consultationStatusText';
import { isCommentShortcut } from '../../../app/_consultation/CommentShortcut';
import { t, translator } from '../../../lib/i18n/translator';

const now = new Date('2026-11-20T12:00:00Z');

describe('consultationStatusText', () => {
  it('says until when a consultation runs, when it opens, and that it closed', () => {
    expect(consultationStatusText({ state: 'consultation', opensAt: null, closesAt: '2026-12-15T22:59:59.000Z' }, now, t, 'da')).toBe(
      'Offentlig høring til 15. december',
    );
    expect(consultationStatusText({ state: 'consultation', opensAt: null, closesAt: null }, now, t, 'da')).toBe(
      'Offentlig høring – åben for kommentarer',
    );
    expect(consultationStatusText({ state: 'consultation', opensAt: '2026-12-01T00:00:00+01:00', closesAt: null }, now, t, 'da')).toBe(
      'Høringen åbner 1. december',
    );
    expect(consultationStatusText({ state: 'consultation', opensAt: null, closesAt: '2026-11-01T00:00:00Z' }, now, t, 'da')).toBe(
      'Høringen er lukket',
    );
    expect(consultationStatusText({ state: 'final', opensAt: null, closesAt: '2026-11-01T00:00:00Z' }, now, t, 'da')).toBe(
      'Høringen er lukket',
    );
  });

  it('names the year when it is not this year’s, and speaks English too', () => {
    expect(consultationStatusText({ state: 'consultation', opensAt: null, closesAt: '2027-01-15T12:00:00Z' }, now, t, 'da')).toBe(
      'Offentlig høring til 15. januar 2027',
    );
    expect(
      consultationStatusText({ state: 'consultation', opensAt: null, closesAt: '2026-12-15T12:00:00Z' }, now, translator('en'), 'en'),
    ).toBe('Public consultation until 15 December');
  });

  it('says nothing outside a consultation', () => {
    expect(consultationStatusText({ state: 'draft', opensAt: null, closesAt: null }, now, t, 'da')).toBeNull();
    expect(consultationStatusText({ state: 'final', opensAt: null, closesAt: null }, now, t, 'da')).toBeNull();
  });
});

describe('isCommentShortcut', () => {
  const key = (init: Partial<KeyboardEvent>) => ({
    key: 'm',
    code: 'KeyM',
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...init,
  });
  it('is Ctrl+Alt+M, or Cmd+Option+M, and not AltGr+M typing a character', () => {
    expect(isCommentShortcut(key({ ctrlKey: true, altKey: true }))).toBe(true);
    expect(isCommentShortcut(key({ metaKey: true, altKey: true, key: 'µ' }))).toBe(true);
    expect(isCommentShortcut(key({ ctrlKey: true, altKey: true, key: 'µ' }))).toBe(false);
    expect(isCommentShortcut(key({ ctrlKey: true }))).toBe(false);
    expect(isCommentShortcut(key({ ctrlKey: true, altKey: true, shiftKey: true }))).toBe(false);
  });
});
