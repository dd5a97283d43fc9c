import { Router } from "express";
import type { Assistant } from "../../domain/assistant.js";
import type { Door } from "../../channels/door.js";

/**
 * Liveness says the process runs; readiness says the index is loaded and
 * questions can be answered, and every door with a connection of its own
 * (Slack Socket Mode) is connected.
 */
export function healthRoutes(assistant: () => Assistant | undefined, doors: Door[] = []): Router {
  const router = Router();
  router.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  router.get("/readyz", (_req, res) => {
    const ready = assistant();
    if (!ready) {
      res.status(503).json({ ready: false });
      return;
    }
    const connections = doors.flatMap((door) => (door.readiness ? [door.readiness()] : []));
    const status = ready.status();
    if (!connections.length) {
      res.json(status);
      return;
    }
    const doorsReady = Object.fromEntries(connections.map((c) => [c.name, c.ready]));
    const all = status.ready && connections.every((c) => c.ready);
    res.status(all ? 200 : 503).json({ ...status, ready: all, doors: doorsReady });
  });
  return router;
}
