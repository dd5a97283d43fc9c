import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/domain/answer.js";
import { answerId } from "../../../src/answer/answerId.js";
import { answerMessages, feedbackValue, LIMITS, sourceLines } from "../../../src/channels/slack/blocks.js";
import { MARKDOWN_MAX, neutralizeSlackSyntax, splitMarkdown } from "../../../src/channels/slack/markdown.js";
import { parseFeedbackValue, parseKitValue, parseSourceValue } from "../../../src/channels/slack/payloads.js";

const answer = (overrides: Partial<Answer> = {}): Answer => ({
  question: "Geef toetsvragen voor onderhandelen",
  answer: "## Toetsvragen\n\n**Onderhandelen**: vraag naar een _voorbeeld_ [1].\n\n- Wat deed je?\n- Wat was het resultaat? [3]",
  language: "nl",
  intent: "interview",
  answered: true,
  mode: "offline",
  citations: [
    { source: "profiel.txt", section: "Competenties › Onderhandelen", quote: "Belangen behartigen", title: "Profiel Beleidsadviseur" },
    { source: "profiel.txt", section: "Competenties › Onderhandelen" },
    { source: "schalen.pdf", section: "Schaal 7", quote: "Schaal 7: zelfstandig" },
  ],
  followUps: ["Welke schaal past hierbij?", "En voor een teamleider?"],
  latencyMs: 3,
  ...overrides,
});

type Element = { type: string; text?: unknown; action_id?: string; value?: string; positive_button?: { value: string }; negative_button?: { value: string } };
type AnyBlock = { type: string; text?: string | { text: string }; elements?: Element[]; accessory?: Element };

const markdownOf = (blocks: AnyBlock[]) => blocks.filter((b) => b.type === "markdown").map((b) => b.text as string);
const sectionText = (b: AnyBlock) => (typeof b.text === "object" ? b.text.text : "");

/** A Markdown table of `rows` rows, each about 60 characters. */
const table = (rows: number) =>
  [
    "| Functie | Schaal | Toelichting |",
    "| --- | --- | --- |",
    ...Array.from({ length: rows }, (_, i) => `| Functie ${i} | ${(i % 14) + 1} | ${"toelichting ".repeat(3)} |`),
  ].join("\n");

describe("Slack answer rendering (markdown blocks)", () => {
  it("puts the answer's standard Markdown in a markdown block, then numbered sources with a quote button, the kit, follow-ups and feedback_buttons", () => {
    const [message, ...more] = answerMessages(answer());
    expect(more).toEqual([]);
    const blocks = message!.blocks as AnyBlock[];
    expect(blocks.map((b) => b.type)).toEqual(["markdown", "context", "section", "section", "actions", "actions", "context_actions"]);
    // Standard Markdown goes through untouched: Slack renders it.
    expect(blocks[0]!.text).toBe(answer().answer);
    // Citations 1 and 2 are the same section: one line, both numbers; the title replaces the file name.
    expect(sectionText(blocks[2]!)).toBe("*[1, 2]* 📄 Profiel Beleidsadviseur › Competenties › Onderhandelen");
    expect(sectionText(blocks[3]!)).toBe("*[3]* 📄 schalen.pdf › Schaal 7");
    expect(blocks[2]!.accessory).toMatchObject({ type: "button", action_id: "fw_source_0" });
    expect(parseSourceValue(blocks[2]!.accessory!.value)).toEqual({
      source: "profiel.txt",
      section: "Competenties › Onderhandelen",
      quote: "Belangen behartigen",
      language: "nl",
    });
    // An interview answer offers the interview kit of the role it cites (by title), in the answer's language.
    expect(blocks[4]!.elements!.map((e) => [e.action_id, e.value && parseKitValue(e.value)])).toEqual([
      ["fw_kit_0", { role: "Profiel Beleidsadviseur", language: "nl" }],
    ]);
    expect(blocks[5]!.elements!.map((e) => [e.action_id, e.value])).toEqual([
      ["fw_followup_0", "Welke schaal past hierbij?"],
      ["fw_followup_1", "En voor een teamleider?"],
    ]);
    const feedback = blocks[6]!.elements![0]!;
    expect(feedback).toMatchObject({ type: "feedback_buttons", action_id: "fw_feedback" });
    expect(parseFeedbackValue(feedback.positive_button!.value)).toEqual({
      vote: "up",
      answerId: answerId(answer()),
      question: "Geef toetsvragen voor onderhandelen",
    });
    expect(parseFeedbackValue(feedback.negative_button!.value)?.vote).toBe("down");
    expect(message!.text).toContain("Onderhandelen: vraag naar een");
    expect(message!.text).not.toContain("**");
  });

  it("keeps a table whole in one markdown block, never cut between rows", () => {
    const text = `Schalen per functie [1]:\n\n${table(20)}\n\nDat is alles.`;
    const [message, ...more] = answerMessages(answer({ answer: text }));
    expect(more).toEqual([]);
    expect(markdownOf(message!.blocks as AnyBlock[])).toEqual([text]);
  });

  it("splits a long answer over messages of at most 12,000 Markdown characters, at paragraph breaks, tables intact with their header", () => {
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Alinea ${i}: ${"woord ".repeat(60)}`.trim());
    const bigTable = table(300); // ~20,000 characters: too long for one message on its own
    const text = [...paragraphs.slice(0, 30), bigTable, ...paragraphs.slice(30)].join("\n\n");
    const messages = answerMessages(answer({ answer: text }));
    expect(messages.length).toBeGreaterThan(2);
    expect(messages.length).toBeLessThanOrEqual(LIMITS.messages);
    for (const message of messages) {
      const markdown = markdownOf(message.blocks as AnyBlock[]);
      expect(markdown.join("").length).toBeLessThanOrEqual(MARKDOWN_MAX);
      expect(message.text.length).toBeLessThanOrEqual(LIMITS.fallbackText);
      expect(message.blocks.length).toBeLessThanOrEqual(LIMITS.blocks);
      for (const piece of markdown) {
        // Every piece starts at a paragraph or a table header, never mid-paragraph or mid-row.
        expect(piece.startsWith("Alinea") || piece.startsWith("| Functie | Schaal")).toBe(true);
        for (const line of piece.split("\n")) if (line.startsWith("|")) expect(line.endsWith("|")).toBe(true);
      }
    }
    // Every table row arrives exactly once, and each table piece has its header and delimiter row.
    const all = messages.flatMap((m) => markdownOf(m.blocks as AnyBlock[])).join("\n\n");
    for (let i = 0; i < 300; i++) expect(all.split(`| Functie ${i} |`).length - 1).toBe(1);
    const tablePieces = messages
      .flatMap((m) => markdownOf(m.blocks as AnyBlock[]))
      .flatMap((p) => p.split("\n\n"))
      .filter((p) => p.startsWith("|"));
    expect(tablePieces.length).toBeGreaterThan(1);
    for (const piece of tablePieces) expect(piece.split("\n").slice(0, 2)).toEqual(["| Functie | Schaal | Toelichting |", "| --- | --- | --- |"]);
    // Paragraph order is kept; sources, follow-ups and feedback only under the last message.
    expect(all.indexOf("Alinea 29:")).toBeLessThan(all.indexOf("| Functie 0 |"));
    expect(all.indexOf("| Functie 299 |")).toBeLessThan(all.indexOf("Alinea 30:"));
    expect(messages.slice(0, -1).every((m) => !m.blocks.some((b) => b.type === "context_actions"))).toBe(true);
    expect(messages.at(-1)!.blocks.at(-1)!.type).toBe("context_actions");
  });

  it("cuts an answer too long even for four messages, marked with …", () => {
    const huge = Array.from({ length: 2000 }, (_, i) => `Alinea ${i}: ${"woord ".repeat(40)}`).join("\n\n");
    const messages = answerMessages(answer({ answer: huge }));
    expect(messages).toHaveLength(LIMITS.messages);
    const last = markdownOf(messages.at(-1)!.blocks as AnyBlock[])[0]!;
    expect(last.endsWith(" …")).toBe(true);
    expect(last.length).toBeLessThanOrEqual(MARKDOWN_MAX);
  });

  it("keeps every Block Kit limit with many sources, long follow-ups and a long question", () => {
    const long = "Waarom ".repeat(500);
    const [message] = answerMessages(
      answer({
        question: long,
        followUps: [long, "b", "c", "d", "e"],
        citations: Array.from({ length: 30 }, (_, i) => ({ source: `doc${i}.txt`, section: "S", quote: "q".repeat(5000) })),
      }),
      { echoQuestion: true },
    );
    const blocks = message!.blocks as AnyBlock[];
    expect(blocks[0]!.type).toBe("context");
    expect(blocks.filter((b) => b.type === "section" && b.accessory)).toHaveLength(LIMITS.sources);
    expect(JSON.stringify(blocks)).toContain("En 25 meer: doc5.txt");
    for (const block of blocks) {
      if (block.type === "section") expect(sectionText(block).length).toBeLessThanOrEqual(LIMITS.sectionText);
      if (block.accessory) expect(block.accessory.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
      if (block.type === "actions") {
        expect(block.elements).toHaveLength(LIMITS.followUps);
        for (const el of block.elements!) {
          expect(el.value!.length).toBeLessThanOrEqual(LIMITS.buttonValue);
          expect((el.text as { text: string }).text.length).toBeLessThanOrEqual(LIMITS.buttonText);
        }
      }
    }
    const feedback = blocks.at(-1)!.elements![0]!;
    expect(feedback.positive_button!.value.length).toBeLessThanOrEqual(LIMITS.buttonValue);
    expect(parseFeedbackValue(feedback.positive_button!.value)?.question.length).toBeGreaterThan(1000);
    expect(parseSourceValue(blocks.find((b) => b.accessory)!.accessory!.value)?.quote.length).toBeGreaterThan(1000);
  });

  it("fits the feedback value in 2000 characters even for a question full of characters JSON escapes", () => {
    const value = feedbackValue("down", "0123456789abcdef", '"\\\n'.repeat(3000));
    expect(value.length).toBeLessThanOrEqual(2000);
    expect(parseFeedbackValue(value)?.vote).toBe("down");
  });

  it("neutralises Slack control sequences in answers and sources, but keeps Markdown links", () => {
    const [message] = answerMessages(
      answer({
        answer: "Zie <!channel> en <@U123>, &lt;!here&gt; & [de site](https://example.org/a?b=1)",
        citations: [{ source: "<!here>.txt", section: "A & B" }],
      }),
    );
    // What Slack renders (button values are data it never renders).
    const all = JSON.stringify(message!.blocks, (key, value: unknown) => (key === "value" ? undefined : value));
    for (const ping of ["<!channel>", "<@U123>", "<!here>"]) expect(all).not.toContain(ping);
    // An entity in Markdown would decode to the ping; in the mrkdwn source line it is the correct escape.
    expect(markdownOf(message!.blocks as AnyBlock[])[0]).not.toContain("&lt;");
    expect(all).toContain("&lt;!here&gt;.txt");
    expect(markdownOf(message!.blocks as AnyBlock[])[0]).toBe(
      neutralizeSlackSyntax("Zie <!channel> en <@U123>, &lt;!here&gt; & [de site](https://example.org/a?b=1)"),
    );
    expect(all).toContain("[de site](https://example.org/a?b=1)");
    expect(all).toContain("A &amp; B");
    expect(message!.text).not.toContain("<!channel>");
  });

  it("numbers sources as the answer's [n] markers", () => {
    const lines = sourceLines([
      { source: "a", section: "x" },
      { source: "b", section: "y" },
      { source: "a", section: "x" },
    ]);
    expect(lines.map((l) => [l.citation.source, l.numbers])).toEqual([
      ["a", [1, 3]],
      ["b", [2]],
    ]);
  });

  it("splits hostile Markdown of 200,000 characters quickly (a backtracking or quadratic split would take minutes)", () => {
    const hostile = [
      "|".repeat(200_000),
      `| a |\n|${" ".repeat(200_000)}x`,
      `| a |\n| ${"-".repeat(100_000)}${" ".repeat(100_000)}x |\n| b |`,
      "```\n".repeat(50_000),
      "\n".repeat(200_000),
      "a\n\n".repeat(66_000),
      `| a |\n|---|\n${"| x |\n".repeat(33_000)}`,
    ];
    for (const input of hostile) {
      const started = performance.now();
      const pieces = splitMarkdown(input);
      expect(performance.now() - started).toBeLessThan(1500);
      for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(MARKDOWN_MAX);
    }
  });
});

describe("Slack expansion buttons", () => {
  it("carries the rest of a list in the button value, cut at whole lines to fit 2000 characters", async () => {
    const { expansionValue, parseExpansionValue } = await import("../../../src/channels/slack/expansions.js");
    const long = Array.from({ length: 400 }, (_, i) => `- Functie nummer ${i} met een lange naam`).join("\n");
    const value = expansionValue("…en 400 meer", long);
    expect(value.length).toBeLessThanOrEqual(2000);
    const parsed = parseExpansionValue(value)!;
    expect(parsed.label).toBe("…en 400 meer");
    expect(parsed.markdown.endsWith("\n…")).toBe(true);
    for (const line of parsed.markdown.split("\n").slice(0, -1)) expect(line).toMatch(/^- Functie nummer \d+ met een lange naam$/);
    expect(parseExpansionValue('{"label":"x"}')).toBeUndefined();
  });
});
