import { describe, expect, it } from "vitest";
import { detectSystem } from "../../src/ingest/systems/detect.js";
import { findLevelMentions, levelStatements, makeLevel, nextLevel, sameLevel } from "../../src/ingest/systems/levels.js";
import { systemById } from "../../src/ingest/systems/registry.js";
import { parseDocument } from "../../src/ingest/parse/index.js";

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
