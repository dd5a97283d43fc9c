import express from "express";
import { describe, expect, it } from "vitest";
import { SigningKeys } from "../../../src/channels/teams/signingKeys.js";
import { listen } from "../../support/http.js";

/** A key server whose answers the test controls, counting requests. */
async function keyServer() {
  const state = { up: true, keys: [{ kty: "RSA", kid: "k1", n: "AQAB", e: "AQAB", endorsements: ["msteams"] }] as Record<string, unknown>[], requests: 0 };
  const app = express();
  let url = "";
  app.get("/openid", (_req, res) => {
    state.requests++;
    if (!state.up) return void res.status(503).end();
    res.json({ jwks_uri: `${url}/keys` });
  });
  app.get("/keys", (_req, res) => void res.json({ keys: state.keys }));
  const server = await listen(app);
  url = server.url;
  return { state, metadataUrl: `${url}/openid`, close: server.close };
}

describe("Bot Framework signing keys", () => {
  it("caches keys, keeps serving a known key while the key server is down, and backs off after a failed fetch", async () => {
    const server = await keyServer();
    try {
      const keys = new SigningKeys(server.metadataUrl, { maxAgeMs: 0, refetchCooldownMs: 0 });
      expect((await keys.find("k1"))?.endorsements).toEqual(["msteams"]);
      server.state.up = false;
      // maxAge 0: every lookup wants fresh keys; the fetch fails, the known key still answers.
      expect((await keys.find("k1"))?.kid).toBe("k1");
      const requests = server.state.requests;
      // An unknown key right after a failure: refused at once, no new request to the key server.
      await expect(keys.find("k2")).rejects.toThrow(/unavailable/);
      expect(server.state.requests).toBe(requests);
    } finally {
      await server.close();
    }
  });

  it("rejects metadata and key sets that are not what they claim to be", async () => {
    const server = await keyServer();
    try {
      server.state.keys = [{ kty: "RSA", kid: 42 }];
      await expect(new SigningKeys(server.metadataUrl).find("k1")).rejects.toThrow();
      await expect(new SigningKeys(`${server.metadataUrl}/missing`).find("k1")).rejects.toThrow(/answered 404/);
    } finally {
      await server.close();
    }
  });
});
