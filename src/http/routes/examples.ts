import { Router } from "express";
import type { Assistant } from "../../domain/assistant.js";
import { webAudience } from "../webAudience.js";

/** Example questions the loaded documents can answer, for the web chat's start screen. */
export function exampleRoutes(assistant: () => Assistant | undefined): Router {
  const router = Router();
  router.get("/examples", (req, res) => {
    const ready = assistant();
    const audience = webAudience(req);
    // Examples differ per audience: never a shared cache.
    res.setHeader("Cache-Control", "private, no-store");
    res.json({ nl: ready?.examples("nl", audience) ?? [], en: ready?.examples("en", audience) ?? [] });
  });
  return router;
}
