import express from "express";
import { listen } from "../../support/http.js";

export type Posted = { method: string; path: string; body: any; authorization?: string; refused?: number };

/**
 * A refusal the fake connector answers instead of accepting: the first
 * matching rule with `times` left is used (the connector's own error shapes,
 * e.g. 403 ContentStreamNotAllowed, 429 with Retry-After).
 */
export type Refusal = { when: (body: any) => boolean; status: number; code?: string; message?: string; headers?: Record<string, string>; times: number };

export type FakeConnector = { url: string; posted: Posted[]; refusals: Refusal[]; close: () => Promise<void> };

/** The kind of activity a post was: "typing:informative", "message:final", "message:-"… */
export const kindOf = (body: any): string =>
  `${body?.type}:${(body?.entities ?? []).find((e: { type?: string }) => e.type === "streaminfo")?.streamType ?? "-"}`;

/** A fake Bot Framework connector on 127.0.0.1: records every activity the bot sends or updates, refusing those `refusals` name. */
export async function fakeConnector(): Promise<FakeConnector> {
  const posted: Posted[] = [];
  const refusals: Refusal[] = [];
  const app = express();
  app.use(express.json({ limit: "1mb" }));
  app.all(/^\/v3\/conversations\/.+$/, (req, res) => {
    const refusal = refusals.find((r) => r.times > 0 && r.when(req.body));
    posted.push({ method: req.method, path: decodeURIComponent(req.path), body: req.body, authorization: req.headers.authorization, refused: refusal?.status });
    if (refusal) {
      refusal.times--;
      res.set(refusal.headers ?? {});
      return void res.status(refusal.status).json({ error: { code: refusal.code ?? "Throttled", message: refusal.message ?? "refused by the test" } });
    }
    // Streaming: later updates of one stream carry its id; a new message gets a new one.
    const streamId = (req.body?.entities ?? []).find((e: { type?: string }) => e.type === "streaminfo")?.streamId;
    res.json({ id: streamId ?? `reply-${posted.length}` });
  });
  const server = await listen(app);
  return { url: server.url, posted, refusals, close: server.close };
}

let counter = 0;
/** A Teams message activity as the channel sends it; `overrides` replace fields. */
export function activity(serviceUrl: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter++;
  return {
    type: "message",
    id: `act-${counter}`,
    timestamp: new Date().toISOString(),
    serviceUrl,
    channelId: "msteams",
    from: { id: "user-1", name: "Manager", aadObjectId: "aad-user-1" },
    recipient: { id: "bot-1", name: "Functiewijzer" },
    conversation: { id: "conv-personal", conversationType: "personal" },
    locale: "nl-NL",
    text: "Welke schaal past bij een servicedesk medewerker?",
    ...overrides,
  };
}

/** The schema.org Message entity of a reply (citations, AI label, sensitivity). */
export const messageEntity = (body: any) => (body.entities ?? []).find((e: { type?: string }) => e.type === "https://schema.org/Message");
