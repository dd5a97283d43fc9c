import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { chunkDocument } from "../../src/ingest/chunker.js";
import { loadFile } from "../../src/ingest/loaders/index.js";
import { parseDocument } from "../../src/ingest/parse/index.js";
import { summarise } from "../../src/ingest/report.js";

/** One file, many roles: a function list is read as a role per row (issue 24; tuning fixtures in test/fixtures/structures). */
const dir = resolve("test/fixtures/structures");
type Expected = { file: string; roles: { title: string; levels: string[]; facts?: Record<string, string> }[] };
const expected = (JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as Expected[]).find((e) => e.roles.length >= 8)!;

async function parsed(file: string) {
  const loaded = await loadFile(join(dir, file));
  return parseDocument({ source: file, text: loaded.text, format: loaded.format, title: loaded.title });
}

describe("function lists", () => {
  it("yields one role per row, each with its own level and the row's other cells", async () => {
    const doc = await parsed(expected.file);
    expect(doc.meta.roles?.map((r) => r.title)).toEqual(expected.roles.map((r) => r.title));
    for (const role of expected.roles) {
      const found = doc.meta.roles!.find((r) => r.title === role.title)!;
      // Levels as the fixture writes them ("E") are codes of the document's system ("Schaal E").
      expect(found.levels.map((l) => l.code)).toEqual(role.levels);
      expect(found.path.at(-1)).toBe(role.title);
    }
    const roostermaker = doc.meta.roles!.find((r) => r.title === "Roostermaker")!;
    expect(roostermaker.facts.find((f) => f.label === "Functiefamilie")?.value).toBe("Bedrijfsvoering");
  });

  it("scopes each role's own paragraph to that role, through to its chunks, and reports the roles", async () => {
    const doc = await parsed(expected.file);
    for (const role of expected.roles) {
      const own = doc.sections.filter((s) => s.role === role.title);
      expect(own.length, role.title).toBeGreaterThan(0);
      expect(own.every((s) => s.path.some((part) => part.startsWith(role.title)))).toBe(true);
    }
    const chunks = await chunkDocument(doc);
    expect(new Set(chunks.map((c) => c.role).filter(Boolean)).size).toBe(expected.roles.length);
    const report = summarise(doc);
    expect(report.roles.map((r) => r.title)).toEqual(expected.roles.map((r) => r.title));
    expect(report.roles.every((r) => r.levels.length === 1)).toBe(true);
  });

  it("leaves a profile of one job without a role list, and a two-column fact table is no function list", async () => {
    const single = parseDocument({
      source: "a.md",
      text: "# Jurist\n\n| Kenmerk | Waarde |\n| --- | --- |\n| Functie | Jurist |\n| Schaal | 9 |\n",
      format: "md",
    });
    expect(single.meta.roles).toBeUndefined();
    expect(single.meta.jobLevels.map((l) => l.code)).toEqual(["9"]);
    const tabbed = parseDocument({
      source: "b.txt",
      text: "Functieoverzicht\n\nFunctie\tSchaal\tAfdeling\nMedewerker post\t4\tFacilitair\nMedewerker archief\t5\tFacilitair\n",
      format: "txt",
    });
    expect(tabbed.meta.roles?.map((r) => [r.title, r.levels.map((l) => l.code)])).toEqual([
      ["Medewerker post", ["4"]],
      ["Medewerker archief", ["5"]],
    ]);
  });
});
