import { Router } from "express";
import type { Assistant } from "../../answer/port.js";

/** Liveness says the process runs; readiness says the index is loaded and questions can be answered. */
export function healthRoutes(assistant: () => Assistant | undefined): Router {
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
    res.json(ready.status());
  });
  return router;
}
