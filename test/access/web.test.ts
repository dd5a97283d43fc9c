import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AnswerSchema, type Answer } from "../../src/domain/answer.js";
import type { Assistant } from "../../src/domain/assistant.js";
import { loadConfig, type Config } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { readIndexPointer } from "../../src/search/indexWatcher.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";
import {
  ACCESS_YAML,
  HIDDEN_QUESTION,
  HIDDEN_SECTION,
  HIDDEN_SOURCE,
  HIDDEN_TITLE,
  HIDDEN_WORD,
  setsAssistant,
  setsKnowledge,
  shown,
} from "./setsKnowledge.js";

const ADMIN_TOKEN = "sets-admin-token-0123456789abcdef";
const HR = { "x-forwarded-user": "hanna", "x-forwarded-email": "hanna@example.org", "x-forwarded-groups": "staff, hr" };
const STAFF = { "x-forwarded-user": "sam", "x-forwarded-groups": "staff" };

/** The web chat behind a trusted proxy (oauth2-proxy on this machine), and one without TRUST_PROXY. */
describe("document sets in the web chat: an outsider never sees an hr-only document, HR does", () => {
  const knowledgeDir = setsKnowledge();
  let assistant: Assistant;
  let config: Config;
  let proxied: Listening;
  let direct: Listening;
  /** TRUST_PROXY names another proxy: requests from 127.0.0.1 are not from it. */
  let elsewhere: Listening;

  const ask = async (question: string, headers: Record<string, string> = {}, conversation?: string, server = proxied): Promise<Answer> => {
    const response = await postJson(`${server.url}/api/ask`, { question, ...(conversation ? { conversation } : {}) }, headers);
    expect(response.status).toBe(200);
    return AnswerSchema.parse(response.body);
  };
  const cites = (answer: Answer) => answer.citations.some((c) => c.source === HIDDEN_SOURCE);

  beforeAll(async () => {
    ({ assistant, config } = await setsAssistant(knowledgeDir));
    const feedback = new MemoryFeedback();
    proxied = await listen(
      createHttpApp({
        config: loadConfig({ KNOWLEDGE_DIR: knowledgeDir, TRUST_PROXY: "loopback", ADMIN_TOKEN }),
        logger: silentLogger,
        assistant: () => assistant,
        feedback,
      }),
    );
    direct = await listen(createHttpApp({ config: loadConfig({ KNOWLEDGE_DIR: knowledgeDir }), logger: silentLogger, assistant: () => assistant, feedback }));
    elsewhere = await listen(
      createHttpApp({
        config: loadConfig({ KNOWLEDGE_DIR: knowledgeDir, TRUST_PROXY: "10.0.0.7" }),
        logger: silentLogger,
        assistant: () => assistant,
        feedback,
      }),
    );
  });
  afterAll(async () => {
    await proxied?.close();
    await direct?.close();
    await elsewhere?.close();
  });

  it("answers HR from the set, and the same question (asked right after: no cached answer) without it for everyone else", async () => {
    const hr = await ask(HIDDEN_QUESTION, HR);
    expect(hr.answered).toBe(true);
    expect(cites(hr)).toBe(true);
    expect(hr.answer).toMatch(HIDDEN_WORD);
    for (const headers of [{}, STAFF]) {
      const outsider = await ask(HIDDEN_QUESTION, headers);
      expect(cites(outsider)).toBe(false);
      expect(shown(outsider)).not.toMatch(HIDDEN_WORD);
    }
  });

  it("streams the outsider's answer without the set, the tokens and the final answer alike", async () => {
    const response = await fetch(`${proxied.url}/api/ask/stream`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ question: HIDDEN_QUESTION }),
    });
    const events = await response.text();
    const final = /event: answer\ndata: (.*)\n/.exec(events);
    expect(final).not.toBeNull();
    const answer = AnswerSchema.parse(JSON.parse(final![1]!));
    expect(shown(answer)).not.toMatch(HIDDEN_WORD);
    // Everything but the echoed question: token events and the final answer.
    expect(events.replaceAll(HIDDEN_QUESTION, "")).not.toMatch(HIDDEN_WORD);
  });

  it("ignores identity headers without TRUST_PROXY, or from an address that is not the trusted proxy: anyone could send them", async () => {
    for (const server of [direct, elsewhere]) {
      const spoofed = await ask(HIDDEN_QUESTION, HR, undefined, server);
      expect(cites(spoofed)).toBe(false);
      expect(shown(spoofed)).not.toMatch(HIDDEN_WORD);
    }
  });

  it("opens the source dialog and the document link for HR only; an outsider gets the 404 of a file that does not exist", async () => {
    const section = (headers: Record<string, string>) =>
      fetch(`${proxied.url}/api/section?${new URLSearchParams({ source: HIDDEN_SOURCE, section: HIDDEN_SECTION })}`, { headers });
    const document = (headers: Record<string, string>) => fetch(`${proxied.url}/api/document?source=${encodeURIComponent(HIDDEN_SOURCE)}`, { headers });
    const missing = await (await fetch(`${proxied.url}/api/document?source=${encodeURIComponent("hr-only/bestaat-niet.md")}`)).json();
    expect((await section(HR)).status).toBe(200);
    expect(await (await document(HR)).text()).toMatch(HIDDEN_WORD);
    for (const headers of [{}, STAFF]) {
      const [s, d] = [await section(headers), await document(headers)];
      expect(s.status).toBe(404);
      expect(d.status).toBe(404);
      expect(await d.json()).toEqual(missing);
    }
  });

  it("builds example questions and the catalogue from the asker's sets only", async () => {
    const examples = async (headers: Record<string, string>) => JSON.stringify(await (await fetch(`${proxied.url}/api/examples`, { headers })).json());
    expect(await examples(HR)).toContain(HIDDEN_TITLE);
    expect(await examples({})).not.toMatch(HIDDEN_WORD);
    const catalogue = "Welke functies staan er in de documenten?";
    expect((await ask(catalogue, HR)).answer).toContain(HIDDEN_TITLE);
    const outsider = await ask(catalogue);
    expect(outsider.answered).toBe(true);
    expect(shown(outsider)).not.toMatch(HIDDEN_WORD);
  });

  it("offers an outsider's refusal only nearest documents of their own sets", async () => {
    const outsider = await ask("Welke schaal past bij een kwartiermaker?");
    expect(outsider.answer).not.toContain(HIDDEN_TITLE);
    expect(shown(outsider).replace(/kwartiermaker\?/i, "")).not.toMatch(HIDDEN_WORD);
    expect((await ask("Welke schaal past bij een kwartiermaker?", HR)).answer).toContain(HIDDEN_TITLE);
  });

  it('gives no "waarom" or "meer" of HR\'s answer to another audience presenting HR\'s conversation id', async () => {
    // The server issues conversation ids; an outsider who learned HR's id presents exactly that one.
    const first = await postJson(`${proxied.url}/api/ask`, { question: HIDDEN_QUESTION }, HR);
    const conversation = first.headers.get("x-conversation-id")!;
    expect(conversation).toBeTruthy();
    expect(cites(AnswerSchema.parse(first.body))).toBe(true);
    for (const followUp of ["waarom?", "meer", "en voor niveau A4?"]) {
      const outsider = await ask(followUp, {}, conversation);
      expect(cites(outsider)).toBe(false);
      expect(shown(outsider)).not.toMatch(HIDDEN_WORD);
    }
    // The conversation itself still works for its own audience.
    const why = await ask("waarom?", HR, conversation);
    expect(cites(why)).toBe(true);
  });

  it("follows a change to access.yaml at the next question, without a restart or a new index version", async () => {
    const indexDir = config.INDEX_DIR;
    const version = await readIndexPointer(indexDir);
    try {
      writeFileSync(join(knowledgeDir, "access.yaml"), ACCESS_YAML.replace("groups: [hr]", "groups: [leiding]"));
      expect(cites(await ask(HIDDEN_QUESTION, HR))).toBe(false);
      expect(cites(await ask(HIDDEN_QUESTION, { "x-forwarded-user": "lea", "x-forwarded-groups": "leiding" }))).toBe(true);
      // A broken file fails closed: only the root set, until it is fixed.
      writeFileSync(join(knowledgeDir, "access.yaml"), "sets:\n  hr-only:\n    web: { groepen: [leiding] }\n");
      const closed = await ask(HIDDEN_QUESTION, { "x-forwarded-user": "lea", "x-forwarded-groups": "leiding" });
      expect(cites(closed)).toBe(false);
      expect(shown(closed)).not.toMatch(HIDDEN_WORD);
    } finally {
      writeFileSync(join(knowledgeDir, "access.yaml"), ACCESS_YAML);
    }
    expect(cites(await ask(HIDDEN_QUESTION, HR))).toBe(true);
    expect(await readIndexPointer(indexDir)).toBe(version);
  });

  it("shows the admin every document with its set and who may use it", async () => {
    const session = await postJson(`${proxied.url}/admin/session`, { token: ADMIN_TOKEN });
    const cookie = session.headers.get("set-cookie")!.split(";")[0]!;
    const overview = (await (await fetch(`${proxied.url}/admin/api/overview`, { headers: { cookie } })).json()) as {
      inventory: { documents: { source: string; set?: string; audience?: string }[] };
    };
    const hidden = overview.inventory.documents.find((doc) => doc.source === HIDDEN_SOURCE);
    expect(hidden).toMatchObject({ set: "hr-only", audience: expect.stringContaining("web groups hr") });
    expect(hidden!.audience).toContain("Slack channels C0HR");
    expect(overview.inventory.documents.filter((doc) => doc.set === "").length).toBeGreaterThanOrEqual(5);
    expect(overview.inventory.documents.find((doc) => doc.set === "")!.audience).toBe("public");
  });
});
