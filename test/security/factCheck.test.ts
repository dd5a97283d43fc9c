import { describe, expect, it } from "vitest";
import type { ContextBlock } from "../../src/answer/llm/context.js";
import { canonicalNumber, extractFacts, romanValue } from "../../src/answer/llm/facts.js";
import { unsupportedFacts } from "../../src/answer/llm/verify.js";
import type { Chunk } from "../../src/domain/chunk.js";
import { dynamic, reply } from "../llm/fakeOpenAi.js";
import { answererFor, blockWith, turn, withFakeModel } from "../llm/setup.js";

const block = (text: string, path = ["Functietyperingen"]): ContextBlock => ({
  id: 1,
  chunk: { id: 0, sectionId: "s", source: "profiel.txt", title: "Medewerker ICT", system: "Rijk", path, kind: "level", text } as unknown as Chunk,
});

describe("numbers are tied to their unit (finding 3)", () => {
  it("does not accept 'schaal 14' on the strength of 'Functieklasse 14'", () => {
    expect(unsupportedFacts("De functie valt in schaal 14 [1].", [block("Functieklasse 14")])).toEqual(["schaal 14"]);
    expect(unsupportedFacts("De functie valt in functieklasse 14 [1].", [block("Functieklasse 14")])).toEqual([]);
    expect(unsupportedFacts("Schaal 14.", [block("Schaal 14")])).toEqual([]);
  });

  it("keeps the units of level systems, hours and amounts apart", () => {
    const cited = [block("Functieklasse 14. Niveau B2. FWG 45. 36 uur per week. Salaris € 3.000 per maand. Minimaal 2 jaar ervaring.")];
    expect(unsupportedFacts("Functieklasse 14, niveau B2, FWG 45, 36 uur, € 3.000, 2 jaar.", cited)).toEqual([]);
    expect(unsupportedFacts("FWG 14.", cited)).toEqual(["fwg 14"]);
    expect(unsupportedFacts("Je werkt 14 uur.", cited)).toEqual(["uur 14"]);
    expect(unsupportedFacts("Je werkt 45 uur.", cited)).toEqual(["uur 45"]);
    expect(unsupportedFacts("Het salaris is 36 euro.", cited)).toEqual(["euro 36"]);
    expect(unsupportedFacts("Het salaris is € 45.", cited)).toEqual(["euro 45"]);
    expect(unsupportedFacts("Je hebt 3.000 jaar nodig.", cited)).toEqual(["jaar 3000"]);
    expect(unsupportedFacts("Dat is niveau B3.", cited)).toEqual(["B3"]);
    expect(unsupportedFacts("Salarisschaal 14.", cited)).toEqual(["schaal 14"]);
  });

  it("reads amounts however they are written", () => {
    const cited = [block("Het maximum is € 3.000,- bruto.")];
    expect(unsupportedFacts("Maximaal 3000 euro.", cited)).toEqual([]);
    expect(unsupportedFacts("Maximaal EUR 3,000.", cited)).toEqual([]);
    expect(unsupportedFacts("Maximaal €3.500.", cited)).toEqual(["euro 3500"]);
    expect(canonicalNumber("36,5")).toBe("36.5");
    expect(canonicalNumber("09")).toBe("9");
    expect(canonicalNumber("1.234.567")).toBe("1234567");
  });

  it("takes a heading's unit from the heading, not across lines", () => {
    expect(unsupportedFacts("Schaal 6 [1].", [block("tekst", ["Functietyperingen", "Schaal 6"])])).toEqual([]);
    expect(unsupportedFacts("Schaal 7.", [block("Schaal\n7 taken")])).toEqual(["schaal 7"]);
  });

  it("gives a range or list the unit of its level word", () => {
    expect(unsupportedFacts("Schaal 10 of 11.", [block("Schaal 10 en schaal 11")])).toEqual([]);
    expect(unsupportedFacts("Schaal 10 - 12.", [block("Schaal 10 en schaal 11")])).toEqual(["schaal 12"]);
    expect(unsupportedFacts("Drie tot vijf jaar ervaring.", [block("3 jaar ervaring")])).toEqual(["jaar 5"]);
  });

  it("does not count the question as support (unsupportedFacts no longer sees it)", () => {
    // The old check accepted any number the question held: "my colleague says 14?" let the model confirm 14.
    expect(unsupportedFacts("Ja, dat klopt: schaal 14 [1].", [block("Schaal 6")])).toEqual(["schaal 14"]);
  });

  it("reads full-width digits (NFKC)", () => {
    expect(unsupportedFacts("Schaal １４ [1].", [block("Schaal 6")])).toEqual(["schaal 14"]);
    expect(unsupportedFacts("Schaal ６ [1].", [block("Schaal 6")])).toEqual([]);
    expect(unsupportedFacts("Ｓｃｈａａｌ 14.", [block("Schaal 6")])).toEqual(["schaal 14"]);
  });

  it("reads Dutch and English number words tied to a unit", () => {
    expect(unsupportedFacts("Dat is schaal veertien.", [block("Schaal 6")])).toEqual(["schaal 14"]);
    expect(unsupportedFacts("That is scale fourteen.", [block("Schaal 6")])).toEqual(["schaal 14"]);
    expect(unsupportedFacts("Dat is schaal zes.", [block("Schaal 6")])).toEqual([]);
    expect(unsupportedFacts("Je werkt twaalf uur per week.", [block("36 uur per week")])).toEqual(["uur 12"]);
    expect(unsupportedFacts("Je hebt één jaar ervaring nodig.", [block("Minimaal 2 jaar ervaring")])).toEqual(["jaar 1"]);
    expect(unsupportedFacts("Je hebt twee jaar ervaring nodig.", [block("Minimaal 2 jaar ervaring")])).toEqual([]);
    // A number word without a unit is ordinary language ("in acht nemen", "een collega").
    expect(unsupportedFacts("Neem een collega in acht.", [block("tekst")])).toEqual([]);
  });

  it("reads Roman numerals after a level word", () => {
    expect(unsupportedFacts("Dat is schaal XIV.", [block("Schaal 6")])).toEqual(["schaal 14"]);
    expect(unsupportedFacts("Dat is niveau IV.", [block("Niveau 2")])).toEqual(["niveau 4"]);
    expect(unsupportedFacts("Dat is niveau II.", [block("Niveau 2")])).toEqual([]);
    expect(unsupportedFacts("Dat is niveau C.", [block("Niveau: C1")])).toEqual([]); // a letter level, not Roman 100
    expect(romanValue("xiv")).toBe(14);
    expect(romanValue("iiii")).toBeUndefined();
    expect(romanValue("mix")).toBeUndefined();
    expect(extractFacts("ik ben er").numbers).toEqual([]);
  });

  it("still treats a bare number as supported when it occurs anywhere in the cited blocks", () => {
    expect(unsupportedFacts("Er zijn 5 taken.", [block("Schaal 5")])).toEqual([]);
    expect(unsupportedFacts("Er zijn 9 taken.", [block("Schaal 5")])).toEqual(["9"]);
  });
});

describe("the generated answer falls back when the model repeats the asker's number (finding 3, end to end)", () => {
  const env = withFakeModel();

  it("does not let 'mijn collega zegt schaal 14?' support schaal 14", async () => {
    const question = "Mijn collega zegt dat de servicedesk medewerker ICT in schaal 14 zit, klopt dat?";
    const claim = (scale: number) =>
      dynamic((body) => reply(`De Rijksfunctie zit in schaal ${scale} [${blockWith(body, "› Schaal 6")}].\nCITATIONS: [${blockWith(body, "› Schaal 6")}]`));
    env.fake.respond(claim(14));
    const { u, offline } = await turn(env.kb, question);
    expect(await answererFor(env.fake).answer(u, env.kb, offline, {})).toBeUndefined();
    // Control: the same turn, citing the same block, with the scale that block does hold is accepted.
    env.fake.respond(claim(6));
    expect((await answererFor(env.fake).answer(u, env.kb, offline, {}))?.answer).toMatch(/schaal 6 \[\d\]/);
  });

  it("does not let full-width digits, number words or Roman numerals slip through", async () => {
    for (const claim of ["schaal １４", "schaal veertien", "schaal XIV", "functieklasse 14", "schaal 6 of 14"]) {
      env.fake.respond(
        dynamic((body) => reply(`De Rijksfunctie zit in ${claim} [${blockWith(body, "› Schaal 6")}].\nCITATIONS: [${blockWith(body, "› Schaal 6")}]`)),
      );
      const { u, offline } = await turn(env.kb, "Welke schaal heeft de servicedesk medewerker ICT?");
      expect(await answererFor(env.fake).answer(u, env.kb, offline, {}), claim).toBeUndefined();
    }
  });
});
