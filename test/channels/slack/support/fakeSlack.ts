import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** One request the fake received: a Web API method call or a POST to a response_url. */
export type SlackCall = { method: string; body: Record<string, unknown>; authorization?: string };

/** Form fields the WebClient JSON-encodes (blocks, prompts, metadata) come back as objects. */
function decodeForm(raw: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = /^[[{]/.test(value) ? safeJson(value) : value;
  }
  return out;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The content of a multipart body's first part (the whole body when it is not multipart). */
function firstPart(body: Buffer, contentType: string): Buffer {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return body;
  const start = body.indexOf("\r\n\r\n") + 4;
  const end = body.indexOf(`\r\n--${boundary[1] ?? boundary[2]}`, start);
  return body.subarray(start, end < 0 ? body.length : end);
}

/** Plausible answers for the methods the door calls; anything else is a bare ok. */
function reply(method: string, body: Record<string, unknown>): Record<string, unknown> {
  switch (method) {
    case "auth.test":
      return { ok: true, url: "https://t1.slack.com/", team: "Test", user: "functiewijzer", team_id: "T1", user_id: "UBOT", bot_id: "BBOT" };
    case "chat.postMessage":
      return { ok: true, channel: body.channel, ts: "1.2", message: { type: "message", text: body.text, ts: "1.2", bot_id: "BBOT" } };
    case "chat.postEphemeral":
      return { ok: true, message_ts: "1.3" };
    case "chat.startStream":
      return { ok: true, channel: body.channel, ts: "2.1" };
    case "chat.appendStream":
    case "chat.stopStream":
      return { ok: true, channel: body.channel, ts: body.ts };
    case "chat.update":
    case "chat.delete":
      return { ok: true, channel: body.channel, ts: body.ts };
    case "views.open":
      return { ok: true, view: { id: "V1" } };
    case "conversations.replies":
      return { ok: true, messages: [], has_more: false };
    case "conversations.open":
      return { ok: true, channel: { id: `D${String(body.users ?? "U")}` } };
    case "files.completeUploadExternal":
      return {
        ok: true,
        files: (Array.isArray(body.files) ? (body.files as { id: string; title?: string }[]) : []).map((f) => ({ id: f.id, title: f.title })),
      };
    default:
      return { ok: true };
  }
}

/**
 * A stand-in for slack.com on 127.0.0.1: Web API calls under /api/<method>
 * (form or JSON bodies) and response_url POSTs under /respond/<id>.
 */
export class FakeSlack {
  readonly calls: SlackCall[] = [];
  /** Methods that answer with Slack's `{ ok: false }` (e.g. streaming not allowed here). */
  readonly failing = new Set<string>();
  /** Block types refused with invalid_blocks by every method that takes blocks (a place or workspace that does not support them). */
  readonly refusedBlocks = new Set<string>();
  /** Members per user group, for usergroups.users.list (access.yaml's usergroups). */
  readonly usergroups = new Map<string, string[]>();
  /** Scripted refusals per method, used once each in order: `{ error }` (HTTP 200, ok:false) or an HTTP status with headers (429 + Retry-After). */
  readonly script = new Map<string, { status?: number; error: string; headers?: Record<string, string> }[]>();
  /** Files posted to the upload URLs files.getUploadURLExternal handed out, by file id (files.uploadV2's step 2). */
  readonly uploads = new Map<string, Buffer>();
  private uploadCount = 0;
  /** Where apps.connections.open sends a Socket Mode client. */
  webSocketUrl?: string;
  private server?: Server;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer(async (req, res) => {
      const bytes = await readBody(req);
      const url = req.url ?? "";
      if (url.startsWith("/upload/")) {
        // The file's bytes, as files.uploadV2 posts them to the external upload URL (a one-part multipart form).
        this.uploads.set(url.slice("/upload/".length), firstPart(bytes, String(req.headers["content-type"] ?? "")));
        this.calls.push({ method: "upload", body: { file_id: url.slice("/upload/".length), bytes: bytes.length } });
        res.writeHead(200, { "content-type": "text/plain" });
        res.end(`OK - ${bytes.length}`);
        return;
      }
      const raw = bytes.toString("utf8");
      const json = String(req.headers["content-type"] ?? "").includes("application/json");
      const body = (json ? safeJson(raw) : decodeForm(raw)) as Record<string, unknown>;
      const method = url.startsWith("/api/") ? url.slice("/api/".length).split("?")[0]! : `response_url${url}`;
      this.calls.push({ method, body, authorization: req.headers.authorization });
      const scripted = this.script.get(method)?.shift();
      if (scripted) {
        res.writeHead(scripted.status ?? 200, { "content-type": "application/json", ...scripted.headers });
        return void res.end(JSON.stringify({ ok: false, error: scripted.error }));
      }
      if (method.startsWith("response_url") && this.failing.has("response_url")) {
        res.writeHead(404, { "content-type": "text/plain" });
        return void res.end("expired_url");
      }
      const blocks = Array.isArray(body.blocks) ? (body.blocks as { type?: string }[]) : [];
      const refusedAt = blocks.findIndex((b) => this.refusedBlocks.has(String(b.type)));
      if (method.startsWith("response_url") && refusedAt >= 0) {
        res.writeHead(400, { "content-type": "text/plain" });
        return void res.end("invalid_blocks");
      }
      res.writeHead(200, { "content-type": "application/json" });
      // Slack names the refused block by a JSON pointer, in `errors` and in response_metadata.messages.
      const pointer = `[json-pointer:/blocks/${refusedAt}/type]`;
      const answer =
        refusedAt >= 0
          ? {
              ok: false,
              error: "invalid_blocks",
              errors: [`unsupported type: ${blocks[refusedAt]!.type} ${pointer}`],
              response_metadata: { messages: [`[ERROR] unsupported type ${pointer}`] },
            }
          : this.failing.has(method)
            ? { ok: false, error: "not_allowed" }
            : method === "apps.connections.open" && this.webSocketUrl
              ? { ok: true, url: this.webSocketUrl }
              : method === "usergroups.users.list"
                ? { ok: true, users: this.usergroups.get(String(body.usergroup)) ?? [] }
                : method === "files.getUploadURLExternal"
                  ? this.uploadUrl()
                  : reply(method, body);
      res.end(JSON.stringify(method.startsWith("response_url") ? { ok: true } : answer));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** files.getUploadURLExternal: a fresh file id and a URL on this fake to post its bytes to. */
  private uploadUrl(): Record<string, unknown> {
    const fileId = `F${++this.uploadCount}`;
    return { ok: true, file_id: fileId, upload_url: `http://127.0.0.1:${this.port}/upload/${fileId}` };
  }

  /** For clientOptions.slackApiUrl (the WebClient wants the trailing slash). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api/`;
  }

  responseUrl(id: string): string {
    return `http://127.0.0.1:${this.port}/respond/${id}`;
  }

  called(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}
