import { describe, expect, it } from 'vitest';
import { catalogues, da, en, LOCALES } from '../../../lib/i18n/messages';
import { errorMessage } from '../../../lib/i18n/t';
import { t, translator } from '../../../lib/i18n/translator';
import { formatDateTime } from '../../../lib/i18n/format';
import { GLOBAL_ERROR_TEXT } from '../../../lib/i18n/globalErrorText';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  it('have the same keys in Danish and English (none missing in either)', () => {
    const missingInEnglish = Object.keys(da).filter((key) => !Object.hasOwn(en, key));
    const missingInDanish = Object.keys(en).filter((key) => !Object.hasOwn(da, key));
    expect({ missingInEnglish, missingInDanish }).toEqual({ missingInEnglish: [], missingInDanish: [] });
  });

  it('have no empty or whitespace-only messages', () => {
    for (const locale of LOCALES) {
      for (const [key, text] of Object.entries(catalogues[locale])) {
        expect(text.trim(), `${locale} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(da) as (keyof typeof da)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
    }
  });

  it('have an English text for every Danish one (except words that are the same in both)', () => {
    const sameInBoth = new Set([
      'app.name',
      'toolbar.link',
      'account.email',
      'header.admin',
      'admin.heading',
      'admin.people.email',
      'admin.role.moderator',
      // issue 9: compare ("version" is the same word in both)
      'compare.version',
      'compare.versionOption',
      'versions.number',
      // issue 9: public ("version" is the same word in both)
      'publicVersion.versions.item',
      'publicVersion.feed.entryTitle',
      // session 8: mail (the product's name and the sentence)
      'mail.notification.subject',
      // session 9: rough edges ("Status" is the same word in both)
      'accessibility.status.heading',
      // session 10: feedback ("Feedback" is the same word in both; a heading with its count)
      'account.export.kind.feedback',
      'report.csv.kind.feedback',
      'feedback.list.heading',
      'report.feedback.category',
      // session 10: workshop ("Start workshop" is Danish and English alike)
      'workshop.start',
      // session 10: read aloud ("Pause" and "Stop" are the same words in both)
      'readAloud.pause',
      'readAloud.stop',
      // session 11: forum ("Fælles-skabet" is a name; "Case" and "Type" are the same words in both)
      'forum.nav',
      'forum.type.case',
      'forum.new.type',
    ]);
    const same = Object.keys(da).filter((key) => !sameInBoth.has(key) && da[key as keyof typeof da] === en[key as keyof typeof da]);
    expect(same).toEqual([]);
  });
});

describe('the global error page’s own sentences', () => {
  it('equal the catalogues’ (that page carries them without a catalogue)', () => {
    for (const locale of LOCALES) {
      const translate = translator(locale);
      expect(GLOBAL_ERROR_TEXT[locale]).toEqual({
        heading: translate('error.heading'),
        body: translate('error.body'),
        retry: translate('error.retry'),
      });
    }
  });
});

describe('t()', () => {
  it('is Danish by default and fills placeholders', () => {
    expect(t('account.signIn.heading')).toBe('Log ind');
    expect(t('outbox.pending.other', { n: 3 })).toBe('3 handlinger venter på at blive sendt');
    expect(translator('en')('outbox.pending.other', { n: 3 })).toBe('3 actions are waiting to be sent');
  });

  it('maps API error codes to messages, with a fallback for unknown codes', () => {
    expect(errorMessage(t, 'title_required')).toBe('Skriv en titel.');
    expect(errorMessage(t, 'no_such_code')).toBe(t('error.internal'));
    expect(errorMessage(t, 'constructor')).toBe(t('error.internal'));
  });
});

describe('formatDateTime', () => {
  it('formats in Danish time, whatever the machine’s time zone', () => {
    // 23:30 UTC on 31 December is already the new year in Copenhagen.
    expect(formatDateTime('2026-12-31T23:30:00Z', 'da')).toContain('2027');
  });
});
