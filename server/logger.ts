/**
 * One line per event, with levels (pino). Never log tokens, cookies or document text: the
 * redaction list below is a safety net, not a licence to pass them in.
 */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'samskriv' },
      redact: {
        paths: [
          'token',
          '*.token',
          'cookie',
          '*.cookie',
          'headers.cookie',
          'req.headers.cookie',
          'authorization',
          '*.authorization',
          'password',
          '*.password',
          'secret',
          '*.secret',
          'SMTP_URL',
          '*.SMTP_URL',
          'smtpUrl',
          '*.smtpUrl',
        ],
        censor: '[redacted]',
      },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
