/**
 * The notification e-mail path as startServer wires it, over real record files in `dir`: the
 * notification service storing through withMailQueue, startNotificationMail sending through the
 * given Mailer, and the settings service; documents and people in maps the test changes, and a
 * clock it sets. Opening a second world on the same dir (after `close`) is a restart.
 */
import { join } from 'node:path';
import { DEFAULT_CONSULTATION } from '../../lib/access/consultation';
import type { Grant, PersonActor } from '../../lib/access/model';
import { TIME_ZONE } from '../../lib/i18n/format';
import type { Mailer } from '../../lib/mail/Mailer';
import { createNotificationService } from '../../lib/notifications/createNotificationService';
import { createNotificationSettingsService } from '../../lib/notifications/createNotificationSettingsService';
import type { NotificationService } from '../../lib/notifications/NotificationService';
import type { NotificationSettingsService } from '../../lib/notifications/NotificationSettingsService';
import { withMailQueue } from '../../lib/notifications/withMailQueue';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import { FileNotificationMailStore } from '../../server/notifications/FileNotificationMailStore';
import { FileNotificationStore } from '../../server/notifications/FileNotificationStore';
import { startNotificationMail, type MailRecipient, type NotificationMail } from '../../server/notifications/startNotificationMail';
import { recordingLogger, type RecordingLogger } from './recordingLogger';

export const PUBLIC_URL = 'https://samskriv.kommune.example';
export const SECRET = 'en-hemmelighed-paa-mindst-32-tegn-til-testen';

/** What the test controls and keeps across restarts. */
export interface MailWorldState {
  readonly documents: Map<string, DocumentMeta>;
  readonly people: Map<string, MailRecipient>;
  /** The services' clock. */
  now: Date;
}

export interface MailWorld {
  readonly notifications: NotificationService;
  readonly settings: NotificationSettingsService;
  readonly mail: NotificationMail;
  readonly mailStore: FileNotificationMailStore;
  readonly store: FileNotificationStore;
  readonly logger: RecordingLogger;
  /** Waits for the sending started so far, then flushes and closes the stores. */
  close(): Promise<void>;
}

export function mailWorldState(now: string): MailWorldState {
  return { documents: new Map(), people: new Map(), now: new Date(now) };
}

export function addPerson(state: MailWorldState, id: string, name: string, overrides: Partial<PersonActor> = {}): void {
  const email = `${id.replace(/^p_/, '')}@eksempel.dk`;
  const actor: PersonActor = { kind: 'person', id, role: 'citizen', disabled: false, organisationIds: [], workspaceIds: [], ...overrides };
  state.people.set(id, { email, name, actor });
}

export function addDocument(state: MailWorldState, id: string, title: string, grants: Grant[]): void {
  state.documents.set(id, {
    id,
    title,
    template: 'blank',
    createdAt: '2026-12-01T09:00:00.000Z',
    updatedAt: '2026-12-01T09:00:00.000Z',
    createdBy: { id: 'p_owner', name: 'Olga Ejer' },
    epoch: 1,
    workspaceId: null,
    visibility: 'private',
    state: 'draft',
    grants,
    consultation: DEFAULT_CONSULTATION,
  });
}

export async function openMailWorld(options: {
  readonly dir: string;
  readonly state: MailWorldState;
  readonly mailer: Mailer;
  /** False: queued mails wait for a sweep (as if the process stopped before sending them). */
  readonly sendAtOnce?: boolean;
}): Promise<MailWorld> {
  const { state } = options;
  const records = join(options.dir, 'records');
  const store = new FileNotificationStore({ dir: records });
  const mailStore = new FileNotificationMailStore({ dir: records });
  await store.open();
  await mailStore.open();
  const logger = recordingLogger();
  const now = () => new Date(state.now);
  const mail = startNotificationMail({
    store: mailStore,
    mailer: options.mailer,
    documents: { get: async (id) => state.documents.get(id) ?? null },
    recipientOf: async (id) => state.people.get(id) ?? null,
    publicUrl: PUBLIC_URL,
    secret: SECRET,
    digestHour: 7,
    timeZone: TIME_ZONE,
    intervalMs: 0,
    now,
    logger,
  });
  let ids = 0;
  const notifications = createNotificationService({
    store: withMailQueue(store, {
      mail: mailStore,
      onQueued: () => {
        if (options.sendAtOnce !== false) mail.kick();
      },
      logger,
    }),
    documents: { get: async (id) => state.documents.get(id) ?? null },
    actorOfPerson: async (id) => state.people.get(id)?.actor ?? null,
    membersOf: async () => [],
    now,
    newId: () => `n_${state.now.getTime()}_${++ids}`,
  });
  const settings = createNotificationSettingsService({
    store: mailStore,
    secret: SECRET,
    emailOf: async (id) => state.people.get(id)?.email ?? null,
    mailEnabled: true,
    digestHour: 7,
    now,
  });
  return {
    notifications,
    settings,
    mail,
    mailStore,
    store,
    logger,
    async close() {
      mail.stop();
      await mail.settled();
      await store.close();
      await mailStore.close();
    },
  };
}
