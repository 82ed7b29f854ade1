import { describe, expect, it } from 'vitest';
import { composeEmailChangeMail } from '../../../lib/account/emailChangeMail';
import { composeResetMail } from '../../../lib/mail/composeResetMail';
import { composeSignUpNoticeMail } from '../../../lib/mail/composeSignUpNoticeMail';
import { translator } from '../../../lib/i18n/translator';

describe('e-mails to a known person are in their language', () => {
  const en = translator('en');
  const da = translator('da');

  it('writes the reset, sign-up notice and e-mail change mails in English for a person who chose it', () => {
    const reset = composeResetMail({ email: 'a@example.dk', name: 'Ann', locale: 'en' }, 'https://x/reset');
    expect(reset.subject).toBe(en('mail.reset.subject'));
    expect(reset.html).toContain('<html lang="en">');
    expect(reset.text).toContain(en('mail.reset.greeting', { name: 'Ann' }));
    const notice = composeSignUpNoticeMail({ email: 'a@example.dk', name: 'Ann', locale: 'en' }, 'https://x');
    expect(notice.subject).toBe(en('mail.signUpNotice.subject'));
    expect(notice.html).toContain('<html lang="en">');
    const change = composeEmailChangeMail({ email: 'a@example.dk', name: 'Ann', locale: 'en' }, 'https://x/e');
    expect(change.subject).toBe(en('mail.emailChange.subject'));
    expect(change.html).toContain('<html lang="en">');
  });

  it('stays Danish for a person who never chose', () => {
    const reset = composeResetMail({ email: 'a@example.dk', name: 'Ann' }, 'https://x/reset');
    expect(reset.subject).toBe(da('mail.reset.subject'));
    expect(reset.html).toContain('<html lang="da">');
  });
});
