import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseDocument } from "../../src/ingest/parse/index.js";
import { FrontMatterError } from "../../src/ingest/frontMatter.js";

function parseSeed(name: string) {
  return parseDocument({ source: name, text: readFileSync(`knowledge/${name}`, "utf8"), format: "txt" });
}

describe("UFO export (service level manager)", () => {
  const doc = parseSeed("ufo-service-level-manager-ict.txt");

  it("decodes the flattened NiveauSchaal table", () => {
    expect(doc.meta.jobLevels.map((l) => [l.niveau, l.scale])).toEqual([
      ["1", 12],
      ["2", 11],
    ]);
    expect(doc.meta.system).toBe("ufo");
    expect(doc.meta.jobLevels.map((l) => [l.system, l.code, l.rank])).toEqual([
      ["ufo", "12", 12],
      ["ufo", "11", 11],
    ]);
  });

  it("names the unnamed negotiation competency and keeps its lists apart, deduplicated", () => {
    const negotiation = doc.competencies.find((c) => c.description.startsWith("Belangen behartigen"));
    expect(negotiation?.name).toBe("Onderhandelen");
    expect(negotiation?.nameInferred).toBe(true);
    expect(negotiation?.questions).toHaveLength(6);
    expect(negotiation?.tips).toHaveLength(5);
    expect(negotiation?.indicators).toHaveLength(6);
  });

  it("rejoins a bullet the export split in two", () => {
    const analysis = doc.competencies.find((c) => c.description.startsWith("Ontleden"))!;
    expect(analysis.questions).toHaveLength(4);
    expect(analysis.questions.at(-1)).toMatch(/juist die beslissing hebt genomen\?$/);
  });

  it("keeps result areas with their Kader, Resultaat and activities", () => {
    const areas = doc.sections.filter((s) => s.kind === "result-area");
    expect(areas.length).toBe(9);
    expect(areas[0]!.text).toContain("Kader: SLA");
    expect(areas[0]!.text).toContain("- Opstellen van rapportages");
  });

  it("normalises odd characters", () => {
    const text = doc.sections.map((s) => s.text).join("\n");
    expect(text).not.toMatch(/[\u00A0\u00B4\u2019]/);
    expect(text).toContain("collega's");
  });
});

describe("Flemish provincial Markdown profile", () => {
  const doc = parseSeed("provincie-servicedesk-medewerker-ict.md");

  it("takes Niveau C1 as the job level, not a competency's proficiency", () => {
    expect(doc.meta.jobLevels).toMatchObject([{ label: "Niveau C1", niveau: "C1", system: "vlaams-lokaal", code: "C1" }]);
    const creativity = doc.competencies.find((c) => c.name === "Creativiteit");
    expect(creativity?.proficiency).toBe("1");
    expect(doc.competencies.filter((c) => c.proficiency === "2").length).toBeGreaterThan(5);
  });

  it("keeps numbered competencies under their group despite wrong heading depths", () => {
    const judgement = doc.competencies.find((c) => c.name === "Oordeelsvorming");
    expect(judgement?.path).toEqual(["Gedragcompetenties", "Oordeelsvorming"]);
  });

  it("splits indicators that ran together", () => {
    const improving = doc.competencies.find((c) => c.name === "Steeds verbeteren")!;
    expect(improving.indicators.some((i) => i.startsWith("Zoekt actief naar mogelijkheden"))).toBe(true);
  });
});

describe("Vlaamse overheid job family (tab-flattened tables)", () => {
  const doc = parseSeed("vlaamse-overheid-functiefamilie-organisatieondersteuning.txt");

  it("finds the functieklassen and maps full rows onto them", () => {
    expect(doc.meta.jobLevels.map((l) => l.klasse)).toEqual(["14", "15/16", "17/18", "19"]);
    const fk19 = doc.levels.find((l) => l.klasse === "19");
    expect(fk19?.aspects["Opleidingsniveau & ervaring"]?.join(" ")).toMatch(/minstens 10 jaar ervaring/);
  });

  it("reads competency level descriptions", () => {
    const analysis = doc.competencies.find((c) => c.name === "Analyseren");
    expect(analysis?.levelDescriptions).toEqual([
      "1 = Ziet de essentie van het probleem",
      "2 = Legt verbanden en ziet oorzaken",
      "3 = Maakt verhelderende analyses van complexe vraagstukken",
    ]);
  });
});

describe("Rijk function group typings", () => {
  const doc = parseSeed("rijk-medewerker-ict-techniek-informatiebeheer.txt");

  it("yields a typing per scale, 5 to 8, with its code and aspects", () => {
    expect(doc.levels.map((l) => l.scale)).toEqual([5, 6, 7, 8]);
    const six = doc.levels.find((l) => l.scale === 6)!;
    expect(six.code).toBe("322333222  22  22 (32)");
    expect(six.aspects.Resultaten).toContain("front office: (storings)meldingen aangenomen, vragen afgehandeld, back office ingeschakeld");
    expect(Object.keys(six.aspects)).toEqual(expect.arrayContaining(["Algemene omschrijving", "Speelruimte/kaders", "Kennis en vaardigheden", "Contacten"]));
  });

  it("deduplicates the repeated quality profiles", () => {
    const profiles = doc.sections.filter((s) => s.path[0] === "Kwaliteitenprofielen");
    expect(profiles).toHaveLength(2);
  });

  it("joins a continuation line to its bullet", () => {
    const five = doc.levels.find((l) => l.scale === 5)!;
    expect(five.aspects.Resultaten).toContain("bijdragen aan gereed maken voor overdracht NA en/of vernietiging inventarisatie en vernietiging");
  });
});

describe("documents without a recognised layout", () => {
  it("ingests a plain memo as sections", () => {
    const doc = parseDocument({
      source: "memo.txt",
      text: "Thuiswerken\n\nMedewerkers mogen twee dagen per week thuiswerken.\n\nAfspraken\n- Overleg met je leidinggevende\n- Wees bereikbaar tussen 9 en 16 uur\n",
      format: "txt",
    });
    expect(doc.sections.map((s) => s.path[0])).toEqual(["Thuiswerken", "Afspraken"]);
    // The first line is a heading no section kind claims: the document's own title, not the file name.
    expect(doc.meta.title).toBe("Thuiswerken");
    expect(doc.meta.titleFrom).toBe("heading");
    const untitled = parseDocument({ source: "memo-2.txt", text: "Doel\n\nIets regelen.\n", format: "txt" });
    expect(untitled.meta.title).toBe("Memo 2");
    expect(untitled.meta.titleInferred).toBe(true);
  });

  it("uses valid front matter and rejects invalid front matter with the field named", () => {
    const doc = parseDocument({ source: "x.txt", text: "---\ntitle: Beleidsmedewerker\ntags: [a]\n---\nDoel\nIets doen.\n", format: "txt" });
    expect(doc.meta.title).toBe("Beleidsmedewerker");
    expect(() => parseDocument({ source: "y.txt", text: "---\ntitle: 12\ntags: nope\n---\nx\n", format: "txt" })).toThrow(FrontMatterError);
  });
});
