/**
 * The load generator behind `npm run seed:load`: people (a few admins, staff and moderators,
 * organisations and their representatives), documents with real Danish text written as Yjs
 * bodies, some in consultation, and comments on real passages of them, skewed so that a few
 * documents get most of the attention. Generation is one seeded, sequential pass (the same seed
 * gives the same data); writes run concurrently behind it, a bounded number at a time.
 */
import { join } from 'node:path';
import { DEFAULT_CONSULTATION } from '../../lib/access/consultation';
import type { DocumentState, PlatformRole, Visibility } from '../../lib/access/model';
import { scryptHasher } from '../../lib/auth/scryptHasher';
import type { Organisation, Person, Workspace } from '../../lib/people/AccountStore';
import { loadTrace } from '../../lib/traces/loadTrace';
import type { DocumentMeta } from '../../lib/storage/MetadataStore';
import { FIRST_NAMES, LAST_NAMES, ORGANISATION_NAMES, PLACES } from './danishCorpus';
import { bodyDoc, draftDocument } from './documentBody';
import { documentComments, type CommentPools, type SeedAuthor } from './documentComments';
import { seededRandom, skewedCounts, type Random } from './random';
import type { SeedWriter } from './SeedWriter';
import * as Y from 'yjs';

/** Every seeded person's password (documented in the README). */
export const SEED_PASSWORD = 'samskriv-load-2026';
/** The first seeded person, an admin. */
export const SEED_ADMIN_EMAIL = 'admin@eksempel.dk';

export interface LoadOptions {
  readonly people: number;
  readonly documents: number;
  readonly comments: number;
  readonly seed?: number;
  /** Share of documents in consultation, which carry the comments (default 0.4). */
  readonly commentedShare?: number;
  /** Pin the first commented document's share of all comments (bench:data: 0.3); Zipf otherwise. */
  readonly hotShare?: number;
  /** Share of documents that also carry an editing trace's text, 57 KB (default 0.002). */
  readonly largeShare?: number;
  /** Writes in flight at most (default 16). */
  readonly concurrency?: number;
  /** A precomputed hash of SEED_PASSWORD (tests pass a cheap one); one production-cost hash otherwise. */
  readonly passwordHash?: string;
  readonly progress?: (line: string) => void;
}

export interface LoadSummary {
  people: number;
  organisations: number;
  memberships: number;
  workspaces: number;
  documents: number;
  consultations: number;
  comments: number;
  threads: number;
  replies: number;
  supports: number;
  reports: number;
  hidden: number;
  answers: number;
  requests: number;
  /** The document with the most comments. */
  hottestDocumentId: string | null;
  seconds: number;
}

const BASE_TIME = Date.parse('2025-06-01T08:00:00.000Z');
const DAY = 86_400_000;
const ascii = (value: string) =>
  value
    .toLowerCase()
    .replaceAll('æ', 'ae')
    .replaceAll('ø', 'oe')
    .replaceAll('å', 'aa')
    .replace(/[^a-z0-9]/g, '');

function roleOf(index: number, random: Random): PlatformRole {
  if (index === 0) return 'admin';
  const r = random.next();
  if (r < 0.001) return 'admin';
  if (r < 0.011) return 'staff';
  if (r < 0.016) return 'moderator';
  return 'citizen';
}

/** Runs at most `limit` writes at once; `run` resolves when the write is ACCEPTED (may wait), `drain` when all are done. */
function writeQueue(limit: number) {
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  return {
    async run(write: () => Promise<void>): Promise<void> {
      if (failure) throw failure;
      while (inFlight.size >= limit) await Promise.race(inFlight);
      if (failure) throw failure;
      const p: Promise<void> = write()
        .catch((error: unknown) => {
          failure ??= error;
        })
        .finally(() => inFlight.delete(p));
      inFlight.add(p);
    },
    async drain(): Promise<void> {
      await Promise.all(inFlight);
      if (failure) throw failure;
    },
  };
}

let traceParagraphs: string[] | undefined;
function largeText(): string[] {
  traceParagraphs ??= loadTrace(join('tests', 'fixtures', 'traces', 'seph-blog1.json.gz'))
    .endContent.split(/\n{2,}/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  return traceParagraphs;
}

export async function generateLoad(writer: SeedWriter, options: LoadOptions): Promise<LoadSummary> {
  const started = performance.now();
  const random = seededRandom(options.seed ?? 1);
  const log = options.progress ?? (() => undefined);
  const queue = writeQueue(options.concurrency ?? 16);
  const passwordHash = options.passwordHash ?? (await scryptHasher().hash(SEED_PASSWORD));
  const summary: LoadSummary = {
    people: 0,
    organisations: 0,
    memberships: 0,
    workspaces: 0,
    documents: 0,
    consultations: 0,
    comments: 0,
    threads: 0,
    replies: 0,
    supports: 0,
    reports: 0,
    hidden: 0,
    answers: 0,
    requests: 0,
    hottestDocumentId: null,
    seconds: 0,
  };
  const every = (total: number) => Math.max(1, Math.ceil(total / 10));

  // Organisations first: representatives act for them.
  const organisations: Organisation[] = [];
  const organisationCount = options.people === 0 ? 0 : Math.max(3, Math.round(options.people / 500));
  for (let i = 0; i < organisationCount; i++) {
    const kind = i % 7 === 6 ? 'business' : i % 7 === 5 ? 'municipal_centre' : 'association';
    organisations.push({
      id: `o_${random.uuid()}`,
      name: random.pick(ORGANISATION_NAMES).replace('{sted}', PLACES[i % PLACES.length]!) + (i >= PLACES.length ? ` ${i}` : ''),
      kind,
      ...(kind === 'business' && { cvr: cvrNumber(random) }),
      createdAt: new Date(BASE_TIME - 30 * DAY + i * 60_000).toISOString(),
    });
  }

  const pools = { commenters: [] as SeedAuthor[], officials: [] as SeedAuthor[], moderators: [] as SeedAuthor[] };
  const memberships: Array<{ personId: string; organisationId: string }> = [];
  const staffIds: string[] = [];
  let batch: Person[] = [];
  for (let i = 0; i < options.people; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const name = `${first} ${last}`;
    let role = roleOf(i, random);
    const organisation = role === 'citizen' && organisations.length > 0 && random.chance(0.05) ? random.pick(organisations) : null;
    if (organisation) role = 'org_rep';
    const at = new Date(BASE_TIME - 30 * DAY + i * 1000).toISOString();
    const person: Person = {
      id: `p_${random.uuid()}`,
      email: i === 0 ? SEED_ADMIN_EMAIL : `${ascii(first)}.${ascii(last)}.${i}@eksempel.dk`,
      name,
      passwordHash,
      role,
      disabled: i > 0 && random.chance(0.002),
      createdAt: at,
      updatedAt: at,
    };
    batch.push(person);
    if (organisation) memberships.push({ personId: person.id, organisationId: organisation.id });
    if (!person.disabled) {
      const author = { id: person.id, name, ...(organisation && { organisation: { id: organisation.id, name: organisation.name } }) };
      pools.commenters.push(author);
      if (role === 'staff' || role === 'admin') {
        pools.officials.push(author);
        staffIds.push(person.id);
      }
      if (role === 'moderator' || role === 'admin') pools.moderators.push(author);
    }
    if (batch.length === 1000 || i === options.people - 1) {
      const people = batch;
      batch = [];
      await queue.run(() => writer.people(people));
      summary.people += people.length;
      if (summary.people % every(options.people) < people.length || summary.people === options.people)
        log(`people ${summary.people}/${options.people}`);
    }
  }
  await queue.drain();
  await writer.organisations(organisations, memberships);
  summary.organisations = organisations.length;
  summary.memberships = memberships.length;

  const workspaces: Workspace[] = [];
  const workspaceCount = options.documents === 0 ? 0 : Math.max(1, Math.round(options.documents / 500));
  for (let i = 0; i < workspaceCount; i++) {
    workspaces.push({
      id: `w_${random.uuid()}`,
      name: `${PLACES[i % PLACES.length]} samskaber${i >= PLACES.length ? ` ${i}` : ''}`,
      description: 'Arbejdsrum for projekter i lokalområdet (belastningsdata).',
      createdAt: new Date(BASE_TIME - 20 * DAY + i * 60_000).toISOString(),
      memberIds: staffIds.filter(() => random.chance(0.2)).slice(0, 50),
    });
  }
  await writer.workspaces(workspaces);
  summary.workspaces = workspaces.length;

  const commented = options.documents === 0 ? 0 : Math.max(1, Math.round(options.documents * (options.commentedShare ?? 0.4)));
  const counts = skewedCounts(options.comments, commented, 1, options.hotShare);
  let hottest = -1;
  const fallback: SeedAuthor = { id: 'demo', name: 'Samskriv (belastningsdata)' };
  for (let i = 0; i < options.documents; i++) {
    const count = counts[i] ?? 0;
    const inConsultation = i < commented;
    const large = random.chance(options.largeShare ?? 0.002);
    const draft = draftDocument(random, large ? largeText() : []);
    const ydoc = bodyDoc(draft.content, 1 + random.int(0x7fff_ffff));
    const createdAt = BASE_TIME + random.int(365) * DAY + random.int(DAY);
    const creator = pools.officials.length > 0 && random.chance(0.7) ? random.pick(pools.officials) : (pools.commenters[0] ?? fallback);
    const state: DocumentState = inConsultation
      ? random.chance(0.9)
        ? 'consultation'
        : 'final'
      : random.pick(['draft', 'draft', 'draft', 'in_review', 'archived'] as const);
    const visibility: Visibility = inConsultation ? 'public' : random.pick(['private', 'workspace', 'public'] as const);
    const workspace = workspaces.length > 0 && (visibility === 'workspace' || random.chance(0.5)) ? random.pick(workspaces) : null;
    const id = random.uuid().replaceAll('-', '').slice(0, 16);
    const meta: DocumentMeta = {
      id,
      title: draft.title,
      template: draft.template,
      createdAt: new Date(createdAt).toISOString(),
      updatedAt: new Date(createdAt + random.int(30) * DAY).toISOString(),
      createdBy: { id: creator.id, name: creator.name },
      epoch: 1,
      workspaceId: workspace?.id ?? null,
      visibility: visibility === 'workspace' && !workspace ? 'private' : visibility,
      state,
      grants: creator === fallback ? [] : [{ subject: 'person', personId: creator.id, role: 'owner' }],
      consultation: inConsultation ? { ...DEFAULT_CONSULTATION, opensAt: new Date(createdAt + DAY).toISOString() } : DEFAULT_CONSULTATION,
    };
    const body = Y.encodeStateAsUpdate(ydoc);
    const generated =
      count > 0 && pools.commenters.length > 0
        ? documentComments(random, { documentId: id, ydoc, count, from: createdAt + DAY, pools: pools as CommentPools })
        : { comments: [], log: [] };
    ydoc.destroy();
    for (const comment of generated.comments) {
      if (comment.parentId === null) summary.threads++;
      else summary.replies++;
      summary.supports += comment.supporters.length;
      summary.reports += comment.reports.length;
      if (comment.moderation.state === 'hidden') summary.hidden++;
      if (comment.answer) summary.answers++;
    }
    summary.comments += generated.comments.length;
    if (state === 'consultation') summary.consultations++;
    if (hottest < 0 || count > (counts[hottest] ?? 0)) {
      hottest = i;
      summary.hottestDocumentId = id;
    }
    const requester = state === 'draft' && pools.commenters.length > 0 && random.chance(0.02) ? random.pick(pools.commenters) : null;
    const requestId = requester ? `q_${random.uuid()}` : '';
    await queue.run(async () => {
      await writer.document({ meta, body });
      if (generated.comments.length > 0) await writer.comments(id, generated.comments, generated.log);
      if (requester) {
        await writer.request({
          id: requestId,
          documentId: id,
          personId: requester.id,
          message: 'Jeg vil gerne skrive med på dette dokument.',
          state: 'pending',
          createdAt: new Date(createdAt + 2 * DAY).toISOString(),
        });
      }
    });
    if (requester) summary.requests++;
    summary.documents++;
    if (summary.documents % every(options.documents) === 0 || summary.documents === options.documents)
      log(`documents ${summary.documents}/${options.documents}, comments ${summary.comments}/${options.comments}`);
  }
  await queue.drain();
  log('making it durable');
  await writer.close();
  summary.seconds = Math.round((performance.now() - started) / 100) / 10;
  return summary;
}

/** A valid CVR number (weights 2,7,6,5,4,3,2,1; sum divisible by 11). */
function cvrNumber(random: Random): string {
  for (;;) {
    const digits = [1 + random.int(9), ...Array.from({ length: 6 }, () => random.int(10))];
    const weights = [2, 7, 6, 5, 4, 3, 2];
    const sum = digits.reduce((s, d, i) => s + d * weights[i]!, 0);
    const last = (11 - (sum % 11)) % 11;
    if (last < 10) return [...digits, last].join('');
  }
}
