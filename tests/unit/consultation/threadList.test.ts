import { describe, expect, it } from 'vitest';
import type { CommentView } from '../../../app/_consultation/commentViews';
import { arrangeThreads, isClosed, threadsOf, type Placement } from '../../../app/_consultation/threadList';

const anchor = (exact: string) => ({ start: {}, end: {}, quote: { prefix: '', exact, suffix: '' } });

function comment(id: string, overrides: Partial<CommentView> = {}): CommentView {
  return {
    id,
    threadId: overrides.parentId ?? id,
    parentId: null,
    kind: 'comment',
    anchor: overrides.parentId ? null : anchor(id),
    text: `tekst ${id}`,
    author: { kind: 'person', name: 'Anna' },
    createdAt: '2026-11-01T10:00:00.000Z',
    state: 'visible',
    supportCount: 0,
    supportedByMe: false,
    mine: false,
    reportedByMe: false,
    ...overrides,
  };
}

const collator = new Intl.Collator('da');

describe('threadsOf', () => {
  it('groups replies under their root, oldest first, and drops replies without a root', () => {
    const threads = threadsOf([
      comment('a'),
      comment('r2', { parentId: 'a', threadId: 'a', kind: 'reply', createdAt: '2026-11-01T12:00:00.000Z' }),
      comment('r1', { parentId: 'a', threadId: 'a', kind: 'reply', createdAt: '2026-11-01T11:00:00.000Z' }),
      comment('lost', { parentId: 'gone', threadId: 'gone', kind: 'reply' }),
      comment('b'),
    ]);
    expect(threads.map((thread) => [thread.root.id, thread.replies.map((reply) => reply.id)])).toEqual([
      ['a', ['r1', 'r2']],
      ['b', []],
    ]);
  });

  it('counts resolved comments and decided suggestions as closed', () => {
    const by = { id: 'p', name: 'Sara' };
    expect(isClosed({ root: comment('a'), replies: [] })).toBe(false);
    expect(isClosed({ root: comment('a', { resolved: { by, at: '2026-11-02T00:00:00Z' } }), replies: [] })).toBe(true);
    expect(
      isClosed({ root: comment('s', { kind: 'suggestion', decision: { decision: 'declined', reason: 'nej', by, at: 'x' } }), replies: [] }),
    ).toBe(true);
  });
});

describe('arrangeThreads', () => {
  const by = { id: 'p', name: 'Sara' };
  const threads = threadsOf([
    comment('late', { createdAt: '2026-11-03T00:00:00.000Z', supportCount: 1 }),
    comment('early', {
      createdAt: '2026-11-01T00:00:00.000Z',
      supportCount: 5,
      author: { kind: 'person', name: 'B', organisation: { id: 'o2', name: 'Ældresagen' } },
    }),
    comment('middle', {
      createdAt: '2026-11-02T00:00:00.000Z',
      kind: 'suggestion',
      replacement: 'ny',
      author: { kind: 'person', name: 'C', organisation: { id: 'o1', name: 'Cykelforbundet' } },
    }),
    comment('orphan', { createdAt: '2026-11-04T00:00:00.000Z', resolved: { by, at: 'x' } }),
  ]);
  const placements = new Map<string, Placement>([
    ['late', { status: 'anchored', at: 5 }],
    ['early', { status: 'reanchored', at: 40 }],
    ['middle', { status: 'anchored', at: 20 }],
    ['orphan', { status: 'orphaned', at: -1 }],
  ]);
  const ids = (list: readonly { root: CommentView }[]) => list.map((thread) => thread.root.id);

  it('sorts by passage, keeps orphaned threads apart', () => {
    const groups = arrangeThreads(threads, 'all', 'passage', placements, collator);
    expect(ids(groups.placed)).toEqual(['late', 'middle', 'early']);
    expect(ids(groups.orphaned)).toEqual(['orphan']);
  });

  it('sorts by newest, most supported and organisation', () => {
    expect(ids(arrangeThreads(threads, 'all', 'newest', placements, collator).placed)).toEqual(['late', 'middle', 'early']);
    expect(ids(arrangeThreads(threads, 'all', 'supported', placements, collator).placed)).toEqual(['early', 'late', 'middle']);
    // Organisations alphabetically (Danish: Æ after C), then those without one.
    expect(ids(arrangeThreads(threads, 'all', 'organisation', placements, collator).placed)).toEqual(['middle', 'early', 'late']);
  });

  it('filters open, resolved, orphaned and suggestions', () => {
    const filtered = (filter: 'open' | 'resolved' | 'orphaned' | 'suggestions') => {
      const groups = arrangeThreads(threads, filter, 'passage', placements, collator);
      return [...ids(groups.placed), ...ids(groups.orphaned)];
    };
    expect(filtered('open')).toEqual(['late', 'middle', 'early']);
    expect(filtered('resolved')).toEqual(['orphan']);
    expect(filtered('orphaned')).toEqual(['orphan']);
    expect(filtered('suggestions')).toEqual(['middle']);
  });

  it('puts threads not placed yet (body still loading) after the placed ones', () => {
    const groups = arrangeThreads(threads, 'all', 'passage', new Map([['middle', { status: 'anchored', at: 3 }]]), collator);
    expect(ids(groups.placed)).toEqual(['middle', 'early', 'late', 'orphan']);
  });
});
