/** The e-mail (in the person's language, Danish when they never chose) with a one-time password-reset link: plain text and simple HTML. */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { escapeHtml } from './escapeHtml';
import type { MailMessage } from './Mailer';

export function composeResetMail(to: { email: string; name: string; locale?: Locale }, link: string): MailMessage {
  const locale = to.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const greeting = t('mail.reset.greeting', { name: to.name });
  const body = t('mail.reset.body');
  const ignore = t('mail.reset.ignore');
  const text = [greeting, '', body, '', link, '', ignore, '', t('mail.reset.signature')].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
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
