/** Entries kept at most: a door serving many users must not grow without bound. */
const MAX_ENTRIES = 10_000;

/**
 * Group memberships looked up from a platform (Slack user groups, Entra
 * groups through Graph), each trusted for a short time: a removed member
 * loses access within `ttlMs`, and a busy channel does not ask the platform
 * at every question. Concurrent lookups of one key share one request; a
 * failed lookup is not cached.
 */
export class MembershipCache<T> {
  private readonly entries = new Map<string, { until: number; value: Promise<T> }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.until > this.now()) return entry.value;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    const value = load();
    this.entries.set(key, { until: this.now() + this.ttlMs, value });
    value.catch(() => {
      if (this.entries.get(key)?.value === value) this.entries.delete(key);
    });
    return value;
  }
}
