import mammoth from "mammoth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import type { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { catalogue, message } from "../../src/vocabulary/messages.js";
import { listen, postJson, type Listening } from "../support/http.js";
import { buildAssistant } from "../support/knowledge.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

let assistant: FunctiewijzerAssistant;
let kb: KnowledgeBase;

beforeAll(async () => {
  ({ assistant, kb } = await buildAssistant());
}, 60_000);

const ROLE = "Service level manager ICT";

/** The kit's HTML and plain text as a .docx reader sees them. */
async function read(docx: Buffer): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([mammoth.convertToHtml({ buffer: docx }), mammoth.extractRawText({ buffer: docx })]);
  return { html: html.value, text: text.value };
}

describe("the interview kit as a Word document", () => {
  it("holds the role, its scale, and per competency its definition, indicators, every toetsvraag, notes, a 1–5 row and the source", async () => {
    const kit = await assistant.interviewKit({ role: "service level manager" });
    if (!kit.ok) throw new Error(kit.message);
    const doc = kb.documents.find((d) => d.title === ROLE)!;
    const facts = kb.competenciesOf(doc.source);
    expect(kit).toMatchObject({ role: ROLE, fileName: "interviewkit-service-level-manager-ict.docx", competencies: facts.length });
    const { html, text } = await read(kit.docx);
    expect(html).toContain(`<h1>${message("nl", "kit.competency", { number: 1, name: facts[0]!.name })}</h1>`);
    for (const level of doc.jobLevels) expect(text).toContain(level.label);
    // The fact table; a notes box and a score row per competency; the same for the overall assessment.
    expect(html.match(/<table>/g)).toHaveLength(1 + 2 * facts.length + 2);
    for (const score of ["☐ 1", "☐ 5"]) expect(text).toContain(score);
    for (const fact of facts) {
      expect(text).toContain(fact.name);
      if (fact.description) expect(text).toContain(fact.description.slice(0, 60));
      for (const indicator of fact.indicators) expect(text).toContain(indicator);
      for (const question of fact.questions) expect(text).toContain(question);
      expect(text).toContain(`${fact.source} › ${fact.path.join(" › ")}`);
    }
    expect(facts.reduce((n, f) => n + f.questions.length, 0)).toBe(kit.questions);
    expect(kit.questions).toBeGreaterThan(10);
  });

  it("frames the kit in English while the quotes stay in the document's Dutch", async () => {
    const kit = await assistant.interviewKit({ role: ROLE, language: "en" });
    if (!kit.ok) throw new Error(kit.message);
    const { html, text } = await read(kit.docx);
    const en = catalogue("en");
    for (const key of ["kit.indicators", "kit.questions", "kit.notes", "kit.sources"]) expect(html).toContain(en[key]!);
    expect(text).not.toContain(catalogue("nl")["kit.questions"]!);
    const question = kb.competenciesOf(kb.documents.find((d) => d.title === ROLE)!.source)[0]!.questions[0]!;
    expect(text).toContain(question);
    expect(kit.fileName).toBe("interview-kit-service-level-manager-ict.docx");
  });

  it("narrows the kit to chosen competencies", async () => {
    const source = kb.documents.find((d) => d.title === ROLE)!.source;
    const [first, second] = kb.competenciesOf(source);
    const kit = await assistant.interviewKit({ role: ROLE, competencies: [first!.name.toUpperCase()] });
    if (!kit.ok) throw new Error(kit.message);
    const { text } = await read(kit.docx);
    expect(kit.competencies).toBe(1);
    for (const question of first!.questions) expect(text).toContain(question);
    for (const question of second!.questions) expect(text).not.toContain(question);
  });

  it("says so for a role the documents do not describe", async () => {
    const kit = await assistant.interviewKit({ role: "astronaut op Mars" });
    expect(kit).toMatchObject({ ok: false, problem: "unknown-role" });
  });

  it("has the same message keys in Dutch and English", () => {
    expect(Object.keys(catalogue("en")).sort()).toEqual(Object.keys(catalogue("nl")).sort());
  });
});

describe("POST /api/interview-kit", () => {
  let server: Listening;
  beforeAll(async () => {
    server = await listen(createHttpApp({ config: loadConfig({}), logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
  });
  afterAll(() => server.close());

  it("returns the .docx as a download, and 400/404 for bad input", async () => {
    const response = await fetch(`${server.url}/api/interview-kit`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ role: ROLE, language: "en" }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(response.headers.get("content-disposition")).toContain('filename="interview-kit-service-level-manager-ict.docx"');
    const { text } = await read(Buffer.from(await response.arrayBuffer()));
    expect(text).toContain(message("en", "kit.title", { role: ROLE }));

    for (const body of [{}, { role: "" }, { role: 42 }, { role: ROLE, language: "fr" }, { role: ROLE, competencies: "Samenwerken" }, "[1,2]"]) {
      const bad = await postJson(`${server.url}/api/interview-kit`, body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(typeof bad.body.error).toBe("string");
    }
  });

  it("is rate-limited with the rest of the API", async () => {
    const config = loadConfig({ RATE_LIMIT_PER_MINUTE: "3" });
    const limited = await listen(createHttpApp({ config, logger: silentLogger, assistant: () => assistant, feedback: new MemoryFeedback() }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await postJson(`${limited.url}/api/interview-kit`, { role: "astronaut op Mars" })).status);
      expect(statuses).toEqual([404, 404, 404, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});
