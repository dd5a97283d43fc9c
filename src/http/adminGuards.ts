import type { RequestHandler } from "express";
import { rateLimit } from "express-rate-limit";

/** Failed sign-ins per client address per window before it must wait (the window's length). */
export const FAILED_AUTH_LIMIT = { attempts: 10, windowMs: 15 * 60_000 };

/**
 * Counts only refused authentication (401) per client address: after ten in a
 * quarter of an hour every admin request from that address gets 429 until the
 * window ends, so a token cannot be guessed over HTTP however long it is tried.
 */
export function failedAuthLimit(limit = FAILED_AUTH_LIMIT): RequestHandler {
  return rateLimit({
    windowMs: limit.windowMs,
    limit: limit.attempts,
    requestWasSuccessful: (_req, res) => res.statusCode !== 401,
    skipSuccessfulRequests: true,
    standardHeaders: "draft-7",
    legacyHeaders: false,
    message: { error: "Too many failed sign-ins; try again later." },
    validate: { xForwardedForHeader: false },
  });
}

const WRITES = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * State-changing admin requests only from the page's own origin: a browser
 * says where a request comes from (Sec-Fetch-Site, else Origin), so a page on
 * another origin — also a same-site one — cannot submit a form to
 * /admin/api/reindex with the admin's cookie. Clients that are not browsers
 * (curl with a Bearer token) send neither header and are not affected.
 */
export function sameOriginWrites(): RequestHandler {
  return (req, res, next) => {
    if (!WRITES.has(req.method)) return next();
    const site = req.headers["sec-fetch-site"];
    if (typeof site === "string") {
      if (site === "same-origin" || site === "none") return next();
      return void res.status(403).json({ error: "Cross-site request refused." });
    }
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    let host: string | undefined;
    try {
      host = new URL(origin).host;
    } catch {
      host = undefined;
    }
    if (host && host === req.headers.host) return next();
    res.status(403).json({ error: "Cross-site request refused." });
  };
}
