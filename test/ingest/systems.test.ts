import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { findLevelMentions, nextLevel } from "../../src/domain/systems/levels.js";
import { defaultVocabulary, loadVocabulary } from "../../src/vocabulary/load.js";
import { loadFile } from "../../src/ingest/loaders/index.js";
import { parseDocument } from "../../src/ingest/parse/index.js";

const systems = defaultVocabulary().systems;
const detectSystem = (text: string) => systems.detect(text);
const levelStatements = (text: string) => systems.levelStatements(text);
const systemById = (id: string) => systems.system(id);
const makeLevel: typeof systems.makeLevel = (...args) => systems.makeLevel(...args);
const sameLevel: typeof systems.sameLevel = (...args) => systems.sameLevel(...args);

describe("classification systems", () => {
  it("recognises a system from the document's own wording", () => {
    expect(detectSystem("Functieprofiel gemeente Lindehoven. HR21-normfunctie: Medewerker Dienstverlening II").id).toBe("hr21");
    expect(detectSystem("FWG-functiegroep 45, ziekenhuis").id).toBe("fwg");
    expect(detectSystem("Functieschaal G volgens de CAO Woondiensten").id).toBe("cao-woondiensten");
    expect(detectSystem("Deze functie telt 412 HAY-punten").id).toBe("hay");
    expect(detectSystem("Attaché, klasse A2, FOD Financiën, federale overheid").id).toBe("federaal");
    expect(detectSystem("Een profiel zonder enig systeem").id).toBe("generic");
  });

  it("reads a level in a label line, a table cell and a sentence", () => {
    const label = parseDocument({ source: "a.txt", text: "Functie: Jurist\nInschaling: schaal 9 (max.)\n\nTaken\n- adviseren\n", format: "txt" });
    expect(label.meta.jobLevels.map((l) => l.code)).toEqual(["9"]);
    const cell = parseDocument({
      source: "b.md",
      text: "# Jurist\n\n| Kenmerk | Waarde |\n| --- | --- |\n| Salarisschaal | 7 |\n| Afdeling | Juridische zaken |\n",
      format: "md",
    });
    expect(cell.meta.jobLevels.map((l) => l.label)).toEqual(["Schaal 7"]);
    expect(cell.meta.facts?.find((f) => f.field === "department")?.value).toBe("Juridische zaken");
    const sentence = parseDocument({
      source: "c.txt",
      text: "Jurist\n\nDe functie is ingedeeld in functieklasse 11 van de Vlaamse overheid.\n",
      format: "txt",
    });
    expect(sentence.meta.jobLevels).toMatchObject([{ system: "vlaamse-overheid", code: "11", label: "Functieklasse 11" }]);
  });

  it("does not take a competency's proficiency for the job's level", () => {
    expect(levelStatements("Niveau: 2")).toEqual([]);
    expect(levelStatements("Niveau: C1")).toEqual([{ word: "niveau", code: "C1" }]);
  });

  it("writes 'same level' and 'next level' once, per system", () => {
    const schaal14 = makeLevel(systemById("rijk"), "schaal", "14");
    const klasse14 = makeLevel(systemById("vlaamse-overheid"), "functieklasse", "14");
    expect(sameLevel(schaal14, { word: "schaal", code: "14" })).toBe(true);
    expect(sameLevel(klasse14, { word: "schaal", code: "14" })).toBe(false);
    expect(sameLevel(klasse14, { word: "functieklasse", code: "14" })).toBe(true);
    const grades = ["C1", "B1", "C3", "D2"].map((code) => makeLevel(systemById("vlaams-lokaal"), "niveau", code));
    expect(nextLevel(grades, grades[0]!)?.code).toBe("C3");
    expect(nextLevel(grades, grades[2]!)?.code).toBe("B1");
  });

  it("finds the levels a question names, also in words and ranges", () => {
    expect(findLevelMentions("verschil tussen functieklasse 14 en 17/18")).toEqual([
      { word: "functieklasse", code: "14" },
      { word: "functieklasse", code: "17/18" },
    ]);
    expect(findLevelMentions("van loongroep 5 naar 6").map((m) => m.code)).toEqual(["5", "6"]);
    expect(findLevelMentions("en naar 8?").map((m) => m.code)).toEqual(["8"]);
  });
});

describe("classification systems as data", () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))));
  async function knowledgeWithGlossary(glossary: string): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), "fw-systems-"));
    dirs.push(dir);
    await writeFile(join(dir, "glossary.yaml"), glossary);
    return dir;
  }

  it("every shipped system is one entry of vocabulary/systems.yaml, with the fallback last", () => {
    const ids = systems.all.map((s) => s.id);
    expect(ids.at(-1)).toBe("generic");
    expect(new Set(ids).size).toBe(ids.length);
    expect(systemById("provincie").id).toBe("vlaams-lokaal"); // a former id still resolves
  });

  it("an organisation declares its own system in its glossary, and documents and levels use it", async () => {
    const dir = await knowledgeWithGlossary(
      [
        "systems:",
        "  - id: loongebouw-noord",
        "    name: Loongebouw Waterschap Noord",
        "    markers: { strong: [loongebouw noord], weak: [] }",
        "    levelWords: [loongroep]",
        "    code: '^\\d{1,2}$'",
        "    order: number",
        "    askedAs: [loongebouw noord]",
      ].join("\n"),
    );
    const vocabulary = loadVocabulary(dir);
    const doc = parseDocument(
      {
        source: "peilbeheer.txt",
        text: "Functie: Medewerker peilbeheer\nLoongebouw Noord\n\nInschaling: loongroep 7\n\nTaken\n- peilen bewaken\n",
        format: "txt",
      },
      { vocabulary },
    );
    expect(doc.meta.system).toBe("loongebouw-noord");
    expect(doc.meta.systemName).toBe("Loongebouw Waterschap Noord");
    expect(doc.meta.jobLevels).toMatchObject([{ label: "Loongroep 7", code: "7", system: "loongebouw-noord", rank: 7 }]);
    expect(vocabulary.systems.askedFor("Welke loongroepen kent het loongebouw Noord?").map((s) => s.id)).toEqual(["loongebouw-noord"]);
    // Without the glossary the same text has no system of its own.
    expect(parseDocument({ source: "peilbeheer.txt", text: "Functie: Medewerker peilbeheer\nLoongebouw Noord\n", format: "txt" }).meta.system).toBe("generic");
  });

  it("refuses a level pattern that could backtrack, an unanchored one and a duplicate id, naming the file", async () => {
    const entry = (id: string, code: string) => `  - { id: ${id}, name: X, levelWords: [loongroep], code: '${code}', order: number }`;
    const nested = await knowledgeWithGlossary(`systems:\n${entry("eigen", "^(\\d+)+$")}\n`);
    expect(() => loadVocabulary(nested)).toThrow(/glossary\.yaml: systems\.0\.code: .*nested quantifiers/);
    const loose = await knowledgeWithGlossary(`systems:\n${entry("eigen", "\\d+")}\n`);
    expect(() => loadVocabulary(loose)).toThrow(/anchored/);
    const twice = await knowledgeWithGlossary(`systems:\n${entry("rijk", "^\\d$")}\n`);
    expect(() => loadVocabulary(twice)).toThrow(/glossary\.yaml: systems: two systems have the id "rijk"/);
  });
});

describe("systems of other sectors (test/fixtures/structures)", () => {
  const dir = resolve("test/fixtures/structures");
  const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as { file: string; system: string }[];

  // The Hay method has two scales: points (system "hay") and job grades ("hay-grades"); the fixture names the method.
  const ours = (system: string, text: string) => (system === "hay" && /job grade/i.test(text) ? "hay-grades" : system);
  it.each(expected.map((entry) => [entry.file, entry.system]))("%s is read as %s", async (file, named) => {
    const loaded = await loadFile(join(dir, file));
    const doc = parseDocument({ source: file, text: loaded.text, format: loaded.format, title: loaded.title });
    const system = ours(named, loaded.text);
    expect(doc.meta.system).toBe(system);
    expect(doc.meta.jobLevels.some((level) => level.system === system)).toBe(true);
  });

  it("lets a system named outright win, and no single common word decide", () => {
    // "functieschaal" is a common word: without a name it no longer makes a document a housing association's.
    expect(detectSystem("Functieschaal 8. Je werkt in een team.").id).toBe("generic");
    expect(detectSystem("Politie Nederland, Landelijk Functiegebouw Nederlandse Politie. Functieschaal 8.").id).toBe("politie");
    // "provincie" alone is not Flemish; a Dutch province's own bodies are Dutch.
    expect(detectSystem("De provincie zorgt voor wegen. De provincie heeft een provinciehuis.").id).toBe("generic");
    expect(detectSystem("De provincie adviseert Gedeputeerde Staten. Inschaling: schaal 11.").id).toBe("cao-provincies");
    expect(detectSystem("Functieklasse: klasse C volgens PC 200").id).toBe("pc200");
  });

  it("orders levels by a system's own list: LA below L10 below LB", () => {
    const po = systemById("po");
    expect(["L11", "LA", "L10", "LB"].sort((a, b) => po.rank(a) - po.rank(b))).toEqual(["LA", "L10", "LB", "L11"]);
  });
});
