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

describe("levels inside one profile", () => {
  it("splits a table whose columns are levels into a section per level, with what holds at that level only", async () => {
    const doc = await parsed("hogeschool-docent-drie-niveaus.md");
    const perLevel = doc.sections.filter((s) => s.kind === "level" && s.level);
    expect(perLevel.map((s) => s.level!.label)).toEqual(["Schaal 10", "Schaal 11", "Schaal 12"]);
    const [ten, eleven] = perLevel;
    expect(ten!.text).toMatch(/^Onderwijs: Verzorgt onderwijs binnen bestaande modules/m);
    expect(ten!.text).not.toContain("Ontwerpt en herziet modules");
    expect(eleven!.text).toMatch(/^Ervaring: Minimaal 3 jaar ervaring/m);
    expect(doc.meta.jobLevels.map((l) => l.label)).toEqual(["Schaal 10", "Schaal 11", "Schaal 12"]);
  });

  it("scopes sections under a level heading to that level, also when the heading names only the code", async () => {
    const doc = await parsed("basisschool-leerkracht-L10-L11.md");
    const l10 = doc.sections.find((s) => s.path.at(-1) === "Werkzaamheden leerkracht L10");
    const l11 = doc.sections.find((s) => s.path.at(-1) === "Aanvullende werkzaamheden leerkracht L11");
    expect(l10?.level?.code).toBe("L10");
    expect(l10?.text).toContain("Voorbereiden, geven en evalueren van onderwijs");
    expect(l11?.level?.code).toBe("L11");
    expect(doc.meta.jobLevels.map((l) => l.code)).toEqual(expect.arrayContaining(["L10", "L11"]));
    // A section about both levels, or none, stays unscoped.
    expect(doc.sections.find((s) => s.path.at(-1) === "Algemene kenmerken")?.level).toBeUndefined();
  });

  it("reads '2. Heading' after '1. Heading' as the next heading even over a list in another style", () => {
    const doc = parseDocument({
      source: "c.txt",
      text: "Functie X\n\n1. Doel\nHet doel van de functie.\n\n2. Taken\na. Plant het werk;\nb. Controleert het werk.\n\n3. Kennis\nMbo-niveau.\n",
      format: "txt",
    });
    const taken = doc.sections.find((s) => s.path.at(-1) === "Taken");
    expect(taken?.text).toContain("Plant het werk");
    expect(doc.sections.find((s) => s.path.at(-1) === "Doel")?.text).not.toContain("Plant het werk");
  });
});

describe("career steps written as prose", () => {
  const edgesOf = async (file: string) => ((await parsed(file)).meta.careerEdges ?? []).map((e) => `${e.from} → ${e.to}${e.toRole ? ` (${e.toRole})` : ""}`);

  it("reads a step to the next level, from the job's own level, with the role it leads to", async () => {
    expect(await edgesOf("pc200-boekhouder-klasse-c.html")).toEqual(["Klasse C → Klasse D"]);
    expect(await edgesOf("politie-coordinator-intake.md")).toEqual(["Functieschaal 8 → Functieschaal 9 (Operationeel Expert Intake & Service)"]);
    expect(await edgesOf("basisschool-leerkracht-L10-L11.md")).toEqual(["Functieschaal L10 → Functieschaal L11"]);
  });

  it("reads 'X versus Y' and 'next step', and a step between two roles of a function list", async () => {
    expect(await edgesOf("globalsoft-consultant-grade12.md")).toEqual(["Job grade 11 → Job grade 12", "Job grade 12 → Job grade 13 (Principal Consultant)"]);
    expect(await edgesOf("woonstichting-functielijst.md")).toEqual(["Klantadviseur → Woonconsulent"]);
    const edge = (await parsed("woonstichting-functielijst.md")).meta.careerEdges![0]!;
    expect(edge.quote).toContain("doorgroeien naar woonconsulent");
    expect(summarise(await parsed("politie-coordinator-intake.md")).careerEdges).toHaveLength(1);
  });

  it("finds no step where a sentence has a career word but no level or role", () => {
    const doc = parseDocument({
      source: "d.txt",
      text: "Functie: Jurist\nSchaal: 9\n\nLoopbaan\nDoorgroei is mogelijk na een goede beoordeling.\n",
      format: "txt",
    });
    expect(doc.meta.careerEdges).toBeUndefined();
  });
});
