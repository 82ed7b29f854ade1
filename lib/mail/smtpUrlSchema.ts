/**
 * `SMTP_URL`: `smtp://user:pass@host:port` or `smtps://…`; empty or unset means no mail server.
 * The messages never repeat the value, since it may hold a password.
 */
import { optionalUrlSchema, serviceUrl } from '../optionalUrlSchema';

export const smtpUrlSchema = optionalUrlSchema('smtp://user:pass@host:587 or smtps://user:pass@host:465', serviceUrl(['smtp:', 'smtps:']));
