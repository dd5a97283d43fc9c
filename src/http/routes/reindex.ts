import { Router } from "express";
import type { Assistant } from "../../domain/assistant.js";
import { bearerMatches } from "../adminSession.js";
import type { ReindexJob } from "../reindexJob.js";

/** POST /reindex: re-reads the knowledge folder. Off (404) unless ADMIN_TOKEN is configured. */
export function reindexRoutes(adminToken: string | undefined, assistant: () => Assistant | undefined, job: ReindexJob): Router {
  const router = Router();
  router.post("/reindex", async (req, res) => {
    if (!adminToken) return void res.status(404).json({ error: "Reindexing over HTTP is off (no ADMIN_TOKEN configured)." });
    if (!bearerMatches(req.headers.authorization, adminToken)) return void res.status(401).json({ error: "Invalid admin token." });
    const ready = assistant();
    if (!ready) return void res.status(503).json({ error: "The index is still loading." });
    const running = job.start(ready);
    if (!running) return void res.status(409).json({ error: "A reindex is already running." });
    try {
      res.json(await running);
    } catch (error) {
      res.status(500).json({ error: `Reindex failed: ${(error as Error).message}` });
    }
  });
  return router;
}
