import { describe, expect, it } from 'vitest';
import { ByteBoundedLru } from '../../../server/versions/ByteBoundedLru';

describe('ByteBoundedLru', () => {
  it('gives back what it keeps, and nothing for what it does not', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 10);
    expect(lru.get('a')).toBe('A');
    expect(lru.get('b')).toBeUndefined();
    expect(lru.bytes).toBe(10);
  });

  it('evicts the least recently used values until the total fits', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 40);
    lru.set('b', 'B', 40);
    lru.get('a'); // b is now the least recently used
    lru.set('c', 'C', 40);
    expect(lru.get('b')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.get('c')).toBe('C');
    expect(lru.bytes).toBe(80);
    // One large value may push out several.
    lru.set('d', 'D', 90);
    expect([lru.get('a'), lru.get('c'), lru.get('d')]).toEqual([undefined, undefined, 'D']);
    expect(lru.bytes).toBe(90);
  });

  it('does not keep a value larger than the bound, and keeps what it had', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 60);
    lru.set('huge', 'H', 101);
    expect(lru.get('huge')).toBeUndefined();
    expect(lru.get('a')).toBe('A');
    expect(lru.bytes).toBe(60);
  });

  it('replaces a key’s value and its size', () => {
    const lru = new ByteBoundedLru<string>(100);
    lru.set('a', 'A', 60);
    lru.set('a', 'A2', 30);
    expect(lru.get('a')).toBe('A2');
    expect(lru.bytes).toBe(30);
    expect(lru.size).toBe(1);
  });

  it('keeps nothing with a bound of 0, and refuses a bound that is no byte count', () => {
    const lru = new ByteBoundedLru<string>(0);
    lru.set('a', 'A', 1);
    expect(lru.get('a')).toBeUndefined();
    expect(() => new ByteBoundedLru(-1)).toThrow(RangeError);
    expect(() => new ByteBoundedLru(1.5)).toThrow(RangeError);
  });
});
