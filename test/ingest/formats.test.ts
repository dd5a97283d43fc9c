import { readdirSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { teamsCitations } from "../../src/channels/teams/citations.js";
import { resolveKnowledgeFile } from "../../src/http/knowledgeFile.js";
import { FORMATS, formatOfFile, SUPPORTED_EXTENSIONS } from "../../src/ingest/formats.js";
import { loadFile } from "../../src/ingest/loaders/index.js";
import { scanKnowledge } from "../../src/ingest/scan.js";

/** One registry entry per format: the loader, the served content type and the Teams citation icon all come from it. */
const UNSEEN = resolve("test/fixtures/unseen");
const sample = (extension: string) => readdirSync(UNSEEN).find((file) => file.endsWith(extension));

describe("document formats", () => {
  it("reads, serves and shows the icon of a file of every registered format from its one entry", async () => {
    for (const format of FORMATS.filter((f) => sample(f.extensions[0]))) {
      const file = sample(format.extensions[0])!;
      const loaded = await loadFile(resolve(UNSEEN, file));
      expect(loaded.format, file).toBe(format.id);
      expect(loaded.text.length, file).toBeGreaterThan(200);
      expect((await resolveKnowledgeFile(UNSEEN, file)).contentType, file).toBe(format.contentType);
      const cited = teamsCitations({ answer: "Zie [1].", language: "nl", citations: [{ source: file, section: "Taken" }] });
      expect(cited.citations[0]?.appearance.image?.name, file).toBe(format.citationIcon);
    }
    // The fixtures hold a file of each format but Markdown's second spelling and the plain-text ones.
    expect(FORMATS.filter((f) => sample(f.extensions[0])).map((f) => f.id)).toEqual(["txt", "md", "docx", "pdf", "html"]);
  });

  it("knows a format by any of its extensions, in any case, and nothing else", async () => {
    expect(formatOfFile("Profiel.HTM")?.id).toBe("html");
    expect(formatOfFile("a/b/notes.markdown")?.id).toBe("md");
    expect(formatOfFile("functie.doc")).toBeUndefined();
    expect(formatOfFile("README")).toBeUndefined();
    expect(SUPPORTED_EXTENSIONS).toContain(".docx");
    const scan = await scanKnowledge(UNSEEN);
    expect(scan.files.every((f) => formatOfFile(f.source) !== undefined)).toBe(true);
  });
});
