/**
 * A Mailer over SMTP (nodemailer) from `SMTP_URL`. The URL, which may hold a password, is handed
 * to nodemailer only: never logged, and nodemailer's own logging stays off.
 */
import type { Transporter } from 'nodemailer';
import type { Mailer, MailMessage } from '../../lib/mail/Mailer';

export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  // nodemailer is loaded with the first e-mail, not at start (start time and memory of every server).
  let transport: Promise<Transporter> | null = null;
  return {
    async send(message: MailMessage): Promise<void> {
      transport ??= import('nodemailer').then(({ default: nodemailer }) => nodemailer.createTransport(smtpUrl, { from }));
      await (
        await transport
      ).sendMail({
        from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        ...(message.headers && { headers: { ...message.headers } }),
      });
    },
  };
}
