import express, { Router } from "express";
import { rateLimit } from "express-rate-limit";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Assistant } from "../../domain/assistant.js";
import { summariseFeedback } from "../../insights/feedbackSummary.js";
import type { InsightsSources } from "../../insights/index.js";
import { groupSimilarQuestions } from "../../insights/similarQuestions.js";
import { ADMIN_COOKIE, issueSession, requireAdmin, sameSecret } from "../adminSession.js";
import type { ReindexJob } from "../reindexJob.js";
import { ADMIN } from "../../domain/audience.js";

const ADMIN_DIR = fileURLToPath(new URL("../../channels/web/public/admin/", import.meta.url));
const SignIn = z.object({ token: z.string().min(1).max(1024) });

export type AdminDeps = {
  adminToken: string | undefined;
  assistant: () => Assistant | undefined;
  insights?: InsightsSources;
  job: ReindexJob;
};

/**
 * The insights page for the HR team at /admin: only when ADMIN_TOKEN is set
 * (404 otherwise). Sign-in posts the token in a JSON body and gets an HttpOnly
 * SameSite=Strict cookie; the token never appears in a URL.
 */
export function adminRoutes(deps: AdminDeps): Router {
  const router = Router();
  const token = deps.adminToken;
  if (!token) {
    router.use("/admin", (_req, res) => void res.status(404).json({ error: "The insights page is off (no ADMIN_TOKEN configured)." }));
    return router;
  }
  const noStore: express.RequestHandler = (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  };

  router.get("/admin", noStore, (_req, res) => res.sendFile(`${ADMIN_DIR}index.html`));
  router.use("/admin/assets", express.static(ADMIN_DIR, { index: false }));

  const signIn = Router();
  signIn.use(
    rateLimit({
      windowMs: 60_000,
      limit: 10,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      message: { error: "Too many sign-in attempts; wait a minute." },
    }),
  );
  signIn.use(express.json({ limit: "4kb" }));
  signIn.post("/", (req, res) => {
    const parsed = SignIn.safeParse(req.body);
    if (!parsed.success || !sameSecret(parsed.data.token, token)) return void res.status(401).json({ error: "Wrong admin token." });
    const session = issueSession(token);
    res.cookie(ADMIN_COOKIE, session.value, { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/admin", maxAge: session.maxAgeMs });
    res.status(204).end();
  });
  router.use("/admin/session", noStore, signIn);
  router.post("/admin/logout", noStore, (req, res) => {
    res.clearCookie(ADMIN_COOKIE, { httpOnly: true, sameSite: "strict", secure: req.secure, path: "/admin" });
    res.status(204).end();
  });

  const api = Router();
  api.use(noStore, requireAdmin(token));
  api.get("/overview", async (_req, res) => {
    const ready = deps.assistant();
    if (!ready) return void res.status(503).json({ error: "The index is still loading." });
    const insights = deps.insights;
    const [votes, answers, unanswered] = await Promise.all([
      insights?.feedback.list() ?? [],
      insights?.answers.list() ?? [],
      insights?.unanswered?.list() ?? [],
    ]);
    res.json({
      status: ready.status(),
      // The admin sees every set, with who may use each.
      inventory: ready.inventory(ADMIN),
      reindex: deps.job.snapshot(),
      feedback: summariseFeedback(votes, answers),
      unanswered: {
        recording: Boolean(insights?.unanswered),
        retentionDays: insights?.unansweredRetentionDays,
        total: unanswered.length,
        groups: (await groupSimilarQuestions(unanswered)).slice(0, 100),
      },
    });
  });
  api.get("/reindex", (_req, res) => void res.json(deps.job.snapshot()));
  api.post("/reindex", (_req, res) => {
    const ready = deps.assistant();
    if (!ready) return void res.status(503).json({ error: "The index is still loading." });
    const started = deps.job.start(ready);
    if (!started) return void res.status(409).json({ error: "A reindex is already running.", ...deps.job.snapshot() });
    started.catch(() => undefined); // the outcome is read from the job's state
    res.status(202).json(deps.job.snapshot());
  });
  router.use("/admin/api", api);
  router.use("/admin", (_req, res) => void res.status(404).json({ error: "Not found." }));
  return router;
}
