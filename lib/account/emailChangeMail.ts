/**
 * The Danish e-mails of an e-mail change: the confirmation link to the new address, a notice to the
 * old one, and a notice to the owner of an address someone tried to move their account to (the
 * request is answered as if a link went out: it must not tell whether an address has an account).
 */
import { t } from '../i18n/t';
import { escapeHtml } from '../mail/escapeHtml';
import type { MailMessage } from '../mail/Mailer';

function message(to: string, subject: string, paragraphs: readonly string[], link?: { href: string; label: string }): MailMessage {
  const signature = t('mail.reset.signature');
  const text = [...paragraphs, ...(link ? [link.href] : []), signature].join('\n\n');
  const html = [
    '<!doctype html><html lang="da"><body style="font-family:sans-serif;line-height:1.5">',
    ...paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    ...(link
      ? [
          `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
          `<p style="word-break:break-all">${escapeHtml(link.href)}</p>`,
        ]
      : []),
    `<p>${escapeHtml(signature)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to, subject, text, html };
}

export function composeEmailChangeMail(to: { email: string; name: string }, link: string): MailMessage {
  return message(
    to.email,
    t('mail.emailChange.subject'),
    [t('mail.emailChange.greeting', { name: to.name }), t('mail.emailChange.body'), t('mail.emailChange.ignore')],
    { href: link, label: t('mail.emailChange.button') },
  );
}

export function composeEmailChangedNoticeMail(to: { email: string; name: string }, newEmail: string): MailMessage {
  return message(to.email, t('mail.emailChangeNotice.subject'), [
    t('mail.emailChange.greeting', { name: to.name }),
    t('mail.emailChangeNotice.body', { email: newEmail }),
    t('mail.emailChangeNotice.notYou'),
  ]);
}

export function composeEmailTakenNoticeMail(to: { email: string; name: string }, publicUrl: string): MailMessage {
  return message(
    to.email,
    t('mail.emailTaken.subject'),
    [t('mail.emailChange.greeting', { name: to.name }), t('mail.emailTaken.body'), t('mail.emailTaken.ignore')],
    { href: `${publicUrl}/konto`, label: t('mail.emailTaken.button') },
  );
}
