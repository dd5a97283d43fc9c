import express, { type ErrorRequestHandler, type Express } from "express";
import { rateLimit } from "express-rate-limit";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Assistant } from "../answer/port.js";
import type { Config } from "../config.js";
import type { Logger } from "../logger.js";
import type { Door } from "./door.js";

export type HttpDeps = {
  config: Config;
  logger: Logger;
  /** Undefined until the index is loaded: readiness is 503 and questions wait. */
  assistant: () => Assistant | undefined;
  doors?: Door[];
};

const AskBody = z.object({
  question: z.string({ error: "question must be a string" }).trim().min(1, "question must not be empty"),
  conversation: z.string().max(200).optional(),
});

const PUBLIC_DIR = fileURLToPath(new URL("../channels/web/public/", import.meta.url));

/** The HTTP server: web chat page, JSON API, health checks, and the chat platforms' doors. */
export function createHttpApp(deps: HttpDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "no-referrer");
    res.setHeader("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'");
    next();
  });
  // Doors parse their own bodies (Slack needs the raw body for its signature).
  for (const door of deps.doors ?? []) door.mount(app);

  app.get("/healthz", (_req, res) => {
    res.json({ ok: true });
  });
  app.get("/readyz", (_req, res) => {
    const assistant = deps.assistant();
    if (!assistant) {
      res.status(503).json({ ready: false });
      return;
    }
    res.json(assistant.status());
  });

  const api = express.Router();
  api.use(rateLimit({ windowMs: 60_000, limit: deps.config.RATE_LIMIT_PER_MINUTE, standardHeaders: "draft-7", legacyHeaders: false, message: { error: "Too many requests; please wait a minute." } }));
  api.use(express.json({ limit: "32kb" }));
  api.post("/ask", async (req, res) => {
    const parsed = AskBody.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: parsed.error.issues[0]!.message });
      return;
    }
    const assistant = deps.assistant();
    if (!assistant) {
      res.status(503).json({ error: "The index is still loading; try again in a moment." });
      return;
    }
    res.json(await assistant.ask(parsed.data.question, { conversation: parsed.data.conversation, channel: "web" }));
  });
  api.post("/reindex", async (req, res) => {
    const token = deps.config.ADMIN_TOKEN;
    if (!token) {
      res.status(404).json({ error: "Reindexing over HTTP is off (no ADMIN_TOKEN configured)." });
      return;
    }
    const given = Buffer.from(String(req.headers.authorization ?? "").replace(/^Bearer\s+/i, ""));
    const expected = Buffer.from(token);
    const { timingSafeEqual } = await import("node:crypto");
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      res.status(401).json({ error: "Invalid admin token." });
      return;
    }
    const assistant = deps.assistant();
    if (!assistant) {
      res.status(503).json({ error: "The index is still loading." });
      return;
    }
    res.json(await assistant.reindex());
  });
  app.use("/api", api);
  app.use(express.static(PUBLIC_DIR, { index: "index.html" }));

  const onError: ErrorRequestHandler = (error, _req, res, _next) => {
    const status = typeof error?.status === "number" ? error.status : 500;
    if (status >= 500) deps.logger.error({ err: (error as Error).message }, "request failed");
    const message = status === 413 ? "Request body too large." : status === 400 ? "Malformed JSON body." : status < 500 ? (error as Error).message : "Internal error.";
    res.status(status).json({ error: message });
  };
  app.use(onError);
  return app;
}
