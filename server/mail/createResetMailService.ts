/**
 * Password-reset links by e-mail, when `SMTP_URL` is set: an admin's "reset link" action, and the
 * self-service "Glemt adgangskode?" request. A request answers alike whether or not the e-mail has
 * an account: the mail goes out in the background (no timing difference), and a request over the
 * per-e-mail limit is quietly dropped. Only the per-IP limit is refused, as it says nothing about
 * the e-mail.
 */
import { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';
import { composeResetMail } from '../../lib/mail/composeResetMail';
import type { Mailer } from '../../lib/mail/Mailer';
import { resetLink } from '../../lib/mail/resetLink';
import type { AppLogger } from '../../lib/services';
import type { AccountService } from '../../lib/people/AccountService';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { ResetMailService, ResetRequestResult } from '../../lib/mail/ResetMailService';

export type { ResetMailService, ResetRequestResult } from '../../lib/mail/ResetMailService';

export const RESET_REQUESTS_PER_IP = { limit: 10, windowMs: 15 * 60 * 1000 } as const;
export const RESET_REQUESTS_PER_EMAIL = { limit: 3, windowMs: 60 * 60 * 1000 } as const;

export function createResetMailService(options: {
  readonly accounts: AccountService;
  readonly store: AccountStore;
  readonly mailer: Mailer;
  /** PUBLIC_URL: links point here, never to a request's Host or Origin (a client could choose those). */
  readonly publicUrl: string;
  readonly logger: AppLogger;
  readonly clock?: () => number;
}): ResetMailService {
  const { accounts, store, mailer, logger, publicUrl, clock = Date.now } = options;
  const perIp = new FixedWindowLimiter(RESET_REQUESTS_PER_IP.limit, RESET_REQUESTS_PER_IP.windowMs, clock);
  const perEmail = new FixedWindowLimiter(RESET_REQUESTS_PER_EMAIL.limit, RESET_REQUESTS_PER_EMAIL.windowMs, clock);
  const pending = new Set<Promise<void>>();

  async function mailAdminLink(adminPersonId: string, personId: string): Promise<{ email: string }> {
    const token = await accounts.createResetToken(adminPersonId, personId);
    const person = await store.getPerson(personId);
    if (!person) throw new Error('the person vanished while a reset link was issued');
    await mailer.send(composeResetMail(person, resetLink(publicUrl, token)));
    logger.info({ event: 'reset_link_mailed', adminId: adminPersonId, personId }, 'a reset link was e-mailed');
    return { email: person.email };
  }

  async function mailRequested(email: string): Promise<void> {
    try {
      const issued = await accounts.createResetTokenForEmail(email);
      if (!issued) return;
      await mailer.send(composeResetMail(issued.person, resetLink(publicUrl, issued.token)));
      logger.info({ event: 'reset_link_mailed', personId: issued.person.id }, 'a requested reset link was e-mailed');
    } catch (error) {
      // Only the code: an SMTP error's text can quote the server's greeting or the address.
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      logger.error({ event: 'reset_mail_failed', code }, 'could not e-mail a reset link');
    }
  }

  function request(email: string, ip: string): ResetRequestResult {
    const byIp = perIp.hit(ip);
    if (!byIp.allowed) return { accepted: false, retryAfterMs: byIp.retryAfterMs };
    const key = email.trim().toLowerCase();
    if (!perEmail.hit(key).allowed) return { accepted: true };
    const job = mailRequested(key);
    pending.add(job);
    void job.finally(() => pending.delete(job));
    return { accepted: true };
  }

  async function settled(): Promise<void> {
    await Promise.all([...pending]);
  }

  return { mailAdminLink, request, settled };
}
