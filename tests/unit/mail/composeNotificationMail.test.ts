/** Notification e-mails in both languages: the sentence, links, footer and the RFC 8058 headers; HTML escaped. */
import { describe, expect, it } from 'vitest';
import { composeDigestMail } from '../../../lib/mail/composeDigestMail';
import { composeNotificationMail } from '../../../lib/mail/composeNotificationMail';

const links = {
  document: 'https://samskriv.example/d/lokalplan',
  unsubscribeKind: 'https://samskriv.example/abonnement/afmeld?token=kind',
  unsubscribeAll: 'https://samskriv.example/abonnement/afmeld?token=all',
  settings: 'https://samskriv.example/konto#notifikationer',
  oneClick: 'https://samskriv.example/api/notifications/unsubscribe?token=kind',
};
const item = {
  kind: 'reply' as const,
  documentTitle: 'Plan <script>alert(1)</script>',
  data: { actorName: 'Carl "C" & co', title: 'old' },
};

describe('composeNotificationMail', () => {
  it('Danish by default: subject names the document, text and escaped HTML, footer links and one-click headers', () => {
    const mail = composeNotificationMail({ to: { email: 'karen@eksempel.dk', name: 'Karen' }, locale: 'da', item, links });
    expect(mail.to).toBe('karen@eksempel.dk');
    expect(mail.subject).toBe('Samskriv: Carl "C" & co svarede på din kommentar i “Plan <script>alert(1)</script>”.');
    expect(mail.text).toContain('Åbn “Plan <script>alert(1)</script>”: https://samskriv.example/d/lokalplan');
    expect(mail.text).toContain(`Stop e-mails om dette: ${links.unsubscribeKind}`);
    expect(mail.text).toContain(`Stop alle e-mails om notifikationer: ${links.unsubscribeAll}`);
    expect(mail.text).toContain('Svar på dine kommentarer');
    expect(mail.html).toContain('<html lang="da">');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('Plan &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(mail.html).toContain('Carl &quot;C&quot; &amp; co');
    expect(mail.headers).toEqual({
      'List-Unsubscribe': `<${links.oneClick}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('in English with the same structure', () => {
    const mail = composeNotificationMail({ to: { email: 'karen@eksempel.dk', name: 'Karen' }, locale: 'en', item, links });
    expect(mail.subject).toBe('Samskriv: Carl "C" & co replied to your comment on “Plan <script>alert(1)</script>”.');
    expect(mail.text).toContain('Hello Karen');
    expect(mail.text).toContain(`Stop e-mails about this: ${links.unsubscribeKind}`);
    expect(mail.html).toContain('<html lang="en">');
  });

  it('a subject never carries a line break from a title', () => {
    const mail = composeNotificationMail({
      to: { email: 'karen@eksempel.dk', name: 'Karen' },
      locale: 'da',
      item: { ...item, documentTitle: 'To\r\nBcc: x@y' },
      links,
    });
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('composeDigestMail', () => {
  it('groups by document with a heading link each, counts in the subject, escapes', () => {
    const mail = composeDigestMail({
      to: { email: 'olga@eksempel.dk', name: 'Olga' },
      locale: 'da',
      kind: 'weekly',
      documents: [
        {
          title: 'A <b>',
          link: 'https://samskriv.example/d/a',
          items: [
            { kind: 'comment_new', documentTitle: 'A <b>', data: { actorName: 'Karen', title: 'A', threadKind: 'comment' } },
            { kind: 'published', documentTitle: 'A <b>', data: { actorName: 'Olga', title: 'A', version: 2 } },
          ],
        },
        {
          title: 'B',
          link: 'https://samskriv.example/d/b',
          items: [{ kind: 'reply', documentTitle: 'B', data: { actorName: 'Carl', title: 'B' } }],
        },
      ],
      links,
    });
    expect(mail.subject).toBe('Samskriv: dit ugentlige overblik (3)');
    expect(mail.text).toContain('A <b> (https://samskriv.example/d/a)\n- Karen kommenterede “A <b>”.\n- “A <b>” er udgivet som version 2.');
    expect(mail.html).toContain('<h2 style="font-size:1.1em"><a href="https://samskriv.example/d/a">A &lt;b&gt;</a></h2>');
    expect(mail.html).not.toContain('A <b>');
    expect(mail.text).not.toContain('Stop e-mails om dette');
    expect(mail.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
  });
});
