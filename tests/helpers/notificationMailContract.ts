/**
 * What e-mailing notifications must do, run against a Mailer given by the test file: a recording one
 * (unit) and real SMTP (integration). Each test has its own data dir, people and documents.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Mailer } from '../../lib/mail/Mailer';
import type { EventActor, NotificationEvent } from '../../lib/notifications/model';
import {
  PUBLIC_URL,
  addDocument,
  addPerson,
  mailWorldState,
  openMailWorld,
  type MailWorld,
  type MailWorldState,
} from './notificationMailWorld';

/** One e-mail as the receiving side saw it. */
export interface SentMail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** Header name (lower case) → value. */
  readonly headers: Readonly<Record<string, string>>;
}

export interface MailSink {
  readonly mailer: Mailer;
  /** Everything received so far, in order. */
  sent(): readonly SentMail[];
  stop(): Promise<void>;
}

const by = (personId: string, name: string): EventActor => ({ personId, name });

const reply = (id: string, documentId: string, actor: EventActor, authorIds: string[]): NotificationEvent => ({
  kind: 'reply',
  eventId: `comment:${id}`,
  documentId,
  actor,
  commentId: id,
  authorIds,
});
const newComment = (id: string, documentId: string, actor: EventActor): NotificationEvent => ({
  kind: 'comment_new',
  eventId: `comment:${id}`,
  documentId,
  actor,
  commentId: id,
  threadKind: 'comment',
});

const linkIn = (text: string, pattern: RegExp): string => {
  const found = pattern.exec(text)?.[0];
  if (!found) throw new Error(`no ${pattern} in:\n${text}`);
  return found;
};
const tokenOf = (link: string) => decodeURIComponent(new URL(link).searchParams.get('token') ?? '');

export function notificationMailContract(name: string, openSink: () => Promise<MailSink>): void {
  describe(name, () => {
    const cleanups: Array<() => Promise<void>> = [];
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    });

    /** A fresh dir and sink; people: an owner, two commenters, a stranger; two documents. */
    async function setUp(start = '2026-12-07T09:00:00.000Z') {
      const dir = await mkdtemp(join(tmpdir(), 'samskriv-mail-'));
      const sink = await openSink();
      const state = mailWorldState(start);
      addPerson(state, 'p_owner', 'Olga Ejer');
      addPerson(state, 'p_karen', 'Karen <b>Jensen</b>');
      addPerson(state, 'p_carl', 'Carl');
      addPerson(state, 'p_stranger', 'Sigrid');
      const grants = [
        { subject: 'person', personId: 'p_owner', role: 'owner' },
        { subject: 'person', personId: 'p_karen', role: 'commenter' },
        { subject: 'person', personId: 'p_carl', role: 'commenter' },
      ] as const;
      addDocument(state, 'lokalplan', 'Lokalplan <12> & "Havnen"', [...grants]);
      addDocument(state, 'budget', 'Budget 2027', [...grants]);
      const worlds: MailWorld[] = [];
      const open = async (sendAtOnce = true) => {
        const world = await openMailWorld({ dir, state, mailer: sink.mailer, sendAtOnce });
        worlds.push(world);
        return world;
      };
      cleanups.push(async () => {
        for (const world of worlds) await world.close().catch(() => undefined);
        await sink.stop();
        await rm(dir, { recursive: true, force: true });
      });
      return { dir, sink, state, open };
    }

    const at = (state: MailWorldState, iso: string) => {
      state.now = new Date(iso);
    };

    it('an immediate notification: exactly one e-mail, to exactly the person told, with the links and headers', async () => {
      const { sink, open } = await setUp();
      const world = await open();
      // Carl replies to Karen: only Karen is told (reply is immediate by default).
      await world.notifications.notify(reply('c_2', 'lokalplan', by('p_carl', 'Carl'), ['p_karen']));
      await world.mail.settled();
      expect(sink.sent().map((mail) => mail.to)).toEqual(['karen@eksempel.dk']);
      const [mail] = sink.sent();
      expect(mail!.subject).toBe('Samskriv: Carl svarede på din kommentar i “Lokalplan <12> & "Havnen"”.');
      expect(mail!.text).toContain('Hej Karen <b>Jensen</b>');
      // The link leads to the reply itself on the document page (#kommentar-<id>), and says so.
      expect(mail!.text).toContain(`Se kommentaren i “Lokalplan <12> & "Havnen"”: ${PUBLIC_URL}/d/lokalplan#kommentar-c_2`);
      expect(mail!.html).toContain(`href="${PUBLIC_URL}/d/lokalplan#kommentar-c_2"`);
      // Everything people wrote is escaped in the HTML.
      expect(mail!.html).toContain('Karen &lt;b&gt;Jensen&lt;/b&gt;');
      expect(mail!.html).toContain('Lokalplan &lt;12&gt; &amp; &quot;Havnen&quot;');
      expect(mail!.html).not.toContain('<b>Jensen');
      const unsubscribe = linkIn(mail!.text, /https:\/\/\S+\/abonnement\/afmeld\?token=[^\s]+/);
      expect(unsubscribe.startsWith(`${PUBLIC_URL}/abonnement/afmeld?token=`)).toBe(true);
      expect(mail!.text).toContain(`${PUBLIC_URL}/konto#notifikationer`);
      expect(mail!.headers['list-unsubscribe']).toMatch(
        /^<https:\/\/samskriv\.kommune\.example\/api\/notifications\/unsubscribe\?token=\S+>$/,
      );
      expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(await world.settings.viewUnsubscribe(tokenOf(unsubscribe))).toEqual({
        scope: 'reply',
        email: 'karen@eksempel.dk',
        stopped: false,
      });

      // The same event again (a retry): nobody is e-mailed twice.
      await world.notifications.notify(reply('c_2', 'lokalplan', by('p_carl', 'Carl'), ['p_karen']));
      await world.mail.sweep();
      expect(sink.sent()).toHaveLength(1);
    });

    it('a person who lost read access before the mail went out gets none (can() is asked again when sending)', async () => {
      const { sink, state, open } = await setUp();
      const world = await open(false);
      await world.notifications.notify(reply('c_2', 'lokalplan', by('p_carl', 'Carl'), ['p_karen']));
      expect((await world.notifications.list(state.people.get('p_karen')!.actor)).items).toHaveLength(1);
      const meta = state.documents.get('lokalplan')!;
      state.documents.set('lokalplan', {
        ...meta,
        grants: meta.grants.filter((grant) => !(grant.subject === 'person' && grant.personId === 'p_karen')),
      });
      await world.mail.sweep();
      expect(sink.sent()).toEqual([]);
      expect(await world.mailStore.getMail('p_karen', 'comment:c_2')).toMatchObject({ state: 'dropped' });
    });

    it('a disabled account and a deleted one get nothing', async () => {
      const { sink, state, open } = await setUp();
      const world = await open(false);
      await world.notifications.notify(reply('c_2', 'lokalplan', by('p_owner', 'Olga Ejer'), ['p_karen', 'p_carl']));
      const karen = state.people.get('p_karen')!;
      state.people.set('p_karen', { ...karen, actor: { ...karen.actor, disabled: true } });
      state.people.delete('p_carl');
      await world.mail.sweep();
      expect(sink.sent()).toEqual([]);
    });

    it('a daily digest batches a day of notifications into one e-mail at 07:00, grouped by document; a second sweep sends nothing', async () => {
      const { sink, state, open } = await setUp('2026-12-07T08:00:00.000Z');
      const world = await open();
      // New comments on documents the owner follows: daily by default.
      at(state, '2026-12-07T08:00:00.000Z');
      await world.notifications.notify(newComment('c_1', 'lokalplan', by('p_karen', 'Karen')));
      at(state, '2026-12-07T13:00:00.000Z');
      await world.notifications.notify(newComment('c_2', 'budget', by('p_carl', 'Carl')));
      at(state, '2026-12-07T21:00:00.000Z');
      await world.notifications.notify(newComment('c_3', 'lokalplan', by('p_carl', 'Carl')));
      await world.mail.settled();
      expect(sink.sent()).toEqual([]);

      // Late evening and 06:59 the next morning (Copenhagen): not due yet.
      at(state, '2026-12-07T22:30:00.000Z');
      await world.mail.sweep();
      at(state, '2026-12-08T05:59:00.000Z');
      await world.mail.sweep();
      expect(sink.sent()).toEqual([]);

      at(state, '2026-12-08T06:00:00.000Z');
      await world.mail.sweep();
      // The owner follows both documents; Karen follows Lokalplan since she commented on it (and is
      // not told of her own comment): one digest each.
      expect(sink.sent().map((mail) => [mail.to, mail.subject])).toEqual([
        ['owner@eksempel.dk', 'Samskriv: dit daglige overblik (3)'],
        ['karen@eksempel.dk', 'Samskriv: dit daglige overblik (1)'],
      ]);
      const [digest] = sink.sent();
      const text = digest!.text;
      // Grouped by document (the first one's first), each in the order it happened.
      expect(text.indexOf('Lokalplan')).toBeLessThan(text.indexOf('Budget 2027'));
      expect(text.indexOf('Karen kommenterede')).toBeLessThan(text.indexOf('Carl kommenterede “Lokalplan'));
      expect(text.match(/kommenterede/g)).toHaveLength(3);
      // Each item leads to its comment; each document's heading to the document.
      expect(text).toContain(`(${PUBLIC_URL}/d/lokalplan#kommentar-c_1)`);
      expect(text).toContain(`(${PUBLIC_URL}/d/lokalplan)`);
      expect(digest!.html).toContain(`<a href="${PUBLIC_URL}/d/budget#kommentar-c_2">`);
      expect(digest!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

      await world.mail.sweep();
      at(state, '2026-12-08T12:00:00.000Z');
      await world.mail.sweep();
      expect(sink.sent()).toHaveLength(2);

      // What came after the hour is the next day's (the owner's, and Carl's, who commented on Budget).
      await world.notifications.notify(newComment('c_4', 'budget', by('p_karen', 'Karen')));
      at(state, '2026-12-09T06:00:00.000Z');
      await world.mail.sweep();
      expect(
        sink
          .sent()
          .slice(2)
          .map((mail) => [mail.to, mail.subject])
          .sort(),
      ).toEqual([
        ['carl@eksempel.dk', 'Samskriv: dit daglige overblik (1)'],
        ['owner@eksempel.dk', 'Samskriv: dit daglige overblik (1)'],
      ]);
    });

    it('weekly: one digest on Monday at 07:00 for the week', async () => {
      const { sink, state, open } = await setUp('2026-12-08T10:00:00.000Z');
      const world = await open();
      await world.settings.update('p_owner', { frequency: 'weekly', kinds: {} });
      await world.notifications.notify(newComment('c_1', 'lokalplan', by('p_karen', 'Karen')));
      at(state, '2026-12-11T10:00:00.000Z');
      await world.notifications.notify(newComment('c_2', 'budget', by('p_karen', 'Karen')));
      at(state, '2026-12-13T10:00:00.000Z');
      await world.mail.sweep();
      expect(sink.sent()).toEqual([]);
      at(state, '2026-12-14T06:00:00.000Z');
      await world.mail.sweep();
      await world.mail.sweep();
      expect(sink.sent().map((mail) => [mail.to, mail.subject])).toEqual([['owner@eksempel.dk', 'Samskriv: dit ugentlige overblik (2)']]);
    });

    it('after a restart nothing is sent twice, and what was queued but not sent yet is sent once', async () => {
      const { sink, state, open } = await setUp('2026-12-07T08:00:00.000Z');
      const first = await open();
      await first.notifications.notify(reply('c_2', 'lokalplan', by('p_carl', 'Carl'), ['p_karen']));
      await first.notifications.notify(newComment('c_3', 'lokalplan', by('p_carl', 'Carl')));
      at(state, '2026-12-08T06:00:00.000Z');
      await first.mail.sweep();
      expect(sink.sent().map((mail) => mail.to)).toEqual(['karen@eksempel.dk', 'owner@eksempel.dk']);
      await first.close();
      // Queued, then the process stops before sending it.
      const stopping = await open(false);
      await stopping.notifications.notify(reply('c_4', 'budget', by('p_owner', 'Olga Ejer'), ['p_carl']));
      await stopping.close();

      const second = await open();
      await second.mail.sweep();
      await second.mail.sweep();
      expect(sink.sent().map((mail) => mail.to)).toEqual(['karen@eksempel.dk', 'owner@eksempel.dk', 'carl@eksempel.dk']);
      await second.close();
      const third = await open();
      at(state, '2026-12-08T06:30:00.000Z');
      await third.mail.sweep();
      expect(sink.sent()).toHaveLength(3);
    });

    it('never: no e-mail (the in-app notification stays); unsubscribing by the link stops further e-mails', async () => {
      const { sink, state, open } = await setUp();
      const world = await open();
      await world.settings.update('p_carl', { frequency: 'never', kinds: {} });
      await world.notifications.notify(reply('c_2', 'lokalplan', by('p_karen', 'Karen'), ['p_carl']));
      await world.mail.settled();
      expect(sink.sent()).toEqual([]);
      expect((await world.notifications.list(state.people.get('p_carl')!.actor)).items).toHaveLength(1);

      await world.notifications.notify(reply('c_3', 'lokalplan', by('p_carl', 'Carl'), ['p_karen']));
      await world.mail.settled();
      expect(sink.sent()).toHaveLength(1);
      const token = tokenOf(linkIn(sink.sent()[0]!.text, /https:\/\/\S+\/abonnement\/afmeld\?token=[^\s]+/));
      // A forged token changes nothing.
      expect(await world.settings.unsubscribe(`${token.slice(0, -2)}xx`)).toBeNull();
      expect(await world.settings.unsubscribe(token)).toEqual({ scope: 'reply', email: 'karen@eksempel.dk', stopped: true });
      await world.notifications.notify(reply('c_4', 'budget', by('p_carl', 'Carl'), ['p_karen']));
      await world.mail.sweep();
      expect(sink.sent()).toHaveLength(1);
      // Other kinds still come: Karen is granted access to a new document.
      addDocument(state, 'ny', 'Ny plan', [
        { subject: 'person', personId: 'p_owner', role: 'owner' },
        { subject: 'person', personId: 'p_karen', role: 'viewer' },
      ]);
      await world.notifications.notify({
        kind: 'access_granted',
        eventId: 'grant:ny:p_karen',
        documentId: 'ny',
        actor: by('p_owner', 'Olga Ejer'),
        personIds: ['p_karen'],
        organisationIds: [],
        role: 'viewer',
      });
      await world.mail.settled();
      expect(sink.sent().map((mail) => [mail.to, mail.subject])).toEqual([
        ['karen@eksempel.dk', 'Samskriv: Carl svarede på din kommentar i “Lokalplan <12> & "Havnen"”.'],
        ['karen@eksempel.dk', 'Samskriv: Olga Ejer gav dig adgang til “Ny plan” (Kan læse).'],
      ]);
    });
  });
}
