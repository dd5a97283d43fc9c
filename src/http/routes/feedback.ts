import { Router } from "express";
import { z } from "zod";
import type { FeedbackStore } from "../../feedback/feedbackLog.js";
import { badRequest } from "./ask.js";

export const FeedbackBody = z.object({
  answerId: z.string().regex(/^[0-9a-f]{8,64}$/, "answerId must be the id the answer came with"),
  question: z.string().max(4000),
  vote: z.enum(["up", "down"], { error: 'vote must be "up" or "down"' }),
  conversation: z.string().max(200).default("web"),
});

/** POST /feedback: a thumbs up or down on an answer shown in the web chat. */
export function feedbackRoutes(feedback: FeedbackStore): Router {
  const router = Router();
  router.post("/feedback", async (req, res) => {
    const parsed = FeedbackBody.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    await feedback.record({ channel: "web", ...parsed.data });
    res.status(204).end();
  });
  return router;
}
