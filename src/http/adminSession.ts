import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";

export const ADMIN_COOKIE = "fw_admin";
const SESSION_MS = 8 * 3_600_000;

/** Compares in constant time so the token cannot be guessed byte by byte. */
export function sameSecret(given: string, expected: string): boolean {
  // Hash both sides first: equal lengths for timingSafeEqual, and the length of the secret does not leak.
  const a = createHmac("sha256", "fw-compare").update(given).digest();
  const b = createHmac("sha256", "fw-compare").update(expected).digest();
  return timingSafeEqual(a, b) && given.length === expected.length;
}

/** True for exactly `Bearer <token>` (scheme case-insensitive, as HTTP has it). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  // Exactly "Bearer <token>": no other scheme or spelling, no bare token.
  if (!header || header.length > 1024 || !header.startsWith("Bearer ")) return false;
  return sameSecret(header.slice(7), token);
}

function sign(token: string, payload: string): string {
  return createHmac("sha256", token).update(`fw-admin-session:${payload}`).digest("base64url");
}

/**
 * A session cookie value: expiry, nonce and an HMAC keyed with the admin
 * token. Stateless, so it holds on every replica, and changing ADMIN_TOKEN
 * ends every session.
 */
export function issueSession(token: string, now = Date.now()): { value: string; maxAgeMs: number } {
  const payload = `${now + SESSION_MS}.${randomBytes(12).toString("base64url")}`;
  return { value: `${payload}.${sign(token, payload)}`, maxAgeMs: SESSION_MS };
}

export function sessionValid(value: string | undefined, token: string, now = Date.now()): boolean {
  if (!value || value.length > 200) return false;
  const cut = value.lastIndexOf(".");
  if (cut < 0) return false;
  const payload = value.slice(0, cut);
  const expires = Number(payload.slice(0, payload.indexOf(".")));
  return Number.isFinite(expires) && expires > now && sameSecret(value.slice(cut + 1), sign(token, payload));
}

/** The value of one cookie from a Cookie header (split by hand: linear, no regex). */
export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** Lets a request through with a valid session cookie or `Authorization: Bearer <ADMIN_TOKEN>`; 401 otherwise. */
export function requireAdmin(token: string): RequestHandler {
  return (req, res, next) => {
    if (sessionValid(readCookie(req.headers.cookie, ADMIN_COOKIE), token) || bearerMatches(req.headers.authorization, token)) return next();
    res.status(401).json({ error: "Sign in with the admin token." });
  };
}
