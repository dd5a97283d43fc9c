import { RecentMap } from "./recentMap.js";

/**
 * Questions per user per minute. All Teams traffic arrives from Microsoft's
 * servers, so the HTTP rate limit (per address) cannot tell users apart; this
 * keeps one user from using up the model budget for everyone. Per process.
 */
export class UserRateLimit {
  private readonly windows = new RecentMap<string, { start: number; count: number }>(50_000);

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** True when this user may ask another question now (and counts it). */
  allow(user: string): boolean {
    const now = this.now();
    const window = this.windows.get(user);
    if (!window || now - window.start >= 60_000) {
      this.windows.set(user, { start: now, count: 1 });
      return true;
    }
    window.count++;
    return window.count <= this.perMinute;
  }
}
