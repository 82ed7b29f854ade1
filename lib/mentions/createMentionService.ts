/**
 * MentionService over the documents and the people. Suggestions come from the people around the
 * document (its grants, the members of organisations and of the workspace granted or holding it,
 * its creator, those who commented on it or follow it), each asked can(view) as they are now: never
 * the whole directory, so a reader of a public document cannot list every account by typing "@a".
 */
import { can } from '../access/can';
import { passGate } from '../access/gate';
import type { FixedWindowLimiter } from '../apiKeys/FixedWindowLimiter';
import type { PersonActor } from '../access/model';
import { documentResourceOf, type DocumentService } from '../documents/DocumentService';
import type { DocumentMeta } from '../storage/MetadataStore';
import type { MentionService } from './MentionService';
import { MentionError } from './MentionError';
import { MENTIONABLE_LIMIT, type MentionCandidate, type MentionRef } from './model';
import { nameMatches } from './nameMatches';

export interface MentionServiceOptions {
  readonly documents: Pick<DocumentService, 'get'>;
  /** The Actor can() judges for a person as they are now; null for an unknown person. */
  readonly actorOfPerson: (personId: string) => Promise<PersonActor | null>;
  /** A person's current name; null for an unknown person. */
  readonly nameOf: (personId: string) => Promise<string | null>;
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
  const { documents, actorOfPerson, nameOf } = options;
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

  /** Whether the person can read the document now; null for an unknown or disabled person (never suggested). */
  async function readsIt(meta: DocumentMeta, personId: string): Promise<boolean | null> {
    const actor = await actorOfPerson(personId);
    if (!actor || actor.disabled) return null;
    return can(actor, 'view', documentResourceOf(meta, now())).allowed;
  }

  /** The person's name if they can read the document now; null otherwise. */
  async function readerName(meta: DocumentMeta, personId: string): Promise<string | null> {
    return (await readsIt(meta, personId)) === true ? nameOf(personId) : null;
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
      const people: MentionCandidate[] = [];
      for (const personId of await circleOf(meta)) {
        if (personId === asker.id) continue;
        // The name first (cheap), access only for those whose name answers.
        const name = await nameOf(personId);
        if (name === null || !nameMatches(name, query)) continue;
        const canRead = await readsIt(meta, personId);
        if (canRead === null) continue;
        if (canRead || canShare) people.push({ id: personId, name, canRead });
      }
      people.sort((a, b) => Number(b.canRead) - Number(a.canRead) || a.name.localeCompare(b.name, 'da') || a.id.localeCompare(b.id));
      return { people: people.slice(0, MENTIONABLE_LIMIT), canShare };
    },

    async shareTarget(asker, documentId, personId) {
      const { found: meta } = await passGate({
        actor: asker,
        action: 'manage_access',
        load: () => documents.get(documentId),
        resourceOf: (found) => documentResourceOf(found, now()),
      });
      const name = await nameOf(personId);
      // Only someone around the document the composer could have offered (and who cannot read it yet).
      if (name === null || (await readsIt(meta, personId)) !== false || !(await circleOf(meta)).includes(personId))
        throw new MentionError('not_found', 'mention_person_not_found');
      return { meta, name };
    },

    async judge(meta, personIds) {
      const accepted: MentionRef[] = [];
      const refused: string[] = [];
      for (const personId of personIds) {
        const name = await readerName(meta, personId);
        if (name === null) refused.push(personId);
        else accepted.push({ id: personId, name });
      }
      return { accepted, refused };
    },
  };
}
