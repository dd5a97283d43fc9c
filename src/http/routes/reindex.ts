import { timingSafeEqual } from "node:crypto";
import { Router } from "express";
import type { Assistant } from "../../answer/port.js";

/** Compares in constant time so the token cannot be guessed byte by byte. */
function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** POST /reindex: re-reads the knowledge folder. Off (404) unless ADMIN_TOKEN is configured. */
export function reindexRoutes(adminToken: string | undefined, assistant: () => Assistant | undefined): Router {
  const router = Router();
  let running: Promise<unknown> | undefined;
  router.post("/reindex", async (req, res) => {
    if (!adminToken) return void res.status(404).json({ error: "Reindexing over HTTP is off (no ADMIN_TOKEN configured)." });
    // Exactly "Bearer <token>": no other scheme, no bare token, no extra spaces.
    const header = String(req.headers.authorization ?? "");
    const given = header.startsWith("Bearer ") ? header.slice("Bearer ".length) : "";
    if (!given || !sameToken(given, adminToken)) return void res.status(401).json({ error: "Invalid admin token." });
    const ready = assistant();
    if (!ready) return void res.status(503).json({ error: "The index is still loading." });
    if (running) return void res.status(409).json({ error: "A reindex is already running." });
    const job = ready.reindex();
    running = job;
    try {
      res.json(await job);
    } catch (error) {
      res.status(500).json({ error: `Reindex failed: ${(error as Error).message}` });
    } finally {
      running = undefined;
    }
  });
  return router;
}
