import { Router } from "express";
import type { Assistant } from "../../domain/assistant.js";

/** Example questions the loaded documents can answer, for the web chat's start screen. */
export function exampleRoutes(assistant: () => Assistant | undefined): Router {
  const router = Router();
  router.get("/examples", (_req, res) => {
    const ready = assistant();
    res.json({ nl: ready?.examples("nl") ?? [], en: ready?.examples("en") ?? [] });
  });
  return router;
}
