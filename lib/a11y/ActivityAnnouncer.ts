/**
 * What a screen reader hears about other people's activity in a document (a polite live region),
 * without being flooded: a person's edits are announced at most once per `perPersonMs` ("Anna
 * Jensen skriver"), and announcements come at most once per `gapMs`, whatever waited meanwhile
 * coalesced into one ("Anna Jensen og Bo skriver", "Ny kommentar fra Bo"). Never the person's own
 * activity: the adapters (app/_editor/useActivityAnnouncements.ts) leave it out.
 *
 * Pure: the clock is injected, and it sets no timers; `nextAt()` tells the adapter when `take()`
 * has something to say.
 */
import type { Translate } from '../i18n/t';
import { intlLocale, type Locale } from '../i18n/locales';
import { formatNumber, pluralCategory } from '../i18n/plural';

export type Announcement =
  /** People (their names, in order of their first edit) writing in the document. */
  | { readonly kind: 'typing'; readonly names: readonly string[] }
  /** New comments by others: `from` when they are all one person's. */
  | { readonly kind: 'comments'; readonly count: number; readonly from: string | null };

export interface ActivityAnnouncerOptions {
  readonly now: () => number;
  /** A person's edits are announced at most once per this long. */
  readonly perPersonMs?: number;
  /** At most one announcement per this long. */
  readonly gapMs?: number;
}

export const PER_PERSON_MS = 30_000;
export const GAP_MS = 3_000;

export class ActivityAnnouncer {
  private readonly now: () => number;
  private readonly perPersonMs: number;
  private readonly gapMs: number;
  /** When each person's edits were last announced. */
  private readonly announced = new Map<string, number>();
  /** People whose edits wait to be announced: key → name. */
  private readonly typing = new Map<string, string>();
  /** Authors of new comments waiting to be announced, one entry per comment. */
  private comments: string[] = [];
  private lastAt = -Infinity;

  constructor(options: ActivityAnnouncerOptions) {
    this.now = options.now;
    this.perPersonMs = options.perPersonMs ?? PER_PERSON_MS;
    this.gapMs = options.gapMs ?? GAP_MS;
  }

  /** Someone else (`key`: who they are; `name`: as shown) changed the document. */
  edited(key: string, name: string): void {
    const last = this.announced.get(key);
    if (last !== undefined && this.now() - last < this.perPersonMs) return;
    if (!this.typing.has(key)) this.typing.set(key, name);
  }

  /** New comments by others arrived (their authors' names, one per comment). */
  commented(authors: readonly string[]): void {
    this.comments.push(...authors);
  }

  /** When `take()` will have something to say (epoch ms), or null while nothing waits. */
  nextAt(): number | null {
    if (this.typing.size === 0 && this.comments.length === 0) return null;
    return Math.max(this.now(), this.lastAt + this.gapMs);
  }

  /** What to say now (empty while nothing waits or the last announcement was too recent). */
  take(): Announcement[] {
    const at = this.nextAt();
    const now = this.now();
    if (at === null || at > now) return [];
    const said: Announcement[] = [];
    if (this.typing.size > 0) {
      for (const key of this.typing.keys()) this.announced.set(key, now);
      said.push({ kind: 'typing', names: [...this.typing.values()] });
      this.typing.clear();
    }
    if (this.comments.length > 0) {
      const authors = new Set(this.comments);
      said.push({ kind: 'comments', count: this.comments.length, from: authors.size === 1 ? (this.comments[0] ?? null) : null });
      this.comments = [];
    }
    this.lastAt = now;
    return said;
  }
}

/** A comment as the comment list has it (the parts this needs). */
export interface ListedComment {
  readonly id: string;
  readonly mine: boolean;
  readonly state: 'visible' | 'hidden' | 'deleted';
  readonly author: { readonly name: string } | null;
}

/**
 * The authors of comments in `next` that `seen` (the ids of the list shown before) does not have,
 * written by someone else and visible. None for the first list (`seen` null): that is loading, not news.
 */
export function newCommentsByOthers(seen: ReadonlySet<string> | null, next: readonly ListedComment[]): string[] {
  if (seen === null) return [];
  return next.filter((c) => !seen.has(c.id) && !c.mine && c.state === 'visible' && c.author !== null).map((c) => c.author?.name ?? '');
}

/** An announcement in words, e.g. "Anna Jensen og Bo skriver", "Ny kommentar fra Bo". */
export function describeAnnouncement(announcement: Announcement, t: Translate, locale: Locale): string {
  if (announcement.kind === 'typing') {
    const names = new Intl.ListFormat(intlLocale(locale), { type: 'conjunction' }).format(announcement.names);
    return pluralCategory(locale, announcement.names.length) === 'one'
      ? t('announce.typing.one', { names })
      : t('announce.typing.other', { names });
  }
  const { count, from } = announcement;
  if (from === null) return t('announce.comments.other', { n: formatNumber(count, locale) });
  return pluralCategory(locale, count) === 'one'
    ? t('announce.comment.one', { name: from })
    : t('announce.comment.other', { n: formatNumber(count, locale), name: from });
}
