import { createHmac } from "node:crypto";

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:<timestamp>:<raw body>"). */
export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export type SignedPost = { body: string; contentType: string; timestamp?: number; secret?: string; headers?: Record<string, string | undefined> };

/** POSTs like Slack does: signed raw body, x-slack-* headers. */
export async function postSigned(url: string, secret: string, post: SignedPost): Promise<Response> {
  const timestamp = post.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": post.contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": slackSignature(post.secret ?? secret, timestamp, post.body),
  };
  for (const [key, value] of Object.entries(post.headers ?? {})) {
    if (value === undefined) delete headers[key];
    else headers[key] = value;
  }
  return fetch(url, { method: "POST", headers, body: post.body });
}

export const json = (payload: unknown): SignedPost => ({ body: JSON.stringify(payload), contentType: "application/json" });
export const form = (fields: Record<string, string>): SignedPost => ({
  body: new URLSearchParams(fields).toString(),
  contentType: "application/x-www-form-urlencoded",
});
