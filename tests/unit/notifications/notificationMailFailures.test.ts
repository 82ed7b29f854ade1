/**
 * When the mail server fails: the act that caused a notification is never failed or held up, a mail
 * is tried again after growing pauses and given up (logged) after the last, and a failing queue
 * still stores the notification.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailMessage } from '../../../lib/mail/Mailer';
import { withMailQueue } from '../../../lib/notifications/withMailQueue';
import { MemoryNotificationMailStore } from '../../../server/notifications/MemoryNotificationMailStore';
import { MemoryNotificationStore } from '../../../server/notifications/MemoryNotificationStore';
import { MAIL_RETRY_PAUSES_MS } from '../../../server/notifications/startNotificationMail';
import { addDocument, addPerson, mailWorldState, openMailWorld, type MailWorld } from '../../helpers/notificationMailWorld';
import { recordingLogger } from '../../helpers/recordingLogger';
import { sampleNotification } from './notificationStoreContract';

const dirs: string[] = [];
const worlds: MailWorld[] = [];
afterEach(async () => {
  for (const world of worlds.splice(0)) await world.close();
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function failingWorld(failures: number) {
  const dir = await mkdtemp(join(tmpdir(), 'samskriv-mail-fail-'));
  dirs.push(dir);
  const state = mailWorldState('2026-12-07T09:00:00.000Z');
  addPerson(state, 'p_karen', 'Karen');
  addPerson(state, 'p_carl', 'Carl');
  addDocument(state, 'lokalplan', 'Lokalplan', [
    { subject: 'person', personId: 'p_karen', role: 'owner' },
    { subject: 'person', personId: 'p_carl', role: 'commenter' },
  ]);
  let tries = 0;
  const sent: MailMessage[] = [];
  const world = await openMailWorld({
    dir,
    state,
    mailer: {
      async send(message) {
        tries += 1;
        if (tries <= failures) throw Object.assign(new Error('421 karen@eksempel.dk try later'), { code: 'ECONNECTION' });
        sent.push(message);
      },
    },
  });
  worlds.push(world);
  const reply = () =>
    world.notifications.notify({
      kind: 'reply',
      eventId: 'comment:c_2',
      documentId: 'lokalplan',
      actor: { personId: 'p_carl', name: 'Carl' },
      commentId: 'c_2',
      authorIds: ['p_karen'],
    });
  return { state, world, sent, reply, tries: () => tries };
}

describe('notification e-mail when the mail server fails', () => {
  it('tries again after a pause and sends once the server takes it', async () => {
    const { state, world, sent, reply, tries } = await failingWorld(1);
    await reply();
    await world.mail.settled();
    expect(tries()).toBe(1);
    expect(await world.mailStore.getMail('p_karen', 'comment:c_2')).toMatchObject({
      state: 'pending',
      attempts: 1,
      nextAttemptAt: new Date(Date.parse('2026-12-07T09:00:00.000Z') + MAIL_RETRY_PAUSES_MS[0]).toISOString(),
    });
    // The in-app notification is there regardless.
    expect((await world.notifications.list(state.people.get('p_karen')!.actor)).items).toHaveLength(1);
    // Not before the pause is over.
    state.now = new Date('2026-12-07T09:00:59.000Z');
    await world.mail.sweep();
    expect(tries()).toBe(1);
    state.now = new Date('2026-12-07T09:01:00.000Z');
    await world.mail.sweep();
    await world.mail.sweep();
    expect(sent.map((message) => message.to)).toEqual(['karen@eksempel.dk']);
    expect(await world.mailStore.getMail('p_karen', 'comment:c_2')).toMatchObject({ state: 'sent', attempts: 1 });
    // Logged with the error's code only: no address, no server text.
    const warning = world.logger.lines.find((line) => line.level === 'warn');
    expect(warning?.obj).toMatchObject({ personId: 'p_karen', attempts: 1, code: 'ECONNECTION' });
    expect(world.logger.text()).not.toContain('eksempel.dk');
  });

  it('gives up after the last try, logs it, and tries no more', async () => {
    const { state, world, sent, reply, tries } = await failingWorld(Number.POSITIVE_INFINITY);
    await reply();
    await world.mail.settled();
    let at = Date.parse('2026-12-07T09:00:00.000Z');
    for (const pause of MAIL_RETRY_PAUSES_MS) {
      at += pause;
      state.now = new Date(at);
      await world.mail.sweep();
    }
    expect(tries()).toBe(MAIL_RETRY_PAUSES_MS.length + 1);
    expect(await world.mailStore.getMail('p_karen', 'comment:c_2')).toMatchObject({
      state: 'failed',
      attempts: MAIL_RETRY_PAUSES_MS.length + 1,
    });
    expect(world.logger.lines.filter((line) => line.level === 'error').map((line) => line.msg)).toEqual([
      'notification e-mail: given up after the last try',
    ]);
    state.now = new Date(at + 24 * 3600_000);
    await world.mail.sweep();
    expect(tries()).toBe(MAIL_RETRY_PAUSES_MS.length + 1);
    expect(sent).toEqual([]);
  });

  it('a queue that cannot be written still stores the notification (logged), and nothing is kicked', async () => {
    const store = new MemoryNotificationStore();
    const mail = new MemoryNotificationMailStore();
    mail.enqueue = async () => {
      throw new Error('disk full');
    };
    const logger = recordingLogger();
    let kicked = 0;
    const queued = withMailQueue(store, { mail, onQueued: () => void (kicked += 1), logger });
    expect(await queued.add(sampleNotification('n_1', { personId: 'p_karen', kind: 'reply' }))).toBe('added');
    expect(await store.list('p_karen', { limit: 10 })).toHaveLength(1);
    expect(kicked).toBe(0);
    expect(logger.lines.map((line) => line.msg)).toEqual(['could not queue a notification e-mail']);
    // Every other method is the store's own.
    expect(await queued.markRead('p_karen', 'all', '2026-12-07T10:00:00.000Z')).toBe(1);
  });
});
