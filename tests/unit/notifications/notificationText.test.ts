import { describe, expect, it } from 'vitest';
import { translator } from '../../../lib/i18n/translator';
import type { NotificationData, NotificationKind } from '../../../lib/notifications/model';
import { notificationText } from '../../../lib/notifications/notificationText';

const da = translator('da');
const en = translator('en');
const text = (t: typeof da, kind: NotificationKind, data: Partial<NotificationData> = {}) =>
  notificationText(t, { kind, documentTitle: 'Lokalplan 12', data: { actorName: 'Anna', title: 'Gammel titel', ...data } });

describe('notificationText', () => {
  it('says what happened, by whom, on which document, in Danish and in English', () => {
    expect(text(da, 'comment_new', { threadKind: 'comment' })).toBe('Anna kommenterede “Lokalplan 12”.');
    expect(text(en, 'comment_new', { threadKind: 'suggestion' })).toBe('Anna suggested a change to “Lokalplan 12”.');
    expect(text(da, 'reply')).toBe('Anna svarede på din kommentar i “Lokalplan 12”.');
    expect(text(da, 'answered', { answerStatus: 'partly' })).toBe(
      'Anna gav et officielt svar på din kommentar i “Lokalplan 12”: Delvist imødekommet.',
    );
    expect(text(en, 'answered', { decision: 'declined' })).toBe('Anna declined your suggestion for “Lokalplan 12”.');
    expect(text(da, 'moderated', { moderation: 'hide', ground: 'spam' })).toBe(
      'Din kommentar i “Lokalplan 12” blev skjult af en moderator. Begrundelse: spam.',
    );
    expect(text(en, 'moderated', { moderation: 'restore' })).toBe('Your comment on “Lokalplan 12” is shown again.');
    expect(text(da, 'phase_changed', { from: 'draft', to: 'consultation' })).toBe('“Lokalplan 12” er sendt i offentlig høring.');
    expect(text(da, 'phase_changed', { from: 'consultation', to: 'final' })).toBe(
      'Høringen om “Lokalplan 12” er afsluttet. Dokumentet er nu i fasen: Endelig.',
    );
    expect(text(en, 'phase_changed', { from: 'draft', to: 'in_review' })).toBe('“Lokalplan 12” moved to the phase: In review.');
    expect(text(da, 'published', { version: 3 })).toBe('“Lokalplan 12” er udgivet som version 3.');
    expect(text(da, 'access_granted', { role: 'editor' })).toBe('Anna gav dig adgang til “Lokalplan 12” (Kan redigere).');
    expect(text(en, 'access_requested')).toBe('Anna asks to co-author “Lokalplan 12”.');
  });

  it('uses the title stored with the notification when no current one is given', () => {
    expect(notificationText(da, { kind: 'reply', documentTitle: '', data: { actorName: 'Anna', title: 'Gammel titel' } })).toBe(
      'Anna svarede på din kommentar i “Gammel titel”.',
    );
  });
});
