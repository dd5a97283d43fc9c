import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** A request the fake received, parsed. */
export type Recorded = { path: string; headers: IncomingMessage["headers"]; body: ChatBody & Record<string, unknown> };
export type ChatBody = {
  model?: string;
  stream?: boolean;
  messages?: { role: string; content: string }[];
  input?: string | string[];
  encoding_format?: string;
};

/** What the fake does with one chat request. */
export type Behaviour =
  | { kind: "reply"; text: string; chunkSize?: number; chunkDelayMs?: number }
  | { kind: "status"; status: number; headers?: Record<string, string>; body?: unknown }
  | { kind: "hang" }
  /** Decides from the request, e.g. to cite the block that holds a given text. */
  | { kind: "dynamic"; decide: (body: ChatBody) => Behaviour };

export const reply = (text: string, chunkSize = 7, chunkDelayMs = 0): Behaviour => ({ kind: "reply", text, chunkSize, chunkDelayMs });
export const fail = (status: number, headers?: Record<string, string>): Behaviour => ({ kind: "status", status, headers });
export const hang = (): Behaviour => ({ kind: "hang" });
export const dynamic = (decide: (body: ChatBody) => Behaviour): Behaviour => ({ kind: "dynamic", decide });

/**
 * An OpenAI-compatible server on 127.0.0.1:0 for tests: /v1/chat/completions
 * (plain JSON, or SSE when `stream: true`) and /v1/embeddings. Each chat
 * request takes the next scripted behaviour (the last one repeats); every
 * request is recorded.
 */
export class FakeOpenAi {
  readonly requests: Recorded[] = [];
  private script: Behaviour[] = [reply("Geen antwoord.\nCITATIONS: []")];
  private readonly server: Server;

  private constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  static async start(): Promise<FakeOpenAi> {
    const fake = new FakeOpenAi();
    await new Promise<void>((resolve) => fake.server.listen(0, "127.0.0.1", resolve));
    return fake;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }

  /** Scripts the next chat requests, in order; the last behaviour repeats. */
  respond(...behaviours: Behaviour[]): this {
    this.script = behaviours;
    this.requests.length = 0;
    return this;
  }

  get chatRequests(): Recorded[] {
    return this.requests.filter((r) => r.path.endsWith("/chat/completions"));
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private next(): Behaviour {
    return (this.script.length > 1 ? this.script.shift() : this.script[0])!;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let raw = "";
    for await (const part of req) raw += String(part);
    const body = (raw ? JSON.parse(raw) : {}) as Recorded["body"];
    const path = req.url ?? "";
    this.requests.push({ path, headers: req.headers, body });
    if (req.method === "POST" && path.endsWith("/embeddings")) return this.embeddings(body, res);
    if (req.method !== "POST" || !path.endsWith("/chat/completions")) return void res.writeHead(404).end();
    let behaviour = this.next();
    while (behaviour.kind === "dynamic") behaviour = behaviour.decide(body);
    if (behaviour.kind === "hang") return; // never answers; closeAllConnections ends it
    if (behaviour.kind === "status") {
      res.writeHead(behaviour.status, { "content-type": "application/json", ...behaviour.headers });
      return void res.end(JSON.stringify(behaviour.body ?? { error: { message: `scripted ${behaviour.status}`, type: "server_error" } }));
    }
    if (body.stream) return this.stream(behaviour, body, res);
    res.writeHead(200, { "content-type": "application/json" });
    res.end(
      JSON.stringify({
        id: "chatcmpl-fake",
        object: "chat.completion",
        created: Math.floor(Date.now() / 1000),
        model: body.model ?? "fake",
        choices: [{ index: 0, message: { role: "assistant", content: behaviour.text }, finish_reason: "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  }

  private async stream(behaviour: Extract<Behaviour, { kind: "reply" }>, body: ChatBody, res: ServerResponse): Promise<void> {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const base = { id: "chatcmpl-fake", object: "chat.completion.chunk", created: Math.floor(Date.now() / 1000), model: body.model ?? "fake" };
    const send = (choice: unknown) => res.write(`data: ${JSON.stringify({ ...base, choices: [choice] })}\n\n`);
    send({ index: 0, delta: { role: "assistant", content: "" }, finish_reason: null });
    const size = behaviour.chunkSize ?? 7;
    for (let at = 0; at < behaviour.text.length; at += size) {
      send({ index: 0, delta: { content: behaviour.text.slice(at, at + size) }, finish_reason: null });
      if (behaviour.chunkDelayMs) await new Promise((r) => setTimeout(r, behaviour.chunkDelayMs));
    }
    send({ index: 0, delta: {}, finish_reason: "stop" });
    res.end("data: [DONE]\n\n");
  }

  /** Deterministic 8-dimensional vectors from the characters of each input. */
  private embeddings(body: ChatBody, res: ServerResponse): void {
    const inputs = Array.isArray(body.input) ? body.input : [body.input ?? ""];
    const data = inputs.map((text, index) => {
      const vector = Array.from({ length: 8 }, (_, d) => [...text].reduce((sum, ch, i) => sum + (((ch.codePointAt(0) ?? 0) * (i + d + 1)) % 17), 0) / 100);
      // The openai client asks for base64 unless told otherwise.
      const embedding = body.encoding_format === "base64" ? Buffer.from(new Float32Array(vector).buffer).toString("base64") : vector;
      return { object: "embedding", index, embedding };
    });
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ object: "list", data, model: body.model ?? "fake", usage: { prompt_tokens: 1, total_tokens: 1 } }));
  }
}
