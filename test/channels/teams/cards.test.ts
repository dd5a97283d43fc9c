import { Activity } from "@microsoft/agents-activity";
import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/domain/answer.js";
import { citationCard, expansionCard, followUpCard, welcomeCard } from "../../../src/channels/teams/cards.js";
import { CITATION_LIMITS, teamsCitations } from "../../../src/channels/teams/citations.js";
import { answerActivities, MAX_TEXT_CHARS } from "../../../src/channels/teams/reply.js";
import { examplesFor } from "../../../src/channels/shared/language.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { cardProblems } from "./validateCard.js";

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  question: "Welke schaal?",
  answer: "De functie valt in **schaal 8** [1].",
  language: "nl",
  intent: "scale",
  answered: true,
  mode: "offline",
  citations: [
    { source: "functies/servicedesk.docx", section: "Functiewaardering › Schaal", quote: "Schaal 8", title: "Servicedesk medewerker", system: "rijk" },
  ],
  followUps: ["Wat verandert er van schaal 8 naar 9?", "Welke competenties horen erbij?"],
  latencyMs: 3,
  ...overrides,
});

describe("Teams cards and activities", () => {
  it("every card we send is a valid Adaptive Card 1.5, and the validator does catch mistakes", () => {
    const cards = [
      welcomeCard("nl", examplesFor(new FakeAssistant(), "nl")),
      welcomeCard("en", examplesFor(new FakeAssistant(), "en")),
      followUpCard(answer())!,
      expansionCard(
        answer({
          expansions: [
            { label: "…en 12 meer", markdown: "- a\n- b" },
            { label: "…en 2 meer", markdown: "- c" },
          ],
        }),
      )!,
      citationCard({
        title: "Servicedesk medewerker",
        section: "Functiewaardering › Schaal",
        source: "functies/servicedesk.docx",
        text: "Schaal 8 volgens [het systeem](https://evil.example)",
      }),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    expect(cardProblems({ ...welcomeCard("nl", []), body: [{ type: "TextBlock", text: "x", size: "Huge" }] })).toEqual([
      'Invalid value "Huge" for property "size".',
    ]);
    expect(cardProblems({ ...welcomeCard("nl", []), body: [{ type: "Carousel" }] }).join()).toMatch(/Unknown element type "Carousel"/);
    expect(cardProblems({ ...welcomeCard("nl", []), version: "1.6" })).toHaveLength(1);
  });

  it("document text in a citation pop-up is a plain text run, never Markdown", () => {
    const card = citationCard({ title: "T", section: "S", source: "a.md", text: "[klik hier](https://evil.example) **vet**" });
    const runs = card.body.map((block: any) => block.inlines?.[0]);
    expect(runs.every((run: any) => run?.type === "TextRun")).toBe(true);
    expect(runs.map((run: any) => run.text)).toContain("[klik hier](https://evil.example) **vet**");
  });

  it("answer activities pass the SDK's Activity schema, carry the AI label only for model answers, and escape HTML", () => {
    for (const mode of ["offline", "llm"] as const) {
      for (const scope of ["personal", "groupChat", "channel"] as const) {
        const activities = answerActivities(answer({ mode, answer: "Zie <at>Iedereen</at> en <img src=x onerror=alert(1)> [1]" }), { scope, user: "u1" });
        expect(activities).toHaveLength(1);
        expect(() => Activity.fromObject(activities[0]!)).not.toThrow();
        const entity = activities[0]!.entities[0]!;
        expect(entity.additionalType).toEqual(mode === "llm" ? ["AIGeneratedContent"] : undefined);
        expect(activities[0]!.text).toBe("Zie &lt;at>Iedereen&lt;/at> en &lt;img src=x onerror=alert(1)> [1]");
        for (const attachment of activities[0]!.attachments ?? []) expect(cardProblems(attachment.content)).toEqual([]);
      }
    }
  });

  it("keeps citations within Teams' limits and every marker resolvable", () => {
    const many = Array.from({ length: 30 }, (_, i) => ({
      source: `map/document-${i}.pdf`,
      section: `Hoofdstuk ${i} › ${"Heel lange sectienaam ".repeat(5)}`,
      quote: "citaat ".repeat(100),
      title: `Een zeer lange documenttitel die veel langer is dan tachtig tekens, nummer ${i}, met nog meer woorden erachter`,
      system: "functiewaarderingssysteem-met-lange-naam",
    }));
    const { text, citations } = teamsCitations({ answer: "Zie [2], [25] en [0].", citations: many, language: "nl" }, () => ({
      source: "x",
      title: "x",
      system: "x",
      section: "x",
      text: "sectietekst ".repeat(500),
    }));
    expect(citations).toHaveLength(CITATION_LIMITS.citations);
    expect(citations.map((c) => c.position)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    for (const c of citations) {
      expect(c.appearance.name.length).toBeLessThanOrEqual(CITATION_LIMITS.name);
      expect(c.appearance.abstract.length).toBeLessThanOrEqual(CITATION_LIMITS.abstract);
      expect(c.appearance.keywords!.length).toBeLessThanOrEqual(CITATION_LIMITS.keywords);
      for (const k of c.appearance.keywords!) expect(k.length).toBeLessThanOrEqual(CITATION_LIMITS.keyword);
      expect(c.appearance.image?.name).toBe("PDF");
      if (c.appearance.text) expect(cardProblems(JSON.parse(c.appearance.text))).toEqual([]);
    }
    // Pop-ups share the message's size budget: the whole citation list stays far below Teams' ~28 KB.
    expect(Buffer.byteLength(JSON.stringify(citations))).toBeLessThan(18_000);
    const [message] = answerActivities({ ...answer(), answer: `${"lange tekst ".repeat(2000)} [1]`, citations: many }, { scope: "personal" });
    expect(Buffer.byteLength(JSON.stringify(message))).toBeLessThan(26_000);
    // [25] and [0] point nowhere and are dropped; the first marker read becomes [1]; unmarked sources are listed so each is reachable.
    expect(text.startsWith("Zie [1],  en .")).toBe(true);
    expect(citations[0]!.appearance.name).toContain("nummer 1,");
    expect(citations[1]!.appearance.name).toContain("nummer 0,");
    expect(text.split("\n\n").at(-1)).toBe(`Bronnen: ${Array.from({ length: 19 }, (_, i) => `[${i + 2}]`).join(" ")}`);
    // Keywords as written, cut after a whole word: never upper-cased, never mid-word.
    const keywords = citations[0]!.appearance.keywords!;
    expect(keywords[0]).toBe("functiewaarderingssysteem-m…");
    expect(keywords[1]).toBe("Heel lange sectienaam Heel…");
  });

  it("numbers citations in reading order, keeps the pop-up's line breaks, and shows a list's toggle without Markdown or a typed hint", () => {
    const citation = (n: number) => ({ source: `doc-${n}.txt`, section: `Sectie ${n}`, title: `Document ${n}` });
    const { text, citations } = teamsCitations(
      { answer: "# Functie [4]\n\nSchaal [1] en [2], ook [4].", citations: [1, 2, 3, 4].map(citation), language: "nl" },
      () => ({ source: "x", title: "x", system: "x", section: "x", text: "Taken:\n- plannen\n- rapporteren\n\nNiveau B" }),
    );
    expect(text).toBe("# Functie [1]\n\nSchaal [2] en [3], ook [1].\n\nBronnen: [4]");
    expect(citations.map((c) => c.appearance.name)).toEqual(["Document 4", "Document 1", "Document 2", "Document 3"]);
    const popup = JSON.parse(citations[0]!.appearance.text!);
    expect(popup.body.map((b: any) => b.inlines[0].text)).toEqual(["Document 4", "Sectie 4", "Taken:", "- plannen", "- rapporteren", "Niveau B", "doc-4.txt"]);
    expect(cardProblems(popup)).toEqual([]);

    const label = '_…en 8 meer (vraag "meer")_';
    const [message] = answerActivities(
      { ...answer(), answer: `Functies:\n- a\n${label}`, expansions: [{ label, markdown: "- b\n- c" }] },
      { scope: "personal" },
    );
    expect(message!.text).toContain("_…en 8 meer_");
    expect(message!.text).not.toContain("vraag");
    const toggle = (message!.attachments![0]!.content as any).body[0].actions[0];
    expect(toggle.title).toBe("Toon: …en 8 meer");
  });

  it("gives a greeting or help text no feedback buttons, and an answer its feedback buttons", () => {
    const [greeting] = answerActivities({ ...answer(), intent: "help" }, { scope: "personal" });
    const [scale] = answerActivities({ ...answer(), intent: "scale" }, { scope: "personal" });
    expect(greeting!.channelData.feedbackLoopEnabled).toBe(false);
    expect(scale!.channelData.feedbackLoopEnabled).toBe(true);
  });

  it("puts the welcome card's reset hint before 'Try for example:', right above the example buttons", () => {
    const card = welcomeCard("nl", ["Vraag één?"]);
    const texts = card.body.map((b) => String(b.text));
    expect(texts.at(-1)).toBe("Probeer bijvoorbeeld:");
    expect(texts.findIndex((t) => t.includes("nieuw gesprek"))).toBe(texts.length - 2);
    expect(card.actions?.map((a) => a.title)).toEqual(["Vraag één?"]);
  });

  it("splits a very long answer over several messages, each with the citations it marks, follow-ups on the last", () => {
    const long = Array.from({ length: 120 }, (_, i) => `Alinea ${i} [${(i % 2) + 1}]: ${"tekst ".repeat(60)}`).join("\n\n");
    const citations = [answer().citations[0]!, { source: "b.md", section: "B" }];
    const activities = answerActivities(answer({ answer: long, citations }), { scope: "channel" });
    expect(activities.length).toBeGreaterThan(2);
    for (const a of activities) {
      expect(a.text.length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
      expect(Buffer.byteLength(JSON.stringify(a))).toBeLessThan(26_000);
      expect(a.entities[0]!.citation).toHaveLength(2);
    }
    expect(activities.slice(0, -1).every((a) => !a.attachments)).toBe(true);
    expect(activities.at(-1)!.attachments).toHaveLength(1);
    const all = activities.map((a) => a.text).join("\n\n");
    expect(all).toContain("Alinea 0 [1]:");
    expect(all).toContain("Alinea 119 [2]:");
  });
});
