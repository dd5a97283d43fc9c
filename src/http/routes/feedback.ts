import { Router } from "express";
import { rateLimit, type Store } from "express-rate-limit";
import { z } from "zod";
import type { FeedbackStore } from "../../feedback/feedbackLog.js";
import type { AnswerIdSigner } from "../answerIdSigner.js";
import { badRequest } from "./ask.js";

export const FeedbackBody = z.object({
  answerId: z.string().regex(/^[0-9a-f]{8,64}\.[0-9a-f]{16}$/, "answerId must be the id the answer came with"),
  question: z.string().max(2000),
  vote: z.enum(["up", "down"], { error: 'vote must be "up" or "down"' }),
  conversation: z.string().max(200).default("web"),
});

/**
 * POST /feedback: a thumbs up or down on an answer shown in the web chat.
 * Anonymous, so: only for an answer id this server issued for that question,
 * and at most `perMinute` votes per client address.
 */
export function feedbackRoutes(feedback: FeedbackStore, signer: AnswerIdSigner, limits: { perMinute: number; store?: Store }): Router {
  const router = Router();
  const limiter = rateLimit({
    windowMs: 60_000,
    limit: limits.perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    message: { error: "Too many votes; please wait a minute." },
    ...(limits.store ? { store: limits.store } : {}),
    validate: { xForwardedForHeader: false },
  });
  router.post("/feedback", limiter, async (req, res) => {
    const parsed = FeedbackBody.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const answerId = signer.verify(parsed.data.answerId, parsed.data.question);
    if (!answerId) return void res.status(400).json({ error: "answerId must be the id the answer came with" });
    await feedback.record({ channel: "web", ...parsed.data, answerId });
    res.status(204).end();
  });
  return router;
}
