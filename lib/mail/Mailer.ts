/** Sends one e-mail; rejects when the mail server refuses it or cannot be reached. */
export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Extra headers (List-Unsubscribe, RFC 8058); names and values are ASCII, set by the composer, never by a reader. */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}
