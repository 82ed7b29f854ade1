/**
 * E-mailing notifications with a Mailer that records what it is handed (the same contract runs
 * against a real SMTP server in tests/integration/notificationMail.test.ts).
 */
import type { MailMessage } from '../../../lib/mail/Mailer';
import { notificationMailContract, type SentMail } from '../../helpers/notificationMailContract';

notificationMailContract('notification e-mail (recording mailer)', async () => {
  const sent: SentMail[] = [];
  return {
    mailer: {
      async send(message: MailMessage) {
        sent.push({
          to: message.to,
          subject: message.subject,
          text: message.text,
          html: message.html,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value])),
        });
      },
    },
    sent: () => sent,
    stop: async () => {},
  };
});
