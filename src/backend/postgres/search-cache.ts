// What the PostgreSQL search remembers between requests: match counts and ranked windows, for one version of the
// search tables (search_totals.version, which every change to search_documents bumps in the same transaction), so
// a remembered answer is exactly what the same statement would read in any snapshot of that version. Typing a word
// asks for the same few short prefixes again and again, and every page of a search needs its count.

/** A map that forgets its least recently used entries beyond `size`. */
export class RecentCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly size: number) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value!);
  }
}
