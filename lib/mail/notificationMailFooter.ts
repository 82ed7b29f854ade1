/**
 * The end of every notification e-mail: why it came, how to stop it (one kind, or all, by a link
 * that works without signing in) and where to choose; as plain-text lines and as escaped HTML.
 */
import type { Translate } from '../i18n/t';
import { escapeHtml } from './escapeHtml';

export interface NotificationMailFooterLinks {
  /** Stops this kind (immediate mails only). */
  readonly unsubscribeKind?: string;
  readonly unsubscribeAll: string;
  readonly settings: string;
}

export function notificationMailFooter(t: Translate, why: string, links: NotificationMailFooterLinks): { text: string[]; html: string[] } {
  const rows: Array<[string, string]> = [
    ...(links.unsubscribeKind === undefined ? [] : [[t('mail.footer.unsubscribeKind'), links.unsubscribeKind] as [string, string]]),
    [t('mail.footer.unsubscribeAll'), links.unsubscribeAll],
    [t('mail.footer.settings'), links.settings],
  ];
  return {
    text: ['-- ', why, ...rows.map(([label, link]) => `${label} ${link}`)],
    html: [
      '<hr>',
      `<p style="color:#555;font-size:0.9em">${escapeHtml(why)}</p>`,
      ...rows.map(
        ([label, link]) =>
          `<p style="color:#555;font-size:0.9em">${escapeHtml(label)} <a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>`,
      ),
    ],
  };
}
