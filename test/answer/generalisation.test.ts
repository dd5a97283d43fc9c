import { beforeAll, describe, expect, it } from "vitest";
import type { FunctiewijzerAssistant } from "../../src/answer/assistant.js";
import { buildAssistant } from "../support/knowledge.js";

/** Documents the answerer has never seen, in the seed formats. */
let assistant: FunctiewijzerAssistant;

beforeAll(async () => {
  ({ assistant } = await buildAssistant("test/fixtures/generalisation"));
});

describe("answers on unseen documents", () => {
  it("decodes a new UFO table and names its unnamed competencies", async () => {
    const scale = await assistant.ask("Welke schaal hoort bij de beleidsmedewerker financien?");
    expect(scale.answer).toContain("Niveau 1 - Schaal 9");
    expect(scale.answer).toContain("Niveau 2 - Schaal 10");
    const questions = await assistant.ask("Geef toetsvragen voor plannen");
    expect(questions.intent).toBe("interview");
    expect(questions.answer).toContain("waarom kies je juist voor die volgorde van werken?");
    const tips = await assistant.ask("Hoe word ik beter in overtuigingskracht?");
    expect(tips.answer.match(/Oefen een overtuigend pleidooi/g)).toHaveLength(1);
  });

  it("diffs two typings of a new Rijk function group", async () => {
    const answer = await assistant.ask("Wat verandert er van schaal 4 naar 5?");
    expect(answer.intent).toBe("career");
    expect(answer.answer).toContain("catering voor bijeenkomsten geregeld en met leveranciers afgestemd");
    expect(answer.answer).not.toContain("- post gesorteerd en rondgebracht");
  });

  it("keeps a Flemish job level apart from a proficiency level", async () => {
    const answer = await assistant.ask("Welk niveau heeft de medewerker personeel?");
    expect(answer.answer).toContain("Niveau B1");
    expect(answer.answer).not.toContain("Niveau 3");
  });
});
