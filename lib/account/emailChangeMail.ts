/**
 * The e-mails of an e-mail change (in the person's language, Danish when they never chose): the confirmation link to the new address, a notice to the
 * old one, and a notice to the owner of an address someone tried to move their account to (the
 * request is answered as if a link went out: it must not tell whether an address has an account).
 */
import { DEFAULT_LOCALE, type Locale } from '../i18n/locales';
import { type Translate } from '../i18n/t';
import { translator } from '../i18n/translator';
import { escapeHtml } from '../mail/escapeHtml';
import type { MailMessage } from '../mail/Mailer';

/** Whom a mail goes to: the address, the name it greets, and the language the person chose. */
export interface MailRecipient {
  readonly email: string;
  readonly name: string;
  readonly locale?: Locale;
}

function message(
  locale: Locale,
  to: string,
  subject: string,
  paragraphs: readonly string[],
  link?: { href: string; label: string },
): MailMessage {
  const signature = translator(locale)('mail.reset.signature');
  const text = [...paragraphs, ...(link ? [link.href] : []), signature].join('\n\n');
  const html = [
    `<!doctype html><html lang="${locale}"><body style="font-family:sans-serif;line-height:1.5">`,
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

const localeOf = (to: MailRecipient): Locale => to.locale ?? DEFAULT_LOCALE;
const tFor = (to: MailRecipient): Translate => translator(localeOf(to));

export function composeEmailChangeMail(to: MailRecipient, link: string): MailMessage {
  const t = tFor(to);
  return message(
    localeOf(to),
    to.email,
    t('mail.emailChange.subject'),
    [t('mail.emailChange.greeting', { name: to.name }), t('mail.emailChange.body'), t('mail.emailChange.ignore')],
    { href: link, label: t('mail.emailChange.button') },
  );
}

export function composeEmailChangedNoticeMail(to: MailRecipient, newEmail: string): MailMessage {
  const t = tFor(to);
  return message(localeOf(to), to.email, t('mail.emailChangeNotice.subject'), [
    t('mail.emailChange.greeting', { name: to.name }),
    t('mail.emailChangeNotice.body', { email: newEmail }),
    t('mail.emailChangeNotice.notYou'),
  ]);
}

export function composeEmailTakenNoticeMail(to: MailRecipient, publicUrl: string): MailMessage {
  const t = tFor(to);
  return message(
    localeOf(to),
    to.email,
    t('mail.emailTaken.subject'),
    [t('mail.emailChange.greeting', { name: to.name }), t('mail.emailTaken.body'), t('mail.emailTaken.ignore')],
    { href: `${publicUrl}/konto`, label: t('mail.emailTaken.button') },
  );
}
