/**
 * Feedback (the feedback model: what works well, questions, suggestions for improvement) grouped by
 * category, with each category's count and its most supported item, as the authors' overview and
 * the høringsnotat show it. Pure and browser-safe: the same function serves the stored records (the
 * report) and the views a browser reads (the feedback panel).
 */
import { FEEDBACK_CATEGORIES, type FeedbackCategory } from './model';

export interface FeedbackLike {
  readonly id: string;
  readonly category?: FeedbackCategory;
  readonly supportCount: number;
  readonly createdAt: string;
}

export interface FeedbackGroup<T> {
  readonly category: FeedbackCategory;
  /** In the order they were written. */
  readonly items: readonly T[];
  /** The most supported item (the earliest of equals); null when none has any support. */
  readonly top: T | null;
}

export interface FeedbackSummary<T> {
  readonly total: number;
  readonly counts: Readonly<Record<FeedbackCategory, number>>;
  /** Every category, in the model's order, also those without feedback. */
  readonly groups: readonly FeedbackGroup<T>[];
}

const byCreation = (a: FeedbackLike, b: FeedbackLike) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** Groups the items given (items without a category are left out). */
export function summariseFeedback<T extends FeedbackLike>(items: readonly T[]): FeedbackSummary<T> {
  const groups = FEEDBACK_CATEGORIES.map((category) => {
    const inCategory = items.filter((item) => item.category === category).sort(byCreation);
    let top: T | null = null;
    for (const item of inCategory) if (item.supportCount > 0 && (top === null || item.supportCount > top.supportCount)) top = item;
    return { category, items: inCategory, top };
  });
  const counts = Object.fromEntries(groups.map((group) => [group.category, group.items.length])) as Record<FeedbackCategory, number>;
  return { total: groups.reduce((n, group) => n + group.items.length, 0), counts, groups };
}
