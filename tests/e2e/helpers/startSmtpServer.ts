/**
 * A real SMTP server on 127.0.0.1 (a free port) that keeps what it receives, for tests of e-mail.
 * Plain SMTP without STARTTLS; it accepts exactly one user name and password, so a test also
 * shows the credentials in SMTP_URL are used.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpSink {
  /** `smtp://user:pass@127.0.0.1:<port>` */
  readonly url: string;
  readonly messages: readonly ParsedMail[];
  /** Resolves with the `count`-th message (1-based) once it has arrived. */
  nth(count: number): Promise<ParsedMail>;
  stop(): Promise<void>;
}

export async function startSmtpServer(user = 'samskriv', pass = 'hemmelig:kode/æ'): Promise<SmtpSink> {
  const messages: ParsedMail[] = [];
  const waiting: { count: number; resolve: (mail: ParsedMail) => void }[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === user && auth.password === pass) callback(null, { user });
      else callback(new Error('invalid credentials'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push(mail);
          for (const waiter of [...waiting]) {
            if (messages.length >= waiter.count) {
              waiting.splice(waiting.indexOf(waiter), 1);
              waiter.resolve(messages[waiter.count - 1]!);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://${encodeURIComponent(user)}:${encodeURIComponent(pass)}@127.0.0.1:${port}`,
    messages,
    nth: (count) =>
      messages.length >= count ? Promise.resolve(messages[count - 1]!) : new Promise((resolve) => waiting.push({ count, resolve })),
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
