/**
 * A Mailer over SMTP (nodemailer) from `SMTP_URL`. The URL, which may hold a password, is handed
 * to nodemailer only: never logged, and nodemailer's own logging stays off.
 */
import nodemailer from 'nodemailer';
import type { Mailer, MailMessage } from '../../lib/mail/Mailer';

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl, { from });
  return {
    async send(message: MailMessage): Promise<void> {
      await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
    },
  };
}
