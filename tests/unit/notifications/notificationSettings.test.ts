/** Settings resolution, the settings route's input, and the settings service with its unsubscribe links. */
import { describe, expect, it } from 'vitest';
import { notificationSettingsSchema } from '../../../app/_shared/notificationSettingsSchema';
import { firstIssueCode } from '../../../app/_shared/schemas';
import { createNotificationSettingsService } from '../../../lib/notifications/createNotificationSettingsService';
import { NOTIFICATION_KINDS } from '../../../lib/notifications/model';
import {
  DEFAULT_NOTIFICATION_SETTINGS,
  frequencyFor,
  resolvedFrequencies,
  withoutEmail,
} from '../../../lib/notifications/NotificationSettings';
import { signUnsubscribeToken } from '../../../lib/notifications/unsubscribeToken';
import { MemoryNotificationMailStore } from '../../../server/notifications/MemoryNotificationMailStore';

const SECRET = 'en-hemmelighed-paa-mindst-32-tegn-til-testen';

describe('settings resolution', () => {
  it('defaults: what is addressed to the person at once, what happens on followed documents daily, later kinds at once', () => {
    expect(resolvedFrequencies(DEFAULT_NOTIFICATION_SETTINGS)).toEqual({
      comment_new: 'daily',
      reply: 'immediate',
      answered: 'immediate',
      moderated: 'immediate',
      phase_changed: 'daily',
      published: 'daily',
      access_granted: 'immediate',
      access_requested: 'immediate',
      mentioned: 'immediate',
      passage_changed: 'daily',
      invited: 'immediate',
    });
    // Every kind gets one (the list is generic over NOTIFICATION_KINDS).
    expect(Object.keys(resolvedFrequencies(DEFAULT_NOTIFICATION_SETTINGS)).sort()).toEqual([...NOTIFICATION_KINDS].sort());
  });

  it('an override wins for its kind; the default frequency covers the rest', () => {
    const settings = { frequency: 'weekly' as const, kinds: { reply: 'immediate' as const, published: 'never' as const } };
    expect(frequencyFor(settings, 'reply')).toBe('immediate');
    expect(frequencyFor(settings, 'published')).toBe('never');
    expect(frequencyFor(settings, 'comment_new')).toBe('weekly');
  });

  it('unsubscribing sets one kind, or everything, to never', () => {
    expect(withoutEmail(DEFAULT_NOTIFICATION_SETTINGS, 'reply')).toEqual({
      frequency: 'immediate',
      kinds: { comment_new: 'daily', phase_changed: 'daily', published: 'daily', passage_changed: 'daily', reply: 'never' },
    });
    const all = withoutEmail(DEFAULT_NOTIFICATION_SETTINGS, 'all');
    expect(Object.values(resolvedFrequencies(all))).toEqual(NOTIFICATION_KINDS.map(() => 'never'));
  });
});

describe('PUT /api/account/notification-settings input', () => {
  const codeOf = (body: unknown) => {
    const result = notificationSettingsSchema.safeParse(body);
    return result.success ? 'ok' : firstIssueCode(result.error);
  };

  it('takes a frequency and optional per-kind ones', () => {
    expect(notificationSettingsSchema.parse({ frequency: 'daily' })).toEqual({ frequency: 'daily' });
    expect(notificationSettingsSchema.parse({ frequency: 'never', kinds: { reply: 'immediate' } })).toEqual({
      frequency: 'never',
      kinds: { reply: 'immediate' },
    });
  });

  it('refuses wrong types, unknown frequencies and kinds, and extra fields, naming the problem', () => {
    expect(codeOf({ frequency: 'hourly' })).toBe('frequency_invalid');
    expect(codeOf({ frequency: 1 })).toBe('frequency_invalid');
    expect(codeOf({})).toBe('frequency_invalid');
    expect(codeOf({ frequency: 'daily', kinds: { reply: 'sometimes' } })).toBe('frequency_invalid');
    expect(codeOf({ frequency: 'daily', kinds: { no_such_kind: 'daily' } })).toBe('notification_kind_unknown');
    expect(codeOf(JSON.parse('{"frequency":"daily","kinds":{"__proto__":"daily"}}'))).toBe('notification_kind_unknown');
    expect(codeOf(JSON.parse('{"frequency":"daily","kinds":{"constructor":"daily"}}'))).toBe('notification_kind_unknown');
    expect(codeOf({ frequency: 'daily', kinds: ['daily'] })).toBe('notification_settings_invalid');
    expect(codeOf({ frequency: 'daily', kinds: 'daily' })).toBe('notification_settings_invalid');
    expect(codeOf({ frequency: 'daily', extra: true })).toBe('notification_settings_invalid');
    expect(codeOf(null)).toBe('notification_settings_invalid');
    expect(codeOf([])).toBe('notification_settings_invalid');
  });
});

describe('NotificationSettingsService', () => {
  const emails = new Map([['p_karen', 'karen@eksempel.dk']]);
  const service = (store = new MemoryNotificationMailStore()) =>
    createNotificationSettingsService({
      store,
      secret: SECRET,
      emailOf: async (id) => emails.get(id) ?? null,
      mailEnabled: true,
      digestHour: 7,
      now: () => new Date('2026-12-07T09:00:00.000Z'),
    });

  it('answers the defaults until the person chooses, then their choice (unknown kinds dropped)', async () => {
    const store = new MemoryNotificationMailStore();
    const settings = service(store);
    expect(await settings.settingsOf('p_karen')).toEqual(DEFAULT_NOTIFICATION_SETTINGS);
    const chosen = { frequency: 'weekly' as const, kinds: { reply: 'immediate' as const, nope: 'daily' } as never };
    expect(await settings.update('p_karen', chosen)).toEqual({ frequency: 'weekly', kinds: { reply: 'immediate' } });
    expect(await settings.settingsOf('p_karen')).toEqual({ frequency: 'weekly', kinds: { reply: 'immediate' } });
    expect(await store.getSettings('p_karen')).toMatchObject({ personId: 'p_karen', updatedAt: '2026-12-07T09:00:00.000Z' });
  });

  it('an unsubscribe link: viewing changes nothing, using it stops the kind (or all); a forged one changes nothing', async () => {
    const settings = service();
    const reply = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'reply' });
    expect(await settings.viewUnsubscribe(reply)).toEqual({ scope: 'reply', email: 'karen@eksempel.dk', stopped: false });
    expect(await settings.viewUnsubscribe(reply)).toEqual({ scope: 'reply', email: 'karen@eksempel.dk', stopped: false });
    expect(await settings.settingsOf('p_karen')).toEqual(DEFAULT_NOTIFICATION_SETTINGS);

    const forged = signUnsubscribeToken('en-anden-hemmelighed-paa-mindst-32-tegn', { personId: 'p_karen', scope: 'all' });
    expect(await settings.unsubscribe(forged)).toBeNull();
    expect(await settings.viewUnsubscribe(forged)).toBeNull();
    expect(await settings.settingsOf('p_karen')).toEqual(DEFAULT_NOTIFICATION_SETTINGS);

    expect(await settings.unsubscribe(reply)).toEqual({ scope: 'reply', email: 'karen@eksempel.dk', stopped: true });
    expect(frequencyFor(await settings.settingsOf('p_karen'), 'reply')).toBe('never');
    expect(frequencyFor(await settings.settingsOf('p_karen'), 'answered')).toBe('immediate');
    expect(await settings.viewUnsubscribe(reply)).toMatchObject({ stopped: true });

    const all = signUnsubscribeToken(SECRET, { personId: 'p_karen', scope: 'all' });
    expect(await settings.unsubscribe(all)).toMatchObject({ scope: 'all', stopped: true });
    expect(Object.values(resolvedFrequencies(await settings.settingsOf('p_karen')))).toEqual(NOTIFICATION_KINDS.map(() => 'never'));
  });

  it('a token for a person who is gone changes nothing', async () => {
    const store = new MemoryNotificationMailStore();
    const settings = service(store);
    const gone = signUnsubscribeToken(SECRET, { personId: 'p_gone', scope: 'all' });
    expect(await settings.viewUnsubscribe(gone)).toBeNull();
    expect(await settings.unsubscribe(gone)).toBeNull();
    expect(await store.getSettings('p_gone')).toBeNull();
  });
});
