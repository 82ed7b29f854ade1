/**
 * "Someone signed up with your e-mail": sent to an account's owner, when `SMTP_URL` is set, instead
 * of telling the requester that the e-mail is taken. In the background (the answer takes as long
 * either way), and at most a few per address an hour, so sign-up cannot be used to flood a mailbox.
 */
import { FixedWindowLimiter } from '../../lib/apiKeys/FixedWindowLimiter';
import { composeSignUpNoticeMail } from '../../lib/mail/composeSignUpNoticeMail';
import type { Mailer } from '../../lib/mail/Mailer';
import type { AccountStore } from '../../lib/people/AccountStore';
import type { AppLogger } from '../../lib/services';
import type { SignUpNoticeService } from '../../lib/mail/SignUpNoticeService';

export const SIGN_UP_NOTICES_PER_EMAIL = { limit: 3, windowMs: 60 * 60 * 1000 } as const;

export function createSignUpNoticeService(options: {
  readonly store: AccountStore;
  readonly mailer: Mailer;
  /** PUBLIC_URL: the links point here. */
  readonly publicUrl: string;
  readonly logger: AppLogger;
  readonly clock?: () => number;
}): SignUpNoticeService {
  const { store, mailer, publicUrl, logger, clock = Date.now } = options;
  const perEmail = new FixedWindowLimiter(SIGN_UP_NOTICES_PER_EMAIL.limit, SIGN_UP_NOTICES_PER_EMAIL.windowMs, clock);
  const pending = new Set<Promise<void>>();

  async function send(email: string): Promise<void> {
    try {
      const person = await store.getPersonByEmail(email);
      if (!person || person.disabled) return;
      await mailer.send(composeSignUpNoticeMail(person, publicUrl));
      logger.info({ event: 'sign_up_notice_mailed', personId: person.id }, 'told an owner that someone signed up with their e-mail');
    } catch (error) {
      // Only the code: an SMTP error's text can quote the server's greeting or the address.
      const code = error instanceof Error && 'code' in error ? String(error.code) : 'unknown';
      logger.error({ event: 'sign_up_notice_failed', code }, 'could not e-mail a sign-up notice');
    }
  }

  function notify(email: string): void {
    const key = email.trim().toLowerCase();
    if (!perEmail.hit(key).allowed) return;
    const job = send(key);
    pending.add(job);
    void job.finally(() => pending.delete(job));
  }

  return { notify, settled: async () => void (await Promise.all([...pending])) };
}
