import { describe, expect, it } from 'vitest';
import { initialsOf, presenceList, samePresence } from '../../../lib/sync/presenceList';

const states = (...entries: [number, unknown][]) => new Map(entries);

describe('presenceList', () => {
  it('lists you first, then the others by name', () => {
    const list = presenceList(
      states(
        [3, { user: { name: 'Åse', color: '#1d6fb8' } }],
        [1, { user: { name: 'Bo', color: '#b4232c' } }],
        [2, { user: { name: 'Mette', color: '#2e7d32' } }],
      ),
      2,
    );
    // Danish collation puts Å last.
    expect(list.map((p) => [p.name, p.isSelf])).toEqual([
      ['Mette', true],
      ['Bo', false],
      ['Åse', false],
    ]);
  });

  it('shows one entry per person with the number of their connections', () => {
    const list = presenceList(states([5, { user: { name: 'Bo', color: '#B4232C' } }], [4, { user: { name: 'Bo', color: '#b4232c' } }]), 5);
    expect(list).toEqual([{ key: 4, name: 'Bo', color: '#b4232c', isSelf: true, initials: 'B', connections: 2 }]);
  });

  it('tells people apart by their stable colour, and shows a person in the colour of their first tab', () => {
    const list = presenceList(
      states(
        [9, { user: { name: 'Bo', color: '#1d6fb8', preferredColor: '#b4232c' } }],
        [4, { user: { name: 'Bo', color: '#2e7d32', preferredColor: '#b4232c' } }],
        [6, { user: { name: 'Bo', color: '#b4232c', preferredColor: '#8e24aa' } }],
      ),
      1,
    );
    expect(list.map((p) => [p.key, p.color, p.connections])).toEqual([
      [4, '#2e7d32', 2],
      [6, '#b4232c', 1],
    ]);
  });

  it('makes initials from the first and last name', () => {
    expect(initialsOf('Anna Jensen')).toBe('AJ');
    expect(initialsOf(' bo ')).toBe('B');
    expect(initialsOf('Åse Marie Østergaard')).toBe('ÅØ');
    expect(initialsOf('')).toBe('');
  });

  it('skips states without a usable name or #rrggbb colour', () => {
    const list = presenceList(
      states(
        [1, null],
        [2, {}],
        [3, { user: { name: '   ', color: '#000000' } }],
        [4, { user: { name: 'X', color: 'red' } }],
        [5, { user: { name: 42, color: '#000000' } }],
        [6, { cursor: null }],
      ),
      1,
    );
    expect(list).toEqual([]);
  });

  it('compares lists by content', () => {
    const a = presenceList(states([1, { user: { name: 'Bo', color: '#b4232c' } }]), 1);
    const b = presenceList(states([1, { user: { name: 'Bo', color: '#b4232c' }, cursor: { anchor: 1 } }]), 1);
    expect(samePresence(a, b)).toBe(true);
    expect(samePresence(a, [])).toBe(false);
  });
});
