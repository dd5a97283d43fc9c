import type { ChildProcess } from "node:child_process";
import { cpSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { FakeOpenAi, reply } from "../../llm/fakeOpenAi.js";
import { tempDir } from "../../support/knowledge.js";
import { spawnScript } from "../../support/run.js";
import { FakeSlack } from "./support/fakeSlack.js";
import { postSigned, form, json, type SignedPost } from "./support/signing.js";

const SECRET = "server-test-signing-secret";
const KNOWLEDGE = fileURLToPath(new URL("../../../knowledge/", import.meta.url));

type Block = {
  type: string;
  text?: unknown;
  accessory?: { action_id: string; value: string };
  elements?: { type: string; action_id?: string; positive_button?: { value: string } }[];
};

/** `npm start` (src/server.ts) with the Slack door pointed at a fake Slack through SLACK_API_URL. */
class RunningServer {
  child?: ChildProcess;
  url = "";
  stderr = "";
  readonly dir = tempDir("fw-slack-server-");

  async start(env: Record<string, string>): Promise<this> {
    const knowledge = join(this.dir, "knowledge");
    cpSync(KNOWLEDGE, knowledge, { recursive: true });
    this.child = spawnScript("src/server.ts", [], {
      PORT: "0",
      HOST: "127.0.0.1",
      KNOWLEDGE_DIR: knowledge,
      INDEX_DIR: join(this.dir, "index"),
      DATA_DIR: join(this.dir, "data"),
      LOG_LEVEL: "warn",
      ...env,
    });
    this.url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ready line: ${this.stderr}`)), 60_000);
      this.child!.stderr!.on("data", (d) => {
        this.stderr += d;
        const match = /ready at (http:\/\/127\.0\.0\.1:\d+)\//.exec(this.stderr);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      this.child!.on("exit", (code) => reject(new Error(`server exited ${code}: ${this.stderr}`)));
    });
    return this;
  }

  post(post: SignedPost): Promise<Response> {
    return postSigned(`${this.url}/slack/events`, SECRET, post);
  }

  get feedbackLog(): string {
    const file = join(this.dir, "data", "feedback.jsonl");
    return existsSync(file) ? readFileSync(file, "utf8") : "";
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.on("close", resolve));
    child.kill("SIGTERM");
    await exited;
  }
}

let events = 0;
const envelope = (event: Record<string, unknown>) => ({
  token: "legacy",
  team_id: "T1",
  api_app_id: "A1",
  type: "event_callback",
  event_id: `EvServer${++events}`,
  event_time: Math.floor(Date.now() / 1000),
  event,
  authorizations: [{ team_id: "T1", user_id: "UBOT", is_bot: true }],
});

const markdownOf = (blocks: Block[]) =>
  blocks
    .filter((b) => b.type === "markdown")
    .map((b) => String(b.text))
    .join("\n");

describe("the running server's Slack door (npm start, SLACK_API_URL at a fake Slack, offline answers)", () => {
  const slack = new FakeSlack();
  const server = new RunningServer();

  beforeAll(async () => {
    await slack.start();
    await server.start({ SLACK_BOT_TOKEN: "xoxb-server", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: slack.apiUrl });
  }, 90_000);
  afterAll(async () => {
    await server.stop();
    await slack.close();
  });

  it("prints the Slack door in its banner and is ready", async () => {
    expect(server.stderr).toMatch(/Slack\s+POST \/slack\/events .* via 127\.0\.0\.1:\d+/);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("answers a signed app_mention in its thread: ⏳ reaction, the answer in a markdown block, sources with quote buttons, feedback_buttons", async () => {
    const res = await server.post(
      json(
        envelope({
          type: "app_mention",
          user: "U1",
          team: "T1",
          text: "<@UBOT> Geef toetsvragen voor klantgerichtheid",
          ts: "500.1",
          channel: "C1",
          event_ts: "500.1",
        }),
      ),
    );
    expect(res.status).toBe(200);
    await vi.waitFor(() => expect(slack.called("reactions.remove")).toHaveLength(1), { timeout: 20_000 });
    expect(slack.called("auth.test")[0]!.authorization).toBe("Bearer xoxb-server");
    expect(slack.called("reactions.add")[0]!.body).toMatchObject({ channel: "C1", timestamp: "500.1", name: "hourglass_flowing_sand" });
    const posts = slack.called("chat.postMessage");
    expect(posts.length).toBeGreaterThanOrEqual(1);
    expect(posts[0]!.body).toMatchObject({ channel: "C1", thread_ts: "500.1" });
    const blocks = posts.at(-1)!.body.blocks as Block[];
    expect(markdownOf(posts.flatMap((p) => p.body.blocks as Block[])).toLowerCase()).toContain("klantgericht");
    const sources = blocks.filter((b) => b.accessory?.action_id.startsWith("fw_source_"));
    expect(sources.length).toBeGreaterThan(0);
    expect(blocks.at(-1)).toMatchObject({ type: "context_actions", elements: [{ type: "feedback_buttons", action_id: "fw_feedback" }] });
    // Offline answers are posted whole, not streamed.
    expect(slack.called("chat.startStream")).toHaveLength(0);
  }, 30_000);

  it("answers a direct message in its thread", async () => {
    const before = slack.called("chat.postMessage").length;
    await server.post(
      json(
        envelope({
          type: "message",
          channel: "D1",
          channel_type: "im",
          user: "U1",
          text: "Welke schaal heeft de servicedesk medewerker ICT?",
          ts: "600.1",
          event_ts: "600.1",
        }),
      ),
    );
    await vi.waitFor(() => expect(slack.called("chat.postMessage").length).toBeGreaterThan(before), { timeout: 20_000 });
    const post = slack.called("chat.postMessage").at(-1)!.body;
    expect(post).toMatchObject({ channel: "D1", thread_ts: "600.1" });
    expect(markdownOf(post.blocks as Block[])).toMatch(/C1|schaal|niveau/i);
  }, 30_000);

  it("answers in an assistant thread with a title and a status with rotating loading messages", async () => {
    const before = slack.called("chat.postMessage").length;
    await server.post(
      json(
        envelope({
          type: "message",
          channel: "D2",
          channel_type: "im",
          user: "U1",
          text: "Welke competenties horen bij een accountmanager?",
          ts: "700.5",
          thread_ts: "700.1",
          event_ts: "700.5",
        }),
      ),
    );
    await vi.waitFor(() => expect(slack.called("chat.postMessage").length).toBeGreaterThan(before), { timeout: 20_000 });
    const status = slack.called("assistant.threads.setStatus").at(-1)!.body;
    expect(status).toMatchObject({ channel_id: "D2", thread_ts: "700.1" });
    expect((status.loading_messages as string[]).length).toBeGreaterThan(1);
    expect(slack.called("assistant.threads.setTitle").at(-1)!.body).toMatchObject({ channel_id: "D2", thread_ts: "700.1" });
    const methods = slack.calls.map((c) => c.method);
    expect(methods.lastIndexOf("assistant.threads.setStatus")).toBeLessThan(methods.lastIndexOf("chat.postMessage"));
  }, 30_000);

  it("records a feedback_buttons click in the feedback log and opens a modal with the real section for a source", async () => {
    const answer = slack.called("chat.postMessage").find((p) => (p.body.blocks as Block[]).some((b) => b.type === "context_actions"))!;
    const blocks = answer.body.blocks as Block[];
    const positive = blocks.at(-1)!.elements![0]!.positive_button!.value;
    const click = (action: Record<string, unknown>, ts: string) => ({
      type: "block_actions",
      team: { id: "T1" },
      user: { id: "U7" },
      trigger_id: `trigger-${ts}`,
      channel: { id: "C1" },
      container: { type: "message", message_ts: "500.2", thread_ts: "500.1", is_ephemeral: false },
      message: { ts: "500.2", thread_ts: "500.1" },
      actions: [{ block_id: "b", action_ts: ts, ...action }],
    });
    await server.post(form({ payload: JSON.stringify(click({ type: "feedback_buttons", action_id: "fw_feedback", value: positive }, "800.1")) }));
    await vi.waitFor(() => expect(server.feedbackLog).toContain('"vote":"up"'), { timeout: 10_000 });
    const vote = JSON.parse(server.feedbackLog.trim().split("\n").at(-1)!) as Record<string, unknown>;
    expect(vote).toMatchObject({ channel: "slack", conversation: "C1:500.1", vote: "up", user: "U7" });

    const source = blocks.find((b) => b.accessory?.action_id === "fw_source_0")!.accessory!;
    const shown = JSON.parse(source.value) as { source: string; section: string };
    await server.post(form({ payload: JSON.stringify(click({ type: "button", action_id: "fw_source_0", value: source.value }, "800.2")) }));
    await vi.waitFor(() => expect(slack.called("views.open")).toHaveLength(1), { timeout: 10_000 });
    const open = slack.called("views.open")[0]!.body;
    expect(open.trigger_id).toBe("trigger-800.2");
    const view = open.view as { type: string; blocks: { type: string; text?: { text: string }; elements?: { text: string }[] }[] };
    expect(view.type).toBe("modal");
    expect(view.blocks[1]!.elements![0]!.text).toContain(shown.source);
    expect(view.blocks[1]!.elements![0]!.text).toContain(shown.section.split(" › ").at(-1)!);
    // The whole section from the index, not only the quote.
    const sectionFile = readFileSync(join(KNOWLEDGE, shown.source), "utf8");
    const whole = view.blocks
      .slice(view.blocks.findIndex((b) => b.type === "divider") + 1)
      .map((b) => b.text?.text ?? "")
      .join("\n");
    const lines = whole
      .split("\n")
      .map((line) => line.replace(/^[-•*]\s*/, "").trim())
      .filter((line) => line.length > 30);
    const fromFile = lines.filter((line) => sectionFile.includes(line.slice(0, 30)));
    expect(fromFile.length, whole).toBeGreaterThan(1);
  }, 30_000);

  it("answers a replayed mention once, and refuses future timestamps and oversized bodies", async () => {
    const mention = json(
      envelope({ type: "app_mention", user: "U1", text: "<@UBOT> Geef toetsvragen voor samenwerken", ts: "900.1", channel: "C9", event_ts: "900.1" }),
    );
    expect((await server.post(mention)).status).toBe(200);
    expect((await server.post(mention)).status).toBe(200);
    expect((await server.post({ ...mention, timestamp: Math.floor(Date.now() / 1000) + 600 })).status).toBe(401);
    const big = await fetch(`${server.url}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-slack-request-timestamp": String(Math.floor(Date.now() / 1000)), "x-slack-signature": "v0=0" },
      body: "x".repeat(1024 * 1024),
    });
    expect(big.status).toBe(413);
    await vi.waitFor(() => expect(slack.called("chat.postMessage").filter((p) => p.body.channel === "C9")).toHaveLength(1), { timeout: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(slack.called("chat.postMessage").filter((p) => p.body.channel === "C9")).toHaveLength(1);
  }, 30_000);

  it("uploads the interview kit (.docx) into the thread when its button under an interview answer is clicked", async () => {
    const answer = slack.called("chat.postMessage").find((p) => p.body.channel === "C9")!;
    const kits = (answer.body.blocks as (Block & { block_id?: string; elements?: { action_id?: string; value?: string }[] })[]).find(
      (b) => b.block_id === "fw_kits",
    );
    const button = kits!.elements![0]!;
    const { role } = JSON.parse(button.value!) as { role: string };
    await server.post(
      form({
        payload: JSON.stringify({
          type: "block_actions",
          team: { id: "T1" },
          user: { id: "U7" },
          trigger_id: "trigger-kit",
          channel: { id: "C9" },
          container: { type: "message", message_ts: "1.2", thread_ts: "900.1", is_ephemeral: false },
          message: { ts: "1.2", thread_ts: "900.1" },
          actions: [{ type: "button", block_id: "fw_kits", action_id: button.action_id, value: button.value, action_ts: "950.1" }],
        }),
      }),
    );
    await vi.waitFor(() => expect(slack.called("files.completeUploadExternal")).toHaveLength(1), { timeout: 20_000 });
    // files.uploadV2's three steps: an upload URL for the named file, its bytes there, then completion in the thread.
    const asked = slack.called("files.getUploadURLExternal")[0]!.body;
    expect(String(asked.filename)).toMatch(/^interviewkit-.+\.docx$/);
    const done = slack.called("files.completeUploadExternal")[0]!.body;
    expect(done).toMatchObject({ channel_id: "C9", thread_ts: "900.1" });
    const [fileId, bytes] = [...slack.uploads][0]!;
    expect((done.files as { id: string }[])[0]!.id).toBe(fileId);
    expect(Number(asked.length)).toBe(bytes.length);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain(role);
    expect(text).toMatch(/Toetsvragen/);
  }, 30_000);
});

describe("the running server's Slack door streams a generated answer (LLM mode against a fake model)", () => {
  const slack = new FakeSlack();
  const server = new RunningServer();
  let model: FakeOpenAi;

  beforeAll(async () => {
    await slack.start();
    model = await FakeOpenAi.start();
    await server.start({
      SLACK_BOT_TOKEN: "xoxb-server",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: slack.apiUrl,
      OPENAI_BASE_URL: model.baseUrl,
      OPENAI_API_KEY: "test-key",
      OPENAI_MODEL: "fake-model",
      EMBEDDINGS: "local",
    });
  }, 90_000);
  afterAll(async () => {
    await server.stop();
    await model?.close();
    await slack.close();
  });

  it("streams the model's text into the mention's thread and ends the message with sources and feedback", async () => {
    const text = `De servicedesk medewerker ICT zit op **niveau C1** [1]. ${"Dat staat in de functiebeschrijving van de provincie. ".repeat(6)}`.trim();
    model.respond(reply(`${text}\nCITATIONS: [1]`, 9, 5));
    await server.post(
      json(
        envelope({
          type: "app_mention",
          user: "U1",
          team: "T1",
          text: "<@UBOT> Welke schaal heeft de servicedesk medewerker ICT?",
          ts: "950.1",
          channel: "C5",
          event_ts: "950.1",
        }),
      ),
    );
    await vi.waitFor(() => expect(slack.called("reactions.remove")).toHaveLength(1), { timeout: 30_000 });
    expect(model.chatRequests.length).toBeGreaterThan(0);
    const start = slack.called("chat.startStream");
    expect(start).toHaveLength(1);
    expect(start[0]!.body).toMatchObject({ channel: "C5", thread_ts: "950.1", recipient_user_id: "U1" });
    const streamedText = [start[0]!.body, ...slack.called("chat.appendStream").map((c) => c.body), ...slack.called("chat.stopStream").map((c) => c.body)]
      .flatMap((b) => (b.chunks as { text: string }[] | undefined) ?? [])
      .map((c) => c.text)
      .join("");
    expect(streamedText).toContain("niveau C1");
    expect(streamedText).not.toContain("CITATIONS");
    expect(slack.called("chat.stopStream")).toHaveLength(1);
    // The finished message: the tail blocks on stopStream, or (if verification changed the text) a chat.update with the verified answer.
    const update = slack.called("chat.update")[0]?.body;
    const finalBlocks = (update?.blocks ?? slack.called("chat.stopStream")[0]!.body.blocks) as Block[];
    expect(finalBlocks.at(-1)).toMatchObject({ type: "context_actions", elements: [{ type: "feedback_buttons" }] });
    expect(JSON.stringify(finalBlocks)).toContain("fw_source_0");
    expect(slack.called("chat.postMessage").filter((p) => p.body.channel === "C5")).toHaveLength(0);
  }, 60_000);
});
