/** Password-reset links by e-mail (when `SMTP_URL` is set). */
export type ResetRequestResult = { readonly accepted: true } | { readonly accepted: false; readonly retryAfterMs: number };

export interface ResetMailService {
  /** Admin only (the account service checks): e-mails a fresh link to the person; resolves with the address. */
  mailAdminLink(adminPersonId: string, personId: string): Promise<{ email: string }>;
  /** Self-service; see the module comment for what is (not) revealed. */
  request(email: string, ip: string): ResetRequestResult;
  /** Resolves once every mail started so far has been handed over or failed (for shutdown and tests). */
  settled(): Promise<void>;
}
