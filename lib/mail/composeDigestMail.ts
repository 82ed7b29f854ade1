/**
 * A daily or weekly digest: the person's notifications of the period, grouped by document (each
 * document's title a heading with its link, its notifications in the order they happened), and the
 * footer. Danish unless the person's language is English; everything from people escaped in HTML.
 */
import type { Locale } from '../i18n/messages';
import { translator } from '../i18n/translator';
import type { DigestKind } from '../notifications/digestPeriod';
import type { NotificationItem } from '../notifications/NotificationService';
import { notificationText } from '../notifications/notificationText';
import { listUnsubscribeHeaders } from './composeNotificationMail';
import { escapeHtml } from './escapeHtml';
import type { MailMessage } from './Mailer';
import { notificationMailFooter } from './notificationMailFooter';

export interface DigestDocument {
  readonly title: string;
  readonly link: string;
  /** Oldest first; `link` to the comment an item is about (`#kommentar-<id>`), when it is about one. */
  readonly items: readonly (Pick<NotificationItem, 'kind' | 'data' | 'documentTitle'> & { readonly link?: string })[];
}

export interface DigestMailInput {
  readonly to: { readonly email: string; readonly name: string };
  readonly locale: Locale;
  readonly kind: DigestKind;
  readonly documents: readonly DigestDocument[];
  readonly links: { readonly unsubscribeAll: string; readonly settings: string; readonly oneClick: string };
}

export function composeDigestMail({ to, locale, kind, documents, links }: DigestMailInput): MailMessage {
  const t = translator(locale);
  const count = documents.reduce((sum, document) => sum + document.items.length, 0);
  const greeting = t('mail.notification.greeting', { name: to.name });
  const intro = t(kind === 'daily' ? 'mail.digest.intro.daily' : 'mail.digest.intro.weekly');
  const footer = notificationMailFooter(t, t(kind === 'daily' ? 'mail.digest.why.daily' : 'mail.digest.why.weekly'), {
    unsubscribeAll: links.unsubscribeAll,
    settings: links.settings,
  });
  const text = [
    greeting,
    '',
    intro,
    ...documents.flatMap((document) => [
      '',
      `${document.title} (${document.link})`,
      ...document.items.map((item) => `- ${notificationText(t, item)}${item.link === undefined ? '' : ` (${item.link})`}`),
    ]),
    '',
    t('mail.reset.signature'),
    '',
    ...footer.text,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(intro)}</p>`,
    ...documents.flatMap((document) => [
      `<h2 style="font-size:1.1em"><a href="${escapeHtml(document.link)}">${escapeHtml(document.title)}</a></h2>`,
      '<ul>',
      ...document.items.map((item) =>
        item.link === undefined
          ? `<li>${escapeHtml(notificationText(t, item))}</li>`
          : `<li><a href="${escapeHtml(item.link)}">${escapeHtml(notificationText(t, item))}</a></li>`,
      ),
      '</ul>',
    ]),
    `<p>${escapeHtml(t('mail.reset.signature'))}</p>`,
    ...footer.html,
    '</body></html>',
  ].join('\n');
  return {
    to: to.email,
    subject: t(kind === 'daily' ? 'mail.digest.subject.daily' : 'mail.digest.subject.weekly', { count }),
    text,
    html,
    headers: listUnsubscribeHeaders(links.oneClick),
  };
}
