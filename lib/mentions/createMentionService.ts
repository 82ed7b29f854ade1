/**
 * MentionService over the documents and the people. Suggestions come from the people around the
 * document (its grants, the members of organisations and of the workspace granted or holding it,
 * its creator, those who commented on it or follow it), each asked can(view) as they are now: never
 * the whole directory, so a reader of a public document cannot list every account by typing "@a".
 */
import { can } from '../access/can';
import { passGate } from '../access/gate';
import type { FixedWindowLimiter } from '../apiKeys/FixedWindowLimiter';
import type { DocumentResource, PersonActor } from '../access/model';
import { documentResourceOf, type DocumentService } from '../documents/DocumentService';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { MentionService } from './MentionService';
import { MentionError } from './MentionError';
import { MENTIONABLE_LIMIT, type MentionCandidate, type MentionRef } from './model';
import { nameMatches } from './nameMatches';

/** A person as a mention needs them: their current name, and the Actor can() judges for them now. */
export interface MentionPerson {
  readonly name: string;
  readonly actor: PersonActor;
}

export interface MentionServiceOptions {
  readonly documents: Pick<DocumentService, 'get'>;
  /**
   * The people among `personIds` as they are now (unknown ids left out), in ONE lookup: a request
   * asks once for all its candidates (up to 500), never once per person (AccountStore.getPeopleContexts:
   * one query in PostgreSQL).
   */
  readonly peopleOf: (personIds: readonly string[]) => Promise<ReadonlyMap<string, MentionPerson>>;
  readonly membersOf: (organisationId: string) => Promise<readonly string[]>;
  readonly workspaceMembersOf: (workspaceId: string) => Promise<readonly string[]>;
  /** People who wrote comments on the document, and who follow it (person ids). */
  readonly participantsOf: (documentId: string) => Promise<readonly string[]>;
  /** Suggestions per person (each reads up to 500 people): beyond it, `rate_limited`. Absent: no limit. */
  readonly limiter?: FixedWindowLimiter;
  readonly now?: () => Date;
}

/** Candidates looked at per request at most (names and access are read for each). */
const MAX_CANDIDATES = 500;

export function createMentionService(options: MentionServiceOptions): MentionService {
  const { documents, peopleOf } = options;
  const now = options.now ?? (() => new Date());

  /** The people around the document, each once, the closest first (grants, creator, workspace, participants). */
  async function circleOf(meta: DocumentMeta): Promise<string[]> {
    const ids = new Set<string>();
    for (const grant of meta.grants) if (grant.subject === 'person') ids.add(grant.personId);
    if (meta.createdBy.id) ids.add(meta.createdBy.id);
    for (const grant of meta.grants)
      if (grant.subject === 'organisation') for (const id of await options.membersOf(grant.organisationId)) ids.add(id);
    if (meta.workspaceId !== null) for (const id of await options.workspaceMembersOf(meta.workspaceId)) ids.add(id);
    for (const id of await options.participantsOf(meta.id)) ids.add(id);
    return [...ids].slice(0, MAX_CANDIDATES);
  }

  /** Whether the person can read the document now (can() on their Actor); null for an unknown or disabled person (never suggested). */
  function readsIt(resource: DocumentResource, person: MentionPerson | undefined): boolean | null {
    if (!person || person.actor.disabled) return null;
    return can(person.actor, 'view', resource).allowed;
  }

  return {
    async mentionable(asker, documentId, query) {
      const limited = options.limiter?.hit(`person:${asker.id}`);
      if (limited && !limited.allowed) throw new MentionError('rate_limited', 'rate_limited', limited.retryAfterMs);
      const { found: meta, resource } = await passGate({
        actor: asker,
        action: 'view',
        load: () => documents.get(documentId),
        resourceOf: (found) => documentResourceOf(found, now()),
      });
      const canShare = can(asker, 'manage_access', resource).allowed;
      const circle = (await circleOf(meta)).filter((personId) => personId !== asker.id);
      // Everyone around the document in one lookup; then the name (cheap), and can() only for those whose name answers.
      const found = await peopleOf(circle);
      const people: MentionCandidate[] = [];
      for (const personId of circle) {
        const person = found.get(personId);
        if (!person || !nameMatches(person.name, query)) continue;
        const canRead = readsIt(resource, person);
        if (canRead === null) continue;
        if (canRead || canShare) people.push({ id: personId, name: person.name, canRead });
      }
      people.sort((a, b) => Number(b.canRead) - Number(a.canRead) || a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id));
      return { people: people.slice(0, MENTIONABLE_LIMIT), canShare };
    },

    async shareTarget(asker, documentId, personId) {
      const { found: meta, resource } = await passGate({
        actor: asker,
        action: 'manage_access',
        load: () => documents.get(documentId),
        resourceOf: (found) => documentResourceOf(found, now()),
      });
      const person = (await peopleOf([personId])).get(personId);
      // Only someone around the document the composer could have offered (and who cannot read it yet).
      if (!person || readsIt(resource, person) !== false || !(await circleOf(meta)).includes(personId))
        throw new MentionError('not_found', 'mention_person_not_found');
      return { meta, name: person.name };
    },

    async judge(meta, personIds) {
      const accepted: MentionRef[] = [];
      const refused: string[] = [];
      const resource = documentResourceOf(meta, now());
      const found = personIds.length === 0 ? new Map<string, MentionPerson>() : await peopleOf(personIds);
      for (const personId of personIds) {
        const person = found.get(personId);
        if (person && readsIt(resource, person) === true) accepted.push({ id: personId, name: person.name });
        else refused.push(personId);
      }
      return { accepted, refused };
    },
  };
}
