import { TestAdapter, type Activity } from "botbuilder";
import { describe, expect, it } from "vitest";
import { FunctiewijzerTeamsBot } from "../../../src/channels/teams/bot.js";
import { answerCards, MAX_CARD_BYTES } from "../../../src/channels/teams/cards.js";
import { silentLogger } from "../../../src/logger.js";
import { FakeAssistant } from "../../support/fakeAssistant.js";
import { MemoryFeedback } from "../../support/memoryFeedback.js";

describe("Teams card rendering", () => {
  it("renders answer, sources with hidden quotes, follow-ups and feedback through the bot (TestAdapter)", async () => {
    const assistant = new FakeAssistant();
    const bot = new FunctiewijzerTeamsBot({ assistant, feedback: new MemoryFeedback(), logger: silentLogger });
    const adapter = new TestAdapter((context) => bot.run(context));
    const replies: Partial<Activity>[] = [];
    await adapter.send("Geef toetsvragen voor onderhandelen").assertReply((a) => void replies.push(a)).assertReply((a) => void replies.push(a)).startTest();
    expect(replies[0]!.type).toBe("typing");
    const card = replies[1]!.attachments![0]!.content;
    expect(card.version).toBe("1.5");
    expect(card.body[0]).toMatchObject({ type: "TextBlock", text: "**Antwoord** op: Geef toetsvragen voor onderhandelen", wrap: true });
    const sources = JSON.stringify(card.body.at(-1));
    expect(sources).toContain("[1] Competenties › Onderhandelen");
    expect(sources).toContain('"isVisible":false');
    expect(sources).toContain("Action.ToggleVisibility");
    expect(card.actions.map((a: { data: { action: string } }) => a.data.action)).toEqual(["ask", "ask", "feedback", "feedback"]);
    expect(card.actions[2].data).toMatchObject({ vote: "up", question: "Geef toetsvragen voor onderhandelen" });
    expect(card.actions[2].data.answerId).toMatch(/^[0-9a-f]{16}$/);
  });

  it("splits a long answer over several cards within Teams' size limit, actions on the last", () => {
    const long = Array.from({ length: 120 }, (_, i) => `Alinea ${i}: ${"tekst ".repeat(60)}`).join("\n\n");
    const cards = answerCards({ question: "q", answer: long, language: "nl", intent: "general", answered: true, mode: "offline", citations: [{ source: "a.txt", section: "A" }], followUps: ["Vraag?"], latencyMs: 1 });
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) expect(JSON.stringify(card.content).length).toBeLessThan(MAX_CARD_BYTES + 2000);
    expect(cards.slice(0, -1).every((c) => !(c.content as { actions?: unknown }).actions)).toBe(true);
    expect((cards.at(-1)!.content as { actions: unknown[] }).actions.length).toBe(3);
    const allText = cards.map((c) => JSON.stringify(c.content)).join("");
    expect(allText).toContain("Alinea 0:");
    expect(allText).toContain("Alinea 119:");
  });
});
