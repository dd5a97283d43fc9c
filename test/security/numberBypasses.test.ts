import { describe, expect, it } from "vitest";
import type { ContextBlock } from "../../src/answer/llm/context.js";
import { extractFacts } from "../../src/answer/llm/facts.js";
import { asciiDigits, numberText, withoutMarkup } from "../../src/answer/llm/numberText.js";
import { unsupportedFacts } from "../../src/answer/llm/verify.js";
import { defaultVocabulary } from "../../src/vocabulary/load.js";
import type { Chunk } from "../../src/domain/chunk.js";

/** The red team's source: scale 10 and a salary in digits; nothing says 14, 21 or 3000. */
const cited: ContextBlock[] = [
  {
    id: 1,
    chunk: {
      id: 0,
      sectionId: "s",
      source: "beleidsmedewerker-communicatie.txt",
      title: "Beleidsmedewerker Communicatie",
      path: ["Inschaling"],
      kind: "level",
      text: "Inschaling: schaal 10. Maximaal € 4.200 bruto per maand bij 36 uur per week.",
    } as unknown as Chunk,
  },
];

describe("one number normaliser for the verification (issue 26, finding 3)", () => {
  it.each([
    ["de veertiende salarisschaal", "schaal 14"],
    ["schaal eenentwintig", "schaal 21"],
    ["schaal\nveertien", "schaal 14"],
    ["schaal \u200bveertien", "schaal 14"],
    ['schaal "veertien"', "schaal 14"],
    ["schaal <!-- -->veertien", "schaal 14"],
    ["drieduizend euro per maand", "euro 3000"],
    ["the fourteenth scale", "schaal 14"],
    ["schaal ١٤", "schaal 14"],
    // And their neighbours.
    ["schaal 14", "schaal 14"],
    ["schaal veertien", "schaal 14"],
    ["schaal XIV", "schaal 14"],
    ["schaal １４", "schaal 14"],
    ["schaal vee\u00adrtien", "schaal 14"],
    ["schaal <b>veertien</b>", "schaal 14"],
    ["schaal vee<span>r</span>tien", "schaal 14"],
    ["de 14e schaal", "schaal 14"],
    ["the 14th scale", "schaal 14"],
    ["scale twenty-one", "schaal 21"],
    ["scale twenty one", "schaal 21"],
    ["three thousand euro", "euro 3000"],
    ["drie duizend euro", "euro 3000"],
    ["schaal drieëntwintig", "schaal 23"],
    ["schaal ‘veertien’", "schaal 14"],
    ["schaal १४", "schaal 14"],
    ["de twintigste schaal", "schaal 20"],
    ["drieduizendvijfhonderd euro", "euro 3500"],
    ["one hundred and fifty hours", "uur 150"],
  ])("refuses %j as unsupported (%s)", (claim, fact) => {
    expect(unsupportedFacts(`De functie valt in ${claim} [1].`, cited)).toContain(fact);
  });

  it("accepts what the source does say, in any of these spellings", () => {
    for (const claim of [
      "schaal 10",
      "schaal tien",
      "de tiende schaal",
      "schaal\ntien",
      "schaal <!-- -->tien",
      "schaal ١٠",
      "4200 euro",
      "vierduizend tweehonderd euro",
      "36 uur",
    ])
      expect(unsupportedFacts(`Dit is ${claim} [1].`, cited), claim).toEqual([]);
  });

  it("does not read ordinary words as numbers", () => {
    const facts = extractFacts("Je viert feest met elfen en achten; someone often said that a month is long.");
    expect(facts.numbers).toEqual([]);
    const numbers = defaultVocabulary().numbers;
    for (const word of ["vieren", "elfen", "achten", "someone", "month", "tiener", "eende", "en", "and"]) expect(numbers.cardinal(word), word).toBeUndefined();
    expect(numbers.cardinal("eenentwintig")).toBe(21);
    expect(numbers.cardinal("een")).toBeUndefined(); // an article in a question
    expect(defaultVocabulary().withDigits("van zes naar zeven")).toBe("van 6 naar 7");
  });

  it("normalises markup, invisible characters and digits of every script", () => {
    expect(withoutMarkup("a<!-- x -->b<i>c</i>d < e")).toBe("abcd < e");
    expect(withoutMarkup("schaal <!-- open veertien")).toBe("schaal <!-- open veertien");
    expect(asciiDigits("١٤ ۱۴ १४ ১৪ ๑๔ 𝟏𝟒")).toBe("14 14 14 14 14 14");
    expect(numberText("Ｓchaal\u200b 𝟏𝟒 Één")).toBe("schaal 14 een");
  });

  it("stays linear on hostile input: 200,000 unclosed comments, tags and number words", () => {
    const shapes = ["<!--".repeat(50_000), "<a".repeat(100_000), "een".repeat(60_000), "eenen ".repeat(40_000), "twenty-".repeat(30_000), "١".repeat(100_000)];
    const time = (texts: string[]) => {
      const started = performance.now();
      for (const text of texts) unsupportedFacts(text, cited);
      return performance.now() - started;
    };
    const tenths = shapes.flatMap((s) => Array.from({ length: 10 }, () => s.slice(0, s.length / 10)));
    time(tenths);
    // The whole inputs once against ten tenths of them: the same work when linear, ten times more when quadratic.
    const ratio = time(shapes) / Math.max(time(tenths), 1);
    expect(ratio).toBeLessThan(4);
  });
});
