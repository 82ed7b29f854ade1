/**
 * One notification as an e-mail (frequency "immediate"): the sentence the bell shows, a link to the
 * document (at the comment, for a notification about one), and the footer with the unsubscribe links. Danish unless the person's language is
 * English; plain text and HTML, everything from people (names, titles) escaped in the HTML. The
 * subject is the sentence, so it names the document.
 */
import type { Locale } from '../i18n/messages';
import { translator } from '../i18n/translator';
import { kindLabel } from '../notifications/kindLabel';
import type { NotificationItem } from '../notifications/NotificationService';
import { commentOfNotification } from '../notifications/notificationPath';
import { notificationText } from '../notifications/notificationText';
import { escapeHtml } from './escapeHtml';
import type { MailMessage } from './Mailer';
import { notificationMailFooter } from './notificationMailFooter';

export interface NotificationMailInput {
  readonly to: { readonly email: string; readonly name: string };
  readonly locale: Locale;
  readonly item: Pick<NotificationItem, 'kind' | 'data' | 'documentTitle'>;
  readonly links: {
    readonly document: string;
    readonly unsubscribeKind: string;
    readonly unsubscribeAll: string;
    readonly settings: string;
    /** List-Unsubscribe (RFC 8058 one-click): the address a mail client POSTs to. */
    readonly oneClick: string;
  };
}

/** Headers never carry a line break: a title is only ever in the subject, which the mailer encodes. */
const oneLine = (text: string) => text.replace(/[\r\n]+/g, ' ');

export function composeNotificationMail({ to, locale, item, links }: NotificationMailInput): MailMessage {
  const t = translator(locale);
  const sentence = notificationText(t, item);
  const title = item.documentTitle || item.data.title;
  const greeting = t('mail.notification.greeting', { name: to.name });
  // A link to one comment (lib/notifications/notificationPath.ts) says so.
  const open =
    commentOfNotification(item) === null ? t('mail.notification.open', { title }) : t('mail.notification.openComment', { title });
  const footer = notificationMailFooter(t, t('mail.notification.why', { kind: kindLabel(t, item.kind) }), links);
  const text = [greeting, '', sentence, '', `${open}: ${links.document}`, '', t('mail.reset.signature'), '', ...footer.text].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(sentence)}</p>`,
    `<p><a href="${escapeHtml(links.document)}">${escapeHtml(open)}</a></p>`,
    `<p>${escapeHtml(t('mail.reset.signature'))}</p>`,
    ...footer.html,
    '</body></html>',
  ].join('\n');
  return {
    to: to.email,
    subject: oneLine(t('mail.notification.subject', { text: sentence })),
    text,
    html,
    headers: listUnsubscribeHeaders(links.oneClick),
  };
}

/** RFC 2369 and RFC 8058: a mail client's "unsubscribe" POSTs `List-Unsubscribe=One-Click` to the address. */
export function listUnsubscribeHeaders(oneClick: string): Record<string, string> {
  return { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
}
