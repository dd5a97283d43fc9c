/**
 * Remembers which Slack deliveries were already handled, so a replayed or
 * retried event (same event_id) is answered once. The in-process store below
 * serves one replica; a shared store (e.g. Redis) implements the same interface.
 */
export interface SeenEvents {
  /** True the first time `id` is seen within `ttlMs`; false for every repeat in that time. */
  firstSeen(id: string, ttlMs: number): Promise<boolean>;
}

/**
 * A bounded Map of id → expiry. Insertion order is expiry order only when all
 * callers use the same TTL (they do), so expired ids are swept from the front;
 * when full, the oldest id is forgotten first.
 */
export class InProcessSeenEvents implements SeenEvents {
  private readonly expiries = new Map<string, number>();

  constructor(
    private readonly maxEntries = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  async firstSeen(id: string, ttlMs: number): Promise<boolean> {
    const now = this.now();
    this.sweep(now);
    const expiry = this.expiries.get(id);
    if (expiry !== undefined && expiry > now) return false;
    this.expiries.delete(id);
    this.expiries.set(id, now + ttlMs);
    while (this.expiries.size > this.maxEntries) {
      const oldest = this.expiries.keys().next().value;
      if (oldest === undefined) break;
      this.expiries.delete(oldest);
    }
    return true;
  }

  get size(): number {
    return this.expiries.size;
  }

  private sweep(now: number): void {
    for (const [id, expiry] of this.expiries) {
      if (expiry > now) break;
      this.expiries.delete(id);
    }
  }
}
