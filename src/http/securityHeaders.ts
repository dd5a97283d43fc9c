import type { RequestHandler } from "express";

/**
 * Conservative headers for the web chat and the insights page: no inline
 * script, no plugins, no framing, no sniffing; no form may post anywhere and no
 * <base> may redirect relative links (a document that smuggled markup past the
 * sanitiser still cannot phish).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
  next();
};
