import { describe, expect, it } from "vitest";
import { runLoad, startLocalServer } from "../../bench/load.js";

describe("load (the CI-sized run of npm run load)", () => {
  it("serves concurrent clients on the web API, the Teams and the Slack endpoints without errors", async () => {
    const server = await startLocalServer();
    try {
      const web = await runLoad(server.url, { clients: 20, seconds: 3 });
      expect(web.requests).toBeGreaterThan(20);
      expect(web.errors).toBe(0);
      expect(web.statuses).toEqual({ 200: web.requests });
      const teams = await runLoad(server.url, { clients: 10, seconds: 2, target: "teams" });
      expect(teams.requests).toBeGreaterThan(10);
      expect(teams.errors).toBe(0);
      const slack = await runLoad(server.url, { clients: 10, seconds: 2, target: "slack" });
      expect(slack.requests).toBeGreaterThan(10);
      expect(slack.errors).toBe(0);
    } finally {
      await server.close();
    }
  }, 60_000);
});
