import { describe, expect, it } from "vitest";
import { UserRateLimit } from "../../../src/channels/teams/userRateLimit.js";

describe("per-user question limit", () => {
  it("allows perMinute questions per user per minute, then again after the minute", () => {
    let now = 1_000_000;
    const limit = new UserRateLimit(3, () => now);
    expect([1, 2, 3, 4].map(() => limit.allow("a"))).toEqual([true, true, true, false]);
    expect(limit.allow("b")).toBe(true);
    now += 59_999;
    expect(limit.allow("a")).toBe(false);
    now += 1;
    expect(limit.allow("a")).toBe(true);
  });
});
