/**
 * A map that keeps only the entries used most recently, so a build's caches stay the same size
 * however long the archive is. Pages are built in date order (meetings sort by date, and so do
 * their downloads and cards), so what one page works out is wanted by the next few pages (other
 * committees meeting about the same quarter) and then not again: the cache holds the quarters in
 * hand, not all fifty years of them (README, "Memory").
 */
export class Recent<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      // Most recently used last: a Map iterates in insertion order.
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V) {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }

  get size() {
    return this.entries.size;
  }
}

/**
 * Values worked out for one cut (what a meeting saw) and one indicator, kept for the few cuts
 * used most recently, however many indicators a site has: pages in date order ask for one or
 * two cuts at a time, and each of those for every indicator.
 */
export class RecentCuts<V> {
  private readonly cuts: Recent<string, Map<string, V>>;

  constructor(cuts: number) {
    this.cuts = new Recent(cuts);
  }

  get(cut: string, key: string): V | undefined {
    return this.cuts.get(cut)?.get(key);
  }

  set(cut: string, key: string, value: V) {
    let values = this.cuts.get(cut);
    if (!values) this.cuts.set(cut, (values = new Map()));
    values.set(key, value);
  }
}
