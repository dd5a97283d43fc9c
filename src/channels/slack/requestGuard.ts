import type { NextFunction, Request, RequestHandler, Response } from "express";
import { rateLimit } from "express-rate-limit";

/**
 * Checks on POST /slack/events that run before Bolt reads the body or checks
 * the signature, so an unauthenticated caller costs us little: a rate limit,
 * a timestamp window (Slack signs the timestamp; Bolt only refuses old ones,
 * not ones from the future), and a body limit enforced while reading.
 */
export const GUARD = {
  /** Slack's replay window: older signed requests are refused. */
  maxAgeSeconds: 5 * 60,
  /** Clock skew tolerated for timestamps ahead of ours. */
  maxFutureSeconds: 60,
  /** Largest body accepted. Slack's payloads are a few KB; a block_actions payload with a long answer stays far below. */
  maxBodyBytes: 256 * 1024,
} as const;

const refuse = (res: Response, status: number, error: string) => {
  res.status(status).json({ error });
};

/** 401 unless the signed timestamp header is an integer inside [now - 5 min, now + skew]. */
export function timestampWindow(now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.headers["x-slack-request-timestamp"];
    const value = typeof header === "string" && /^\d{1,12}$/.test(header) ? Number(header) : Number.NaN;
    const nowSeconds = Math.floor(now() / 1000);
    if (!Number.isFinite(value) || value < nowSeconds - GUARD.maxAgeSeconds || value > nowSeconds + GUARD.maxFutureSeconds) {
      refuse(res, 401, "Request timestamp missing or outside the allowed window.");
      return;
    }
    next();
  };
}

/**
 * Reads the raw body up to `maxBytes` and hands it to Bolt as `req.rawBody`
 * (Bolt then verifies the signature over exactly these bytes). A declared
 * Content-Length over the limit is refused unread; a body that grows past the
 * limit is cut there: 413, and the connection is closed so the rest is never read.
 */
export function limitedBody(maxBytes: number = GUARD.maxBodyBytes): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    const tooLarge = () => {
      res.setHeader("connection", "close");
      res.on("finish", () => req.socket.destroy());
      refuse(res, 413, "Request body too large.");
    };
    const declared = Number(req.headers["content-length"] ?? Number.NaN);
    if (Number.isFinite(declared) && declared > maxBytes) {
      tooLarge();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (error?: Error) => {
      if (done) return;
      done = true;
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("close", onClose);
      if (error) {
        res.status(400).end();
        return;
      }
      (req as Request & { rawBody?: Buffer }).rawBody = Buffer.concat(chunks, size);
      next();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        done = true;
        req.off("data", onData);
        req.pause();
        tooLarge();
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish();
    const onError = (error: Error) => finish(error);
    // A client that hangs up mid-body: nothing to answer, just stop listening.
    const onClose = () => {
      if (!req.complete) finish(new Error("request aborted"));
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("close", onClose);
  };
}

/** Requests per minute per client address; over it, 429 before anything else is done. */
export function eventsRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    message: { error: "Too many requests; please wait a minute." },
  });
}
