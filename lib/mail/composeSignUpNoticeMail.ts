/**
 * The e-mail (in the person's language, Danish when they never chose) to an account's owner when someone signs up with their address: sign-up
 * answers such a request exactly like a new account (it must not tell whether an e-mail has an
 * account), so the owner hears of it here, with the way in if it was them.
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { translator } from '../i18n/translator';
import { escapeHtml } from './escapeHtml';
import type { MailMessage } from './Mailer';

export function composeSignUpNoticeMail(to: { email: string; name: string; locale?: Locale }, publicUrl: string): MailMessage {
  const locale = to.locale ?? DEFAULT_LOCALE;
  const t = translator(locale);
  const signIn = `${publicUrl}/konto/log-ind`;
  const forgot = `${publicUrl}/konto/glemt`;
  const greeting = t('mail.signUpNotice.greeting', { name: to.name });
  const body = t('mail.signUpNotice.body');
  const forgotText = t('mail.signUpNotice.forgot');
  const ignore = t('mail.signUpNotice.ignore');
  const signature = t('mail.reset.signature');
  const text = [greeting, '', body, '', signIn, '', forgotText, '', forgot, '', ignore, '', signature].join('\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
    `<p>${escapeHtml(greeting)}</p>`,
    `<p>${escapeHtml(body)}</p>`,
    `<p><a href="${escapeHtml(signIn)}">${escapeHtml(t('mail.signUpNotice.button'))}</a></p>`,
    `<p>${escapeHtml(forgotText)} <a href="${escapeHtml(forgot)}">${escapeHtml(forgot)}</a></p>`,
    `<p>${escapeHtml(ignore)}</p>`,
    `<p>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: to.email, subject: t('mail.signUpNotice.subject'), text, html };
}
