/**
 * E-mailing notifications through a real SMTP server on 127.0.0.1 (smtp-server, parsed with
 * mailparser) with the real nodemailer mailer: the contract of tests/helpers/notificationMailContract.ts.
 */
import type { ParsedMail } from 'mailparser';
import { createSmtpMailer } from '../../server/mail/createSmtpMailer';
import { startSmtpServer } from '../e2e/helpers/startSmtpServer';
import { notificationMailContract, type SentMail } from '../helpers/notificationMailContract';

/** Header lines unfolded (RFC 5322 folds long ones), by lower-case name. */
function headersOf(mail: ParsedMail): Record<string, string> {
  return Object.fromEntries(
    mail.headerLines.map(({ key, line }) => [
      key,
      line
        .slice(line.indexOf(':') + 1)
        .replace(/\r?\n[ \t]+/g, ' ')
        .trim(),
    ]),
  );
}

const toText = (mail: ParsedMail) => (mail.to && !Array.isArray(mail.to) ? mail.to.text : '');

notificationMailContract('notification e-mail (real SMTP)', async () => {
  const smtp = await startSmtpServer();
  return {
    mailer: createSmtpMailer(smtp.url, 'Samskriv <samskriv@kommune.example>'),
    sent: (): SentMail[] =>
      smtp.messages.map((mail) => ({
        to: toText(mail),
        subject: mail.subject ?? '',
        text: mail.text ?? '',
        html: typeof mail.html === 'string' ? mail.html : '',
        headers: headersOf(mail),
      })),
    stop: () => smtp.stop(),
  };
});
