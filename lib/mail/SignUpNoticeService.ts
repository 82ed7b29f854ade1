/** "Someone signed up with your e-mail", told to the account's owner instead of to the requester. */
export interface SignUpNoticeService {
  /** Mails the owner of `email`'s account, if it has an active one; never throws, never waits. */
  notify(email: string): void;
  /** Resolves once every notice started so far has been handed over or failed (for shutdown and tests). */
  settled(): Promise<void>;
}
