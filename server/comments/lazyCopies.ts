/**
 * A read-only array that hands out a copy of each element the first time it is read. A change
 * function sees a document's comments through it: it may keep or even modify what it reads
 * without touching what is stored, and a change that looks at one comment does not pay for
 * copying ten thousand (a full copy per write would make a write cost the size of its document).
 */
export function lazyCopies<T>(items: readonly T[]): readonly T[] {
  return lazyView(items).items;
}

/** The view, and the copy it hands out (or will) for one of `items`, for lookups beside the array. */
export function lazyView<T>(items: readonly T[]): { readonly items: readonly T[]; copyOf(item: T): T } {
  // The store's own array, not a copy (a copy per write would cost the document's size again):
  // the view is meant for the change function while it runs; a view kept beyond it shows what
  // the document holds when it is read.
  const target = items as T[];
  // By element, not position: the same comment read twice is the same copy.
  const copies = new Map<T, T>();
  const refuse = (): boolean => {
    throw new TypeError('the comments a change sees are read-only: return what to write instead');
  };
  const copyOf = (item: T): T => {
    let copy = copies.get(item);
    if (copy === undefined) {
      copy = structuredClone(item);
      copies.set(item, copy);
    }
    return copy;
  };
  const copyAt = (key: string | symbol): { readonly value: T } | null => {
    const index = typeof key === 'string' ? toIndex(key) : null;
    if (index === null || index >= target.length) return null;
    return { value: copyOf(target[index]!) };
  };
  const view = new Proxy(target, {
    get(array, key, receiver) {
      const copy = copyAt(key);
      return copy ? copy.value : (Reflect.get(array, key, receiver) as unknown);
    },
    getOwnPropertyDescriptor(array, key) {
      const descriptor = Reflect.getOwnPropertyDescriptor(array, key);
      const copy = copyAt(key);
      return descriptor && copy ? { ...descriptor, value: copy.value } : descriptor;
    },
    set: refuse,
    defineProperty: refuse,
    deleteProperty: refuse,
  });
  return { items: view, copyOf };
}

function toIndex(key: string): number | null {
  if (key.length === 0 || key.length > 10) return null;
  const code = key.charCodeAt(0);
  if (code < 48 || code > 57 || (key.length > 1 && code === 48)) return null;
  const index = Number(key);
  return Number.isInteger(index) ? index : null;
}
