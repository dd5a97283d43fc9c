import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.js";
import { answerId } from "../../../src/answer/answerId.js";
import { answerMessage, feedbackValue, LIMITS } from "../../../src/channels/slack/blocks.js";
import { splitText, toMrkdwn } from "../../../src/channels/slack/mrkdwn.js";
import { parseFeedbackValue } from "../../../src/channels/slack/payloads.js";

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  question: "Geef toetsvragen voor onderhandelen",
  answer: "## Toetsvragen\n\n**Onderhandelen**: vraag naar een _voorbeeld_.\n\n- Wat deed je?\n- Wat was het resultaat?",
  language: "nl",
  intent: "interview",
  answered: true,
  mode: "offline",
  citations: [
    { source: "profiel.txt", section: "Competenties › Onderhandelen", quote: "Belangen behartigen" },
    { source: "profiel.txt", section: "Competenties › Onderhandelen" },
    { source: "schalen.pdf", section: "Schaal 7" },
  ],
  followUps: ["Welke schaal past hierbij?", "En voor een teamleider?"],
  latencyMs: 3,
  ...overrides,
});

type AnyBlock = { type: string; text?: { text: string }; elements?: { type: string; text?: unknown; action_id?: string; value?: string }[] };

describe("Slack Block Kit rendering", () => {
  it("renders mrkdwn sections, deduplicated sources, follow-ups and feedback buttons", () => {
    const message = answerMessage(answer());
    const blocks = message.blocks as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual(["section", "context", "actions", "actions"]);
    const text = blocks[0]!.text!.text;
    expect(text).toContain("*Toetsvragen*");
    expect(text).toContain("*Onderhandelen*");
    expect(text).toContain("_voorbeeld_");
    expect(text).not.toContain("**");
    expect(blocks[1]!.elements!.map((e) => e.text)).toEqual(["📄 profiel.txt › Competenties › Onderhandelen", "📄 schalen.pdf › Schaal 7"]);
    expect(blocks[2]!.elements!.map((e) => [e.action_id, e.value])).toEqual([
      ["fw_followup_0", "Welke schaal past hierbij?"],
      ["fw_followup_1", "En voor een teamleider?"],
    ]);
    const up = parseFeedbackValue(blocks[3]!.elements![0]!.value);
    expect(up).toEqual({ vote: "up", answerId: answerId(answer()), question: "Geef toetsvragen voor onderhandelen" });
    expect(blocks[3]!.elements!.map((e) => e.action_id)).toEqual(["fw_feedback_up", "fw_feedback_down"]);
    expect(message.text).toContain("Onderhandelen: vraag naar een");
  });

  it("keeps every Block Kit limit for a huge answer with long follow-ups and questions", () => {
    const huge = Array.from({ length: 400 }, (_, i) => `Alinea ${i}: ${"woord ".repeat(80)}`).join("\n\n");
    const long = "Waarom ".repeat(500);
    const message = answerMessage(answer({ answer: huge, question: long, followUps: [long, "b", "c", "d", "e"], citations: Array.from({ length: 30 }, (_, i) => ({ source: `doc${i}.txt`, section: "S" })) }));
    const blocks = message.blocks as AnyBlock[];
    expect(blocks.length).toBe(LIMITS.blocks);
    expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
    for (const block of blocks) {
      if (block.type === "section") expect(block.text!.text.length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.type === "context") expect(block.elements!.length).toBeLessThanOrEqual(LIMITS.contextElements);
      if (block.type === "actions") {
        for (const el of block.elements!) {
          expect(el.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
          expect((el.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        }
      }
    }
    expect(blocks.filter((b) => b.type === "actions")[0]!.elements).toHaveLength(LIMITS.followUps);
    expect(blocks[0]!.text!.text).toContain("Alinea 0:");
    expect(blocks.filter((b) => b.type === "section").at(-1)!.text!.text.endsWith("…")).toBe(true);
    const vote = parseFeedbackValue(blocks.at(-1)!.elements![0]!.value);
    expect(vote?.question.length).toBeGreaterThan(1000);
  });

  it("fits the feedback value in 2000 characters even for a question full of characters JSON escapes", () => {
    const value = feedbackValue("down", "0123456789abcdef", '"\\\n'.repeat(3000));
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(parseFeedbackValue(value)?.vote).toBe("down");
  });

  it("neutralises Slack control sequences in answers and sources, but keeps links", () => {
    const message = answerMessage(answer({ answer: "Zie <!channel> en <@U123> & [de site](https://example.org/a?b=1)", citations: [{ source: "<!here>.txt", section: "A & B" }] }));
    const all = JSON.stringify(message.blocks);
    expect(all).not.toContain("<!channel>");
    expect(all).not.toContain("<@U123>");
    expect(all).not.toContain("<!here>");
    expect(all).toContain("Zie &lt;!channel> en &lt;@U123> &amp; ");
    expect(all).toContain("<https://example.org/a?b=1|de site>");
    expect(all).toContain("A &amp; B");
    expect(message.text).not.toContain("<!channel>");
  });

  it("splits at paragraph, then line, then character boundaries", () => {
    expect(splitText("a\n\nb", 10)).toEqual(["a\n\nb"]);
    expect(splitText("aaaa\n\nbbbb", 6)).toEqual(["aaaa", "bbbb"]);
    expect(splitText("x".repeat(25), 10)).toEqual(["x".repeat(10), "x".repeat(10), "x".repeat(5)]);
    expect(toMrkdwn("**vet**")).toContain("*vet*");
  });
});
