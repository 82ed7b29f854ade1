import { describe, expect, it } from 'vitest';
import { closedMessage, describeStatus } from '../../../app/_editor/SyncStatusText';
import { t } from '../../../lib/i18n/translator';
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
});
