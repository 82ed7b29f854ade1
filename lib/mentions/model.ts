/**
 * Mentions (issue 12): "@Name" in a comment, a reply or the document's text names a person who can
 * read the document. A mention is stored as the person's id with their name at the time; the text
 * shows "@Name". Browser-safe: the composer and the editor use these too.
 */

/** A mentioned person as stored and shown: never an e-mail address. */
export interface MentionRef {
  readonly id: string;
  readonly name: string;
}

/** At most this many people are mentioned in one comment or reply (more are refused as invalid). */
export const MAX_MENTIONS = 20;
/** How many suggestions GET …/mentionable answers at most. */
export const MENTIONABLE_LIMIT = 8;
/** The longest prefix GET …/mentionable takes (`q`). */
export const MENTION_QUERY_MAX_LENGTH = 64;

/** A suggestion: a person around the document, and whether they can read it now. */
export interface MentionCandidate extends MentionRef {
  /** False only in the answers to askers who may share the document: they may share it with this person first. */
  readonly canRead: boolean;
}

/** What GET /api/documents/<id>/mentionable answers. */
export interface MentionableList {
  /**
   * People around the document whose name (or a word of it) starts with the query, readers first, by
   * name. Those who cannot read the document are listed only to askers who may share it.
   */
  readonly people: readonly MentionCandidate[];
  /** The asker may share the document (can(manage_access)): the composer may offer to share with someone who cannot read it. */
  readonly canShare: boolean;
}

/** The server's judgement of the mentions a comment asked for: stored, or refused (unknown, or cannot read the document). */
export interface MentionJudgement {
  readonly accepted: readonly MentionRef[];
  /** Person ids, as the writer sent them (the writer's composer knows their names). */
  readonly refused: readonly string[];
}
