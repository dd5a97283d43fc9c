import type { Request } from "express";
import { ANONYMOUS, type Audience } from "../domain/audience.js";

/** Bounds on what a proxy header may carry: an identity is a few names, not a payload. */
const MAX_VALUE = 256;
const MAX_GROUPS = 200;

const clean = (value: string | string[] | undefined): string | undefined => {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  return text && text.length <= MAX_VALUE ? text : undefined;
};

/**
 * Who asks in the web chat. Only a trusted proxy in front (oauth2-proxy and
 * the like, which authenticates users and sets X-Forwarded-User,
 * X-Forwarded-Email and X-Forwarded-Groups) can vouch for an identity: the
 * headers count only with TRUST_PROXY configured, and only on a request whose
 * immediate peer is one of those trusted proxies. Anyone else is anonymous:
 * public sets only, whatever headers they send.
 */
export function webAudience(req: Request): Audience {
  const trusted = req.app.get("trust proxy fn") as ((address: string, hop: number) => boolean) | undefined;
  const peer = req.socket.remoteAddress;
  if (!trusted || !peer || req.app.get("trust proxy") === false || !trusted(peer, 0)) return ANONYMOUS;
  const user = clean(req.headers["x-forwarded-user"]);
  const email = clean(req.headers["x-forwarded-email"]);
  const groupsHeader = req.headers["x-forwarded-groups"];
  const groups = (Array.isArray(groupsHeader) ? groupsHeader.join(",") : (groupsHeader ?? ""))
    .slice(0, MAX_VALUE * MAX_GROUPS)
    .split(",")
    .map((group) => group.trim())
    .filter((group) => group && group.length <= MAX_VALUE)
    .slice(0, MAX_GROUPS);
  if (!user && !email && !groups.length) return ANONYMOUS;
  return { door: "web", ...(user ? { user } : {}), ...(email ? { email } : {}), groups };
}
