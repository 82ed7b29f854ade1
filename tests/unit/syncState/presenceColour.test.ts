import { describe, expect, it } from 'vitest';
import { PERSON_COLOURS, colourFor, isPersonColour } from '../../../lib/auth/colourFor';
import { resolveColour } from '../../../lib/sync/presenceColour';

const [RED, BLUE, GREEN, PURPLE] = PERSON_COLOURS;
const user = (name: string, color: string, preferredColor = color) => ({ user: { name, color, preferredColor } });
const states = (...entries: [number, unknown][]) => new Map(entries);

function luminance(hex: string): number {
  const channel = (offset: number) => {
    const value = parseInt(hex.slice(offset, offset + 2), 16) / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

describe('the palette', () => {
  it('has at least 12 distinct #rrggbb colours, each readable on white and under white text (≥ 4.5:1)', () => {
    expect(PERSON_COLOURS.length).toBeGreaterThanOrEqual(12);
    expect(new Set(PERSON_COLOURS).size).toBe(PERSON_COLOURS.length);
    for (const colour of PERSON_COLOURS) {
      expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(1.05 / (luminance(colour) + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('gives an id a stable colour from the palette, and knows its own colours', () => {
    expect(colourFor('p_1')).toBe(colourFor('p_1'));
    expect(isPersonColour(colourFor('p_1'))).toBe(true);
    expect(isPersonColour(RED!.toUpperCase())).toBe(true);
    expect(isPersonColour('#ffffff')).toBe(false);
    expect(isPersonColour(undefined)).toBe(false);
  });
});

describe('resolveColour', () => {
  const anna = { name: 'Anna', preferred: RED! };

  it('keeps the preferred colour when nobody else has it', () => {
    expect(resolveColour(states([5, user('Anna', RED!)], [7, user('Bo', BLUE!)]), 5, anna)).toBe(RED);
    expect(resolveColour(states(), 5, anna)).toBe(RED);
  });

  it('moves to the next free colour when someone with a lower client id has it', () => {
    const seen = states([5, user('Anna', RED!)], [3, user('Bo', RED!)], [4, user('Carl', BLUE!)]);
    expect(resolveColour(seen, 5, anna)).toBe(GREEN);
  });

  it('keeps it when the other person has the higher client id, who moves instead (both browsers agree)', () => {
    const seen = states([5, user('Anna', RED!)], [9, user('Bo', RED!)]);
    expect(resolveColour(seen, 5, anna)).toBe(RED);
    expect(resolveColour(seen, 9, { name: 'Bo', preferred: RED! })).toBe(BLUE);
  });

  it('never takes a colour someone else shows, even one with a higher client id', () => {
    const seen = states([5, user('Anna', RED!)], [2, user('Bo', RED!)], [9, user('Carl', BLUE!)]);
    expect(resolveColour(seen, 5, anna)).toBe(GREEN);
  });

  it('gives everyone a different colour, whatever their preferences, up to the size of the palette', () => {
    const people = PERSON_COLOURS.map((_, i) => ({ id: 100 + i, name: `P${i}`, preferred: RED! }));
    const now = new Map<number, unknown>(people.map((p) => [p.id, user(p.name, RED!)]));
    // Each browser re-resolves on every change, in any order, until nothing changes.
    for (let round = 0; round < people.length + 1; round++) {
      for (const p of [...people].reverse()) now.set(p.id, user(p.name, resolveColour(now, p.id, p), RED!));
    }
    const colours = [...now.values()].map((s) => (s as { user: { color: string } }).user.color);
    expect(new Set(colours).size).toBe(PERSON_COLOURS.length);
  });

  it('has one person’s tabs share the colour of their lowest client id', () => {
    const seen = states([5, user('Anna', PURPLE!, RED!)], [8, user('Anna', RED!)], [3, user('Bo', RED!)]);
    expect(resolveColour(seen, 8, anna)).toBe(PURPLE);
  });

  it('keeps the current colour when every colour is taken', () => {
    const full = states(...PERSON_COLOURS.map((c, i): [number, unknown] => [i + 1, user(`P${i}`, c)]), [50, user('Anna', RED!)]);
    expect(resolveColour(full, 50, anna)).toBe(RED);
  });
});
