/**
 * Read-time anonymisation of the records that are never rewritten: the moderation log (append-only)
 * and published versions (never changed once stored). A person id that no longer has an account
 * (a deleted one) is shown as "Tidligere deltager", in lists, pages and every export made from them
 * (a version's publisher and its contributors).
 * Wraps the stores the services use, so no caller has to remember it.
 */
import { anonymiseLogEntry } from '../../lib/account/anonymiseComment';
import { FORMER_PARTICIPANT_NAME } from '../../lib/account/formerParticipant';
import type { CommentStore } from '../../lib/comments/CommentStore';
import type { ModerationLogEntry } from '../../lib/comments/model';
import type { DocumentVersion, VersionContributor, VersionSummary } from '../../lib/versions/model';
import type { VersionStore } from '../../lib/versions/VersionStore';

/** Which of these person ids have no account (any more). */
export type GonePeople = (ids: readonly string[]) => Promise<ReadonlySet<string>>;

export function gonePeopleOf(getPerson: (id: string) => Promise<unknown>): GonePeople {
  return async (ids) => {
    const unique = [...new Set(ids)];
    const found = await Promise.all(unique.map(async (id) => ((await getPerson(id)) === null ? id : null)));
    return new Set(found.filter((id): id is string => id !== null));
  };
}

function renamedVersion<T extends VersionSummary | DocumentVersion>(version: T, gone: ReadonlySet<string>): T {
  const renamed = gone.has(version.publishedBy.id)
    ? { ...version, publishedBy: { id: version.publishedBy.id, name: FORMER_PARTICIPANT_NAME } }
    : version;
  const contributors = 'contributors' in renamed ? renamed.contributors : null;
  if (!contributors?.some((contributor) => contributor.personId !== null && gone.has(contributor.personId))) return renamed;
  return {
    ...renamed,
    contributors: contributors.map((contributor): VersionContributor =>
      contributor.personId !== null && gone.has(contributor.personId)
        ? { kind: 'former', personId: null, name: FORMER_PARTICIPANT_NAME, organisation: null }
        : contributor,
    ),
  };
}

/** Every person a version names: its publisher and, for a whole version, its contributors. */
const peopleOf = (version: VersionSummary | DocumentVersion): string[] => [
  version.publishedBy.id,
  ...('contributors' in version && version.contributors
    ? version.contributors.flatMap((contributor) => (contributor.personId === null ? [] : [contributor.personId]))
    : []),
];

export function anonymisingVersionStore(store: VersionStore, gone: GonePeople): VersionStore {
  const many = async <T extends VersionSummary>(versions: T[]): Promise<T[]> => {
    const missing = await gone(versions.map((version) => version.publishedBy.id));
    return missing.size === 0 ? versions : versions.map((version) => renamedVersion(version, missing));
  };
  const one = async <T extends VersionSummary | DocumentVersion>(version: T | null): Promise<T | null> =>
    version && renamedVersion(version, await gone(peopleOf(version)));
  return {
    list: async (documentId) => many(await store.list(documentId)),
    get: async (documentId, number) => one(await store.get(documentId, number)),
    byIdempotencyKey: async (documentId, key) => one(await store.byIdempotencyKey(documentId, key)),
    add: (version) => store.add(version),
    async latestOf(documentIds) {
      const latest = await store.latestOf(documentIds);
      const renamed = await many([...latest.values()]);
      return new Map(renamed.map((version) => [version.documentId, version]));
    },
    recent: async (kind, limit, documentIds) => many(await store.recent(kind, limit, documentIds)),
    close: () => store.close(),
  };
}

export function anonymisingCommentStore(store: CommentStore, gone: GonePeople): CommentStore {
  return {
    read: (documentId) => store.read(documentId),
    get: (commentId) => store.get(commentId),
    update: (documentId, change) => store.update(documentId, change),
    reported: () => store.reported(),
    async moderationLog(options) {
      const entries: ModerationLogEntry[] = await store.moderationLog(options);
      const missing = await gone(entries.map((entry) => entry.by.id));
      return missing.size === 0 ? entries : entries.map((entry) => anonymiseLogEntry(entry, missing, FORMER_PARTICIPANT_NAME));
    },
    close: () => store.close(),
  };
}
