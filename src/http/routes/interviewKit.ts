import { webAudience } from "../webAudience.js";
import { type Request, Router, type Response } from "express";
import { z } from "zod";
import type { Assistant } from "../../domain/assistant.js";
import { badRequest } from "./ask.js";

export const InterviewKitBody = z.object(
  {
    role: z.string({ error: "role must be a string" }).trim().min(1, "role must not be empty").max(200, "role must be at most 200 characters"),
    competencies: z
      .array(z.string().trim().min(1, "a competency must not be empty").max(120, "a competency must be at most 120 characters"), {
        error: "competencies must be a list of strings",
      })
      .max(30, "at most 30 competencies")
      .optional(),
    language: z.enum(["nl", "en"], { error: 'language must be "nl" or "en"' }).optional(),
  },
  { error: 'the body must be a JSON object like {"role": "..."}' },
);

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/**
 * POST /interview-kit with {role, competencies?, language?} (or GET with the
 * same as query parameters, for links): the interview kit as a .docx download (rate-limited with the rest of /api); 404 with a message
 * when the documents have no such role, 422 when it describes no competencies.
 */
export function interviewKitRoutes(assistant: () => Assistant | undefined): Router {
  const router = Router();
  // POST from the web chat and scripts; GET for links (Teams group chats and channels link here).
  const handle = async (raw: unknown, req: Request, res: Response) => {
    const parsed = InterviewKitBody.safeParse(raw);
    if (!parsed.success) return badRequest(res, parsed.error);
    const ready = assistant();
    if (!ready?.interviewKit) return void res.status(503).json({ error: "The index is still loading; try again in a moment." });
    // Only roles of the sets this asker may use (a trusted proxy's identity, else anonymous: the public sets).
    const kit = await ready.interviewKit(parsed.data, webAudience(req));
    if (!kit.ok) return void res.status(kit.problem === "unknown-role" ? 404 : 422).json({ error: kit.message });
    res.setHeader("Content-Type", DOCX);
    // RFC 6266: an ASCII fallback and the UTF-8 name (the file name is already ASCII, slugged).
    res.setHeader("Content-Disposition", `attachment; filename="${kit.fileName}"; filename*=UTF-8''${encodeURIComponent(kit.fileName)}`);
    res.setHeader("Cache-Control", "no-store");
    res.send(kit.docx);
  };
  router.post("/interview-kit", (req, res) => handle(req.body, req, res));
  router.get("/interview-kit", (req, res) => {
    const { role, language, competencies } = req.query;
    const list =
      typeof competencies === "string"
        ? competencies
            .split(",")
            .map((c) => c.trim())
            .filter(Boolean)
        : competencies;
    return handle({ role, language, ...(list === undefined ? {} : { competencies: list }) }, req, res);
  });
  return router;
}
