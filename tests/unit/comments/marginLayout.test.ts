import { describe, expect, it } from 'vitest';
import { marginLayout, type MarginItem } from '../../../lib/comments/marginLayout';

const item = (want: number | null, height = 50): MarginItem => ({ want, height });

/** No two items overlap (with the gap between them) and none is above the start. */
function expectStacked(items: readonly MarginItem[], tops: readonly number[], start: number, gap: number) {
  tops.forEach((top, index) => {
    expect(top).toBeGreaterThanOrEqual(start);
    if (index > 0) expect(top).toBeGreaterThanOrEqual(tops[index - 1]! + items[index - 1]!.height + gap);
  });
}

describe('marginLayout', () => {
  it('puts each item on its passage when there is room', () => {
    const items = [item(100), item(300), item(600)];
    expect(marginLayout(items, { start: 0, gap: 10 })).toEqual([100, 300, 600]);
  });

  it('pushes an item down below the one before it, and never above the column', () => {
    const items = [item(0, 80), item(20), item(30)];
    const tops = marginLayout(items, { start: 40, gap: 10 });
    expect(tops).toEqual([40, 130, 190]);
    expectStacked(items, tops, 40, 10);
  });

  it('lets an item without a passage follow the one before it', () => {
    expect(marginLayout([item(100), item(null), item(120)], { start: 0, gap: 10 })).toEqual([100, 160, 220]);
  });

  it('gives the active item its passage’s line, moving the ones before it up as far as their passages allow', () => {
    const items = [item(100), item(110), item(120)];
    expect(marginLayout(items, { start: 0, gap: 10 })).toEqual([100, 160, 220]);
    const tops = marginLayout(items, { start: 0, gap: 10, active: 2 });
    expect(tops).toEqual([0, 60, 120]);
    expectStacked(items, tops, 0, 10);
  });

  it('keeps the active item as high as the column allows when there is not room above it', () => {
    const items = [item(100), item(110), item(120)];
    const tops = marginLayout(items, { start: 50, gap: 10, active: 2 });
    expect(tops).toEqual([50, 110, 170]);
    expectStacked(items, tops, 50, 10);
  });

  it('pushes the items after the active one down again', () => {
    const items = [item(100), item(110), item(120), item(125)];
    const tops = marginLayout(items, { start: 0, gap: 10, active: 1 });
    expect(tops).toEqual([50, 110, 170, 230]);
    expectStacked(items, tops, 0, 10);
  });

  it('changes nothing for an active item already on its line or without a passage', () => {
    const items = [item(100), item(null), item(400)];
    const plain = marginLayout(items, { start: 0, gap: 10 });
    expect(marginLayout(items, { start: 0, gap: 10, active: 0 })).toEqual(plain);
    expect(marginLayout(items, { start: 0, gap: 10, active: 1 })).toEqual(plain);
    expect(marginLayout(items, { start: 0, gap: 10, active: 2 })).toEqual(plain);
  });

  it('places nothing for no items', () => {
    expect(marginLayout([], { start: 0, gap: 10, active: null })).toEqual([]);
  });
});
