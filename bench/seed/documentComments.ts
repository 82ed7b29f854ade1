/**
 * One document's comments, as people would leave them during a consultation: threads anchored on
 * real passages of its body (whole sentences or a few words, anchors made by anchorFromText, so
 * the app resolves them like its own), suggestions, replies, supports, a few reports (some hidden
 * by a moderator, with the log entry), official answers and resolved threads.
 */
import type * as Y from 'yjs';
import { anchorFromText } from '../../lib/comments/anchors/anchorFromRange';
import { documentText, type DocumentText } from '../../lib/comments/anchors/documentText';
import { REPORT_GROUNDS, ANSWER_STATUSES, type AuthorRef, type ModerationLogEntry, type StoredComment } from '../../lib/comments/model';
import { BODY_FRAGMENT } from '../../lib/protocol';
import { ANSWER_TEXTS, COMMENT_TEXTS, REPLY_TEXTS } from './danishCorpus';
import type { Random } from './random';

export interface SeedAuthor {
  readonly id: string;
  readonly name: string;
  readonly organisation?: { readonly id: string; readonly name: string };
}

export interface CommentPools {
  /** Who comments, replies and supports. */
  readonly commenters: readonly SeedAuthor[];
  /** Who answers and resolves (staff). */
  readonly officials: readonly SeedAuthor[];
  /** Who moderates. */
  readonly moderators: readonly SeedAuthor[];
}

/** Non-empty sentence spans of the plain text (what people select). */
function sentencesOf(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const pattern = /[^.!?\n]+[.!?]?/g;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const raw = match[0];
    const lead = raw.length - raw.trimStart().length;
    const from = match.index + lead;
    const to = match.index + raw.trimEnd().length;
    if (to - from >= 12) spans.push([from, to]);
  }
  return spans;
}

/** A sentence, or a few words of it. */
function passage(random: Random, text: string, sentence: [number, number]): [number, number] {
  const [from, to] = sentence;
  if (random.chance(0.6)) return [from, Math.min(to, from + 2000)];
  const words: Array<[number, number]> = [];
  const pattern = /\S+/g;
  const slice = text.slice(from, to);
  for (let match = pattern.exec(slice); match; match = pattern.exec(slice))
    words.push([from + match.index, from + match.index + match[0].length]);
  const first = random.int(words.length);
  const last = Math.min(words.length - 1, first + random.int(4));
  return [words[first]![0], words[last]![1]];
}

const authorRef = (author: SeedAuthor): AuthorRef => ({
  kind: 'person',
  id: author.id,
  name: author.name,
  ...(author.organisation && { organisation: author.organisation }),
});
const actorRef = (author: SeedAuthor) => ({ id: author.id, name: author.name });

export interface GeneratedComments {
  readonly comments: StoredComment[];
  readonly log: ModerationLogEntry[];
}

export function documentComments(
  random: Random,
  options: { documentId: string; ydoc: Y.Doc; count: number; from: number; pools: CommentPools },
): GeneratedComments {
  const { documentId, ydoc, count, pools } = options;
  const model: DocumentText = documentText(ydoc.getXmlFragment(BODY_FRAGMENT));
  const sentences = sentencesOf(model.text);
  const comments: StoredComment[] = [];
  const log: ModerationLogEntry[] = [];
  if (count <= 0 || sentences.length === 0) return { comments, log };
  const roots: StoredComment[] = [];
  const threads = new Map<string, StoredComment[]>();
  let at = options.from;
  const nextAt = () => new Date((at += 1000 + random.int(3_600_000))).toISOString();
  for (let i = 0; i < count; i++) {
    const author = random.pick(pools.commenters);
    const createdAt = nextAt();
    const id = `c_${random.uuid()}`;
    let comment: StoredComment;
    if (roots.length === 0 || random.chance(0.6)) {
      const [from, to] = passage(random, model.text, random.pick(sentences));
      const anchor = anchorFromText(model, from, to);
      const suggestion = random.chance(0.1);
      comment = {
        id,
        documentId,
        threadId: id,
        parentId: null,
        kind: suggestion ? 'suggestion' : 'comment',
        anchor,
        text: random.pick(COMMENT_TEXTS),
        ...(suggestion && { replacement: `${anchor.quote.exact} (revideret)` }),
        author: authorRef(author),
        createdAt,
        supporters: supportersOf(random, pools.commenters, author),
        reports: [],
        moderation: { state: 'visible' },
      };
      if (pools.officials.length > 0 && random.chance(0.15)) {
        const by = random.pick(pools.officials);
        comment = {
          ...comment,
          answer: { status: random.pick(ANSWER_STATUSES), text: random.pick(ANSWER_TEXTS), by: actorRef(by), at: nextAt() },
          ...(random.chance(0.5) && { resolved: { by: actorRef(by), at: nextAt() } }),
        };
      }
      roots.push(comment);
      threads.set(id, [comment]);
    } else {
      const root = random.pick(roots);
      const thread = threads.get(root.id)!;
      const parent = random.chance(0.7) ? root : random.pick(thread);
      comment = {
        id,
        documentId,
        threadId: root.id,
        parentId: parent.id,
        kind: 'reply',
        anchor: null,
        text: random.pick(REPLY_TEXTS),
        author: authorRef(author),
        createdAt,
        supporters: [],
        reports: [],
        moderation: { state: 'visible' },
      };
      thread.push(comment);
    }
    if (random.chance(0.01)) comment = reported(random, comment, pools, log, nextAt);
    comments.push(comment);
  }
  return { comments, log };
}

/** Mostly none, sometimes many: supports follow attention too. */
function supportersOf(random: Random, people: readonly SeedAuthor[], author: SeedAuthor): string[] {
  const wanted = random.chance(0.6) ? 0 : Math.min(people.length - 1, Math.floor(1 / Math.max(0.02, random.next())));
  const keys = new Set<string>();
  for (let tries = 0; keys.size < wanted && tries < wanted * 3; tries++) {
    const one = random.pick(people);
    if (one.id !== author.id) keys.add(`person:${one.id}`);
  }
  return [...keys];
}

/** A report on the comment; half of the reported ones a moderator has hidden since (with the log entry). */
function reported(
  random: Random,
  comment: StoredComment,
  pools: CommentPools,
  log: ModerationLogEntry[],
  nextAt: () => string,
): StoredComment {
  const reporter = random.pick(pools.commenters);
  const ground = random.pick(REPORT_GROUNDS);
  const report = { id: `r_${random.uuid()}`, by: `person:${reporter.id}`, ground, note: '', at: nextAt() };
  if (pools.moderators.length === 0 || random.chance(0.5)) return { ...comment, reports: [report] };
  const moderator = random.pick(pools.moderators);
  const at = nextAt();
  log.push({
    id: `m_${random.uuid()}`,
    at,
    documentId: comment.documentId,
    commentId: comment.id,
    action: 'hide',
    ground,
    reason: 'Skjult efter anmeldelse.',
    by: actorRef(moderator),
  });
  return { ...comment, reports: [{ ...report, handledAt: at }], moderation: { state: 'hidden', ground } };
}
