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
 * two cuts at a time, and each of those for every indicator. Values for the cut named `always`
 * (now, which every indicator page and whole-history download asks for) are kept for the build.
 */
export class RecentCuts<V> {
  private readonly cuts: Recent<string, Map<string, V>>;
  private readonly kept = new Map<string, V>();

  constructor(
    cuts: number,
    private readonly always?: string,
  ) {
    this.cuts = new Recent(cuts);
  }

  get(cut: string, key: string): V | undefined {
    return cut === this.always ? this.kept.get(key) : this.cuts.get(cut)?.get(key);
  }

  set(cut: string, key: string, value: V) {
    if (cut === this.always) {
      this.kept.set(key, value);
      return;
    }
    let values = this.cuts.get(cut);
    if (!values) this.cuts.set(cut, (values = new Map()));
    values.set(key, value);
  }

  /** The value kept for the cut and key, or make()'s, kept. */
  at(cut: string, key: string, make: () => V): V {
    let value = this.get(cut, key);
    if (value === undefined) this.set(cut, key, (value = make()));
    return value;
  }
}
