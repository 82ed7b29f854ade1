import { describe, expect, it } from 'vitest';
import { closedMessage, describeStatus } from '../../../app/_editor/SyncStatusText';
import { t, translator } from '../../../lib/i18n/translator';
import { Close } from '../../../lib/protocol';

describe('closedMessage', () => {
  it('says the document was published for Close.published, never that access is missing', () => {
    const message = closedMessage(Close.published.code, false, t);
    expect(message).toBe('Dokumentet er udgivet');
    expect(closedMessage(Close.published.code, true, t)).toBe(message);
    expect(message).not.toContain('adgang');
  });

  it('still explains a lost access as before', () => {
    expect(closedMessage(Close.accessChanged.code, false, t)).toBe(t('closed.forbidden'));
  });
});

describe('describeStatus', () => {
  it('says "Forbundet" for a reader whose document is saved, with nothing pending', () => {
    expect(describeStatus({ kind: 'saved', savedAt: null }, { readOnly: true, withToken: false }, t, 'da')).toBe('Forbundet');
  });

  it('says that changes wait, never a count of Yjs updates (a keystroke each), in both languages', () => {
    const context = { readOnly: false, withToken: false };
    const en = translator('en');
    for (const pending of [1, 27]) {
      expect(describeStatus({ kind: 'offline', pending }, context, t, 'da')).toBe(
        'Offline – ændringer venter og gemmes, når forbindelsen er tilbage',
      );
      expect(describeStatus({ kind: 'connecting', pending }, context, t, 'da')).toBe('Forbinder… (ændringer venter)');
      expect(describeStatus({ kind: 'reconnecting', pending }, context, t, 'da')).toBe('Forbinder igen… (ændringer venter)');
      expect(describeStatus({ kind: 'saving', pending }, context, t, 'da')).toBe('Gemmer ændringer …');
      expect(describeStatus({ kind: 'offline', pending }, context, en, 'en')).toBe(
        'Offline – changes waiting, saved when the connection is back',
      );
      expect(describeStatus({ kind: 'saving', pending }, context, en, 'en')).not.toMatch(/\d/);
    }
    expect(describeStatus({ kind: 'offline', pending: 0 }, context, t, 'da')).toBe(
      'Offline – ændringer gemmes når forbindelsen er tilbage',
    );
    expect(describeStatus({ kind: 'connecting' }, context, t, 'da')).toBe('Forbinder…');
  });
});
