import { describe, expect, it } from 'vitest';
import { comparePassages, orderByPassage } from '../../../lib/comments/anchors/orderByPassage';
import type { ResolvedAnchor } from '../../../lib/comments/anchors/resolveAnchor';

const at = (from: number, to: number, status: ResolvedAnchor['status'] = 'anchored'): ResolvedAnchor => ({ status, from, to, text: 'x' });
const orphan = (text: string): ResolvedAnchor => ({ status: 'orphaned', from: -1, to: -1, text });

describe('orderByPassage', () => {
  it('sorts by where passages start, enclosing before enclosed, orphaned last in their given order', () => {
    const list = [orphan('b'), at(40, 45), at(10, 12), orphan('a'), at(10, 30, 'reanchored'), at(0, 5)];
    expect(orderByPassage(list)).toEqual([at(0, 5), at(10, 30, 'reanchored'), at(10, 12), at(40, 45), orphan('b'), orphan('a')]);
    expect(list[0]).toEqual(orphan('b')); // the input is left alone
  });

  it('sorts any items by their resolved anchor; items without one go last', () => {
    const threads = [
      { id: 'uden', resolved: null },
      { id: 'sidst', resolved: at(90, 95) },
      { id: 'først', resolved: at(3, 4) },
      { id: 'forældreløs', resolved: orphan('væk') },
      { id: 'samme', resolved: at(90, 95) },
    ];
    expect(orderByPassage(threads, (thread) => thread.resolved).map((thread) => thread.id)).toEqual([
      'først',
      'sidst',
      'samme',
      'uden',
      'forældreløs',
    ]);
  });

  it('compares as a sort comparator', () => {
    expect(comparePassages(at(1, 2), at(3, 4))).toBeLessThan(0);
    expect(comparePassages(orphan('a'), at(3, 4))).toBeGreaterThan(0);
    expect(comparePassages(null, orphan('a'))).toBe(0);
    expect(comparePassages(at(1, 9), at(1, 2))).toBeLessThan(0);
  });
});
