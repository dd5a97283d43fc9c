import { Router, type Response } from "express";
import { z } from "zod";
import type { Answer } from "../../domain/answer.js";
import type { Assistant } from "../../domain/assistant.js";
import type { AnswerIdSigner } from "../answerIdSigner.js";
import { webAudience } from "../webAudience.js";

export const AskBody = z.object(
  {
    // The pattern says in the OpenAPI document what trim().min(1) checks: some non-space text.
    question: z.string({ error: "question must be a string" }).regex(/\S/, "question must not be empty").trim().min(1, "question must not be empty"),
    conversation: z.string().max(200, "conversation must be at most 200 characters").optional(),
  },
  { error: 'the body must be a JSON object like {"question": "..."}' },
);

const NOT_READY = "The index is still loading; try again in a moment.";

/**
 * POST /ask answers with one Answer JSON; POST /ask/stream sends Server-Sent
 * Events: `token` deltas while a generated answer streams, then one `answer`
 * event with the full Answer (citations included) and its id for feedback.
 * Token deltas are the model's unverified draft (`provisional: true`): a client
 * shows them only as a draft under check, and replaces them by the `answer`
 * event, which is what passed verification (or the offline answer instead).
 */
export function askRoutes(assistant: () => Assistant | undefined, ids: AnswerIdSigner): Router {
  const router = Router();

  router.post("/ask", async (req, res) => {
    const parsed = AskBody.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const ready = assistant();
    if (!ready) return void res.status(503).json({ error: NOT_READY });
    const conversation = ids.conversation(parsed.data.conversation) ?? ids.issueConversation();
    const answer = await ready.ask(parsed.data.question, { conversation, channel: "web", audience: webAudience(req) });
    res.setHeader("X-Answer-Id", ids.issue(answer));
    res.setHeader("X-Conversation-Id", conversation);
    res.json(answer);
  });

  router.post("/ask/stream", async (req, res) => {
    const parsed = AskBody.safeParse(req.body);
    if (!parsed.success) return badRequest(res, parsed.error);
    const ready = assistant();
    if (!ready) return void res.status(503).json({ error: NOT_READY });
    const conversation = ids.conversation(parsed.data.conversation) ?? ids.issueConversation();
    res.writeHead(200, {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Conversation-Id": conversation,
    });
    const aborted = new AbortController();
    res.on("close", () => aborted.abort());
    const send = (event: string, data: unknown) => {
      if (!res.writableEnded) res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    };
    try {
      const answer: Answer = await ready.ask(parsed.data.question, {
        conversation,
        channel: "web",
        audience: webAudience(req),
        signal: aborted.signal,
        onToken: (delta) => send("token", { delta, provisional: true }),
      });
      send("answer", { ...answer, answerId: ids.issue(answer), conversation });
    } catch {
      send("error", { error: "Something went wrong while answering." });
    }
    res.end();
  });

  return router;
}

export function badRequest(res: Response, error: z.ZodError): void {
  const issue = error.issues[0];
  res.status(400).json({ error: issue ? issue.message : "Invalid request body." });
}
