/**
 * A least-recently-used map bounded by the total size of its values, as the caller measures them:
 * putting a value evicts the least recently used ones until everything fits; a value larger than
 * the whole bound is not kept (it would only push everything else out).
 */
export class ByteBoundedLru<V> {
  /** Map order is use order: the first entry is the least recently used. */
  private readonly entries = new Map<string, { readonly value: V; readonly bytes: number }>();
  private used = 0;

  constructor(private readonly maxBytes: number) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 0) throw new RangeError(`not a byte bound: ${maxBytes}`);
  }

  /** The value, now the most recently used; undefined when not kept. */
  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps `value` as the most recently used, unless it alone is larger than the bound. */
  set(key: string, value: V, bytes: number): void {
    this.delete(key);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes });
    this.used += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.used -= entry.bytes;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.used -= entry.bytes;
  }

  /** The sum of the kept values' sizes. */
  get bytes(): number {
    return this.used;
  }

  get size(): number {
    return this.entries.size;
  }
}
