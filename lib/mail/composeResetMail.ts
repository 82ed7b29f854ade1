/** The Danish e-mail with a one-time password-reset link: plain text and simple HTML. */
import { t } from '../i18n/translator';
import { escapeHtml } from './escapeHtml';
import type { MailMessage } from './Mailer';

export function composeResetMail(to: { email: string; name: string }, link: string): MailMessage {
  const greeting = t('mail.reset.greeting', { name: to.name });
  const body = t('mail.reset.body');
  const ignore = t('mail.reset.ignore');
  const text = [greeting, '', body, '', link, '', ignore, '', t('mail.reset.signature')].join('\n');
  const html = [
    '<!doctype html><html lang="da"><body style="font-family:sans-serif;line-height:1.5">',
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(body)}</p>`,
    `<p><a href="${escapeHtml(link)}">${escapeHtml(t('mail.reset.button'))}</a></p>`,
    `<p style="word-break:break-all">${escapeHtml(link)}</p>`,
    `<p>${escapeHtml(ignore)}</p>`,
    `<p>${escapeHtml(t('mail.reset.signature'))}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: to.email, subject: t('mail.reset.subject'), text, html };
}
