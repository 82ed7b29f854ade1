/**
 * The consultation report (høringsnotat) as data, following the Danish template: the period, the
 * organisations the consultation was sent to and whether each responded, then every visible comment
 * and suggestion under the document's own heading it is about, grouped by passage (document order;
 * comments on exactly the same passage share a group), those whose passage is gone in a group of
 * their own with their quotes, each with its replies, support count, organisation and official
 * answer or decision. Suggestions keep the wording they proposed to change (`quote`) beside the new
 * one, so an accepted suggestion shows both. Hidden comments are left out but counted (by ground,
 * also when their authors deleted them since), as are comments their authors withdrew. Of one
 * version (`version`), it covers the comments written while that version was being read, and the
 * suggestions still open when it froze (carried forward); an accepted suggestion names the change
 * its acceptance made in the comparison of that version with the next (`changes`, worked out by
 * matchSuggestionChanges), so the notat can link to it.
 * Pure: the renderers beside it turn it into HTML, Markdown and CSV.
 */
import { neutralDisplayName } from '../../people/affiliation';
import type * as Y from 'yjs';
import type { DocumentState } from '../../access/model';
import type { DocumentMeta } from '../../storage/MetadataStore';
import { inPassageOrder, passagesOf, type Passage } from '../anchorCheck';
import { documentText, type DocumentHeading } from '../anchors/documentText';
import { BODY_FRAGMENT } from '../../protocol';
import { carriedInto, inSpan, type VersionSpan } from './versionSpan';
import {
  REPORT_GROUNDS,
  type AnswerStatus,
  type FeedbackCategory,
  type ReportGround,
  type StoredComment,
  type SuggestionDecision,
} from '../model';
import { summariseFeedback, type FeedbackSummary } from '../feedbackSummary';

export interface ReportReply {
  readonly id: string;
  readonly author: string;
  readonly organisation: string | null;
  readonly createdAt: string;
  readonly text: string;
}

export interface ReportItem {
  readonly id: string;
  readonly kind: 'comment' | 'suggestion' | 'feedback';
  /** Feedback: where in the feedback model it belongs. */
  readonly category?: FeedbackCategory;
  readonly author: string;
  readonly authorKind: 'person' | 'guest';
  readonly organisation: string | null;
  readonly createdAt: string;
  readonly text: string;
  /** Suggestions: the proposed wording. */
  readonly replacement?: string;
  /** The passage as it was quoted when the comment was written ('' for feedback). */
  readonly quote: string;
  readonly supportCount: number;
  readonly resolved: boolean;
  readonly answer?: { readonly status: AnswerStatus; readonly text: string; readonly by: string; readonly at: string };
  readonly decision?: { readonly decision: SuggestionDecision; readonly reason: string; readonly by: string; readonly at: string };
  readonly replies: readonly ReportReply[];
  /** Accepted suggestions: the number of the change it made in the version's comparison (`#change-<n>`), when found. */
  readonly change?: number;
  /** Of one version: a suggestion written on an earlier version and still open when this one froze. */
  readonly carried?: true;
}

export type ReportGroup =
  | {
      readonly kind: 'passage';
      readonly status: 'anchored' | 'reanchored';
      /** The passage's text in the document now (after accepted suggestions changed it). */
      readonly text: string;
      /** The document's heading the passage stands under (the nearest one above it); null before the first. */
      readonly section: string | null;
      readonly items: readonly ReportItem[];
    }
  /** Comments whose passage is no longer in the document: each item shows its quote. */
  | { readonly kind: 'orphaned'; readonly items: readonly ReportItem[] };

export interface ConsultationReport {
  readonly documentId: string;
  readonly title: string;
  readonly state: DocumentState;
  readonly opensAt: string | null;
  readonly closesAt: string | null;
  readonly generatedAt: string;
  readonly totals: {
    readonly comments: number;
    readonly suggestions: number;
    readonly replies: number;
    readonly supports: number;
    readonly answered: number;
    /** Left out of the report: hidden by moderators (any kind), counted by ground below. */
    readonly hidden: number;
    /** Left out: withdrawn (deleted) by their authors. */
    readonly withdrawn: number;
  };
  readonly hiddenByGround: Readonly<Record<ReportGround, number>>;
  /** The organisations that responded, by name, with how many comments and suggestions each. */
  readonly organisations: readonly { readonly id: string; readonly name: string; readonly items: number }[];
  /**
   * The organisations the consultation was sent to (those the document's grants name) and those that
   * responded anyway, by name: whether each responded, and with how many comments and suggestions.
   */
  readonly consulted: readonly { readonly id: string; readonly name: string; readonly responded: boolean; readonly items: number }[];
  /** The version this report is of, and the one that followed it; null for a report of every comment. */
  readonly version: VersionSpan | null;
  readonly groups: readonly ReportGroup[];
  /**
   * Feedback on the whole document (the feedback model), by category with counts and the most
   * supported item of each; only when there is visible feedback (so a notat without any reads as before).
   */
  readonly feedback?: ReportFeedback;
}

/** Each item has its support count as `supportCount` (FeedbackLike). */
export type ReportFeedback = FeedbackSummary<ReportItem>;

export interface ReportInput {
  readonly meta: DocumentMeta;
  readonly comments: readonly StoredComment[];
  /** The current body, for where each passage is now. */
  readonly body: Y.Doc;
  readonly generatedAt: string;
  /** The organisations the consultation was sent to, with their names. */
  readonly consulted?: readonly { readonly id: string; readonly name: string }[];
  /** Of one version: only the comments written while it was being read (and suggestions carried forward). */
  readonly version?: VersionSpan;
  /** Accepted suggestion id → the change it made in the version's comparison (matchSuggestionChanges). */
  readonly changes?: ReadonlyMap<string, number>;
}

const shown = (comment: StoredComment) => comment.deletedAt === undefined && comment.moderation.state === 'visible';

export function buildConsultationReport(input: ReportInput): ConsultationReport {
  const { meta } = input;
  const span = input.version;
  // Of one version: its threads (a reply goes with its thread, whenever it was written).
  const rootIds = new Set(input.comments.filter((c) => c.parentId === null && (!span || inSpan(span, c))).map((c) => c.id));
  const comments = input.comments.filter((c) => rootIds.has(c.parentId === null ? c.id : c.threadId));
  const hiddenByGround = Object.fromEntries(REPORT_GROUNDS.map((ground) => [ground, 0])) as Record<ReportGround, number>;
  let hidden = 0;
  let withdrawn = 0;
  for (const comment of comments) {
    // Hidden first: an author who deletes a hidden comment withdraws the words, not the moderation.
    if (comment.moderation.state === 'hidden') {
      hidden += 1;
      hiddenByGround[comment.moderation.ground ?? 'other'] += 1;
    } else if (comment.deletedAt !== undefined) withdrawn += 1;
  }

  // A thread is in the report when its root is; its visible replies come with it.
  const roots = comments.filter((c) => c.parentId === null && c.kind !== 'feedback' && c.anchor !== null && shown(c));
  const feedbackRoots = comments.filter((c) => c.parentId === null && c.kind === 'feedback' && shown(c));
  const repliesOf = new Map<string, ReportReply[]>();
  for (const reply of comments) {
    if (reply.parentId === null || !shown(reply)) continue;
    const list = repliesOf.get(reply.threadId) ?? [];
    list.push({
      id: reply.id,
      author: neutralDisplayName(reply.author.name),
      organisation: reply.author.organisation?.name ?? null,
      createdAt: reply.createdAt,
      text: reply.text,
    });
    repliesOf.set(reply.threadId, list);
  }

  const passages = passagesOf(
    input.body,
    roots.map((root) => root.anchor!),
  );
  const placed = roots.map((root, i) => ({ root, passage: passages[i]! }));
  const ordered = inPassageOrder(placed, (p): Passage => p.passage);

  const headings = documentText(input.body.getXmlFragment(BODY_FRAGMENT)).headings;
  const groups: ReportGroup[] = [];
  const orphaned: ReportItem[] = [];
  // Sorted by passage, so comments on the same passage follow each other.
  let last: { from: number; to: number; items: ReportItem[] } | null = null;
  for (const { root, passage } of ordered) {
    const change = input.changes?.get(root.id);
    const item: ReportItem = {
      ...itemOf(root, repliesOf.get(root.id) ?? []),
      ...(change !== undefined && root.decision?.decision === 'accepted' && { change }),
      ...(span && carriedInto(span, root) && { carried: true as const }),
    };
    if (passage.status === 'orphaned') {
      orphaned.push(item);
    } else if (last && last.from === passage.from && last.to === passage.to) {
      last.items.push(item);
    } else {
      last = { from: passage.from, to: passage.to, items: [item] };
      groups.push({
        kind: 'passage',
        status: passage.status,
        text: passage.text,
        section: sectionAt(headings, passage.from),
        items: last.items,
      });
    }
  }
  if (orphaned.length > 0) groups.push({ kind: 'orphaned', items: orphaned });

  const organisations = new Map<string, { id: string; name: string; items: number }>();
  // Feedback from an organisation is a response too.
  for (const root of [...roots, ...feedbackRoots]) {
    const organisation = root.author.organisation;
    if (!organisation) continue;
    const entry = organisations.get(organisation.id) ?? { id: organisation.id, name: organisation.name, items: 0 };
    entry.items += 1;
    organisations.set(organisation.id, entry);
  }

  const consulted = new Map<string, { id: string; name: string; responded: boolean; items: number }>();
  for (const organisation of input.consulted ?? []) consulted.set(organisation.id, { ...organisation, responded: false, items: 0 });
  for (const organisation of organisations.values()) consulted.set(organisation.id, { ...organisation, responded: true });

  return {
    documentId: meta.id,
    title: meta.title,
    state: meta.state,
    opensAt: meta.consultation.opensAt,
    closesAt: meta.consultation.closesAt,
    generatedAt: input.generatedAt,
    totals: {
      comments: roots.filter((r) => r.kind === 'comment').length,
      suggestions: roots.filter((r) => r.kind === 'suggestion').length,
      replies: roots.reduce((n, r) => n + (repliesOf.get(r.id)?.length ?? 0), 0),
      supports: roots.reduce((n, r) => n + r.supporters.length, 0),
      answered: roots.filter((r) => r.answer !== undefined || r.decision !== undefined).length,
      hidden,
      withdrawn,
    },
    hiddenByGround,
    organisations: [...organisations.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')),
    consulted: [...consulted.values()].sort((a, b) => a.name.localeCompare(b.name, 'da')),
    version: span ?? null,
    groups,
    ...(feedbackRoots.length > 0 && {
      feedback: summariseFeedback(feedbackRoots.map((root) => itemOf(root, repliesOf.get(root.id) ?? []))),
    }),
  };
}

function itemOf(root: StoredComment, replies: readonly ReportReply[]): ReportItem {
  return {
    id: root.id,
    kind: root.kind === 'suggestion' ? 'suggestion' : root.kind === 'feedback' ? 'feedback' : 'comment',
    ...(root.kind === 'feedback' && root.category !== undefined && { category: root.category }),
    // Names stored before they could not end in brackets are shown without them: only `organisation` says who speaks for whom.
    author: neutralDisplayName(root.author.name),
    authorKind: root.author.kind,
    organisation: root.author.organisation?.name ?? null,
    createdAt: root.createdAt,
    text: root.text,
    ...(root.kind === 'suggestion' && { replacement: root.replacement ?? '' }),
    quote: root.anchor?.quote.exact ?? '',
    supportCount: root.supporters.length,
    resolved: root.resolved !== undefined,
    ...(root.answer && {
      answer: { status: root.answer.status, text: root.answer.text, by: neutralDisplayName(root.answer.by.name), at: root.answer.at },
    }),
    ...(root.decision && {
      decision: {
        decision: root.decision.decision,
        reason: root.decision.reason,
        by: neutralDisplayName(root.decision.by.name),
        at: root.decision.at,
      },
    }),
    replies: [...replies].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0)),
  };
}

/** The text of the last heading at or before `offset` (headings are in document order), or null. */
function sectionAt(headings: readonly DocumentHeading[], offset: number): string | null {
  let found: DocumentHeading | null = null;
  for (const heading of headings) {
    if (heading.offset > offset) break;
    found = heading;
  }
  return found ? found.text : null;
}
