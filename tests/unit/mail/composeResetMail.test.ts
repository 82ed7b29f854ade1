import { describe, expect, it } from 'vitest';
import { composeResetMail } from '../../../lib/mail/composeResetMail';

describe('composeResetMail', () => {
  const link = 'https://samskriv.example/konto/nulstil?token=abc&x=1';

  it('writes Danish plain text holding the link and the name', () => {
    const mail = composeResetMail({ email: 'karen@eksempel.dk', name: 'Karen' }, link);
    expect(mail.to).toBe('karen@eksempel.dk');
    expect(mail.subject).toBe('Nulstil din adgangskode til Samskriv');
    expect(mail.text).toContain('Hej Karen');
    expect(mail.text).toContain(link);
  });

  it('escapes the name and the link in the HTML part', () => {
    const mail = composeResetMail({ email: 'x@eksempel.dk', name: '<b>Ib</b>' }, link);
    expect(mail.html).toContain('Hej &lt;b&gt;Ib&lt;/b&gt;');
    expect(mail.html).toContain('href="https://samskriv.example/konto/nulstil?token=abc&amp;x=1"');
    expect(mail.html).not.toContain('<b>Ib</b>');
  });
});
