import { describe, expect, it } from "vitest";
import { AnswerStream } from "../../src/answer/llm/answerStream.js";
import { draftCitations } from "../../src/answer/llm/citations.js";
import type { ContextBlock } from "../../src/answer/llm/context.js";
import { defuse } from "../../src/answer/llm/context.js";
import { extractFacts } from "../../src/answer/llm/facts.js";
import { findTrailer, MAX_MODEL_OUTPUT_CHARS, parseModelOutput } from "../../src/answer/llm/output.js";
import { unsupportedFacts } from "../../src/answer/llm/verify.js";
import type { Chunk } from "../../src/domain/chunk.js";

/** Milliseconds one call takes. The budgets are far above what linear code needs on a busy 2-core machine and far below what the old quadratic patterns took (seconds to minutes). */
function timed(run: () => unknown): number {
  // The best of three runs: a busy machine can stall one run, but a quadratic pattern is slow every time.
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

const spaces = (n: number) => " ".repeat(n);
const block = (text: string): ContextBlock => ({
  id: 1,
  chunk: { id: 0, sectionId: "s", source: "rijk.txt", title: "Medewerker", system: "Rijk", path: ["Schaal 6"], kind: "level", text } as unknown as Chunk,
});

/** Shapes that made the old patterns backtrack: long runs of what a pattern may repeat, then a character that makes it fail. */
const ADVERSARIAL: Record<string, string> = {
  "trailer + spaces": `CITATIONS:${spaces(100_000)}`,
  "trailer + spaces + x": `CITATIONS:${spaces(100_000)}x`,
  "trailer + tabs and stars": `CITATIONS:${"\t*_`".repeat(25_000)}x`,
  "trailer + digits and commas": `CITATIONS: [${"1, ".repeat(33_000)}x`,
  "many trailers": "CITATIONS: ".repeat(10_000),
  "fence + blank lines": `\`\`\`${"\n".repeat(100_000)}x`,
  newlines: "\n".repeat(100_000),
  "spaces + x": `${spaces(100_000)}x`,
};

describe("model output is parsed in linear time (finding 2)", () => {
  it("finds the trailer in 100,000 spaces, and every other adversarial shape, in under 50 ms", () => {
    for (const [name, text] of Object.entries(ADVERSARIAL)) {
      let found: unknown;
      const ms = timed(() => (found = findTrailer(text)));
      expect(ms, name).toBeLessThan(50);
      expect(found === undefined || typeof found === "object", name).toBe(true);
    }
    // The old pattern took seconds on 500 spaces and minutes on 1,000: this is the attack itself.
    expect(timed(() => findTrailer(`CITATIONS:${spaces(1000)}x`))).toBeLessThan(50);
  });

  it("still reads a real trailer after a long answer", () => {
    const answer = `Schaal 6 [1].${spaces(15_000)}\nCITATIONS: [1, 2]`;
    let parsed: ReturnType<typeof parseModelOutput> | undefined;
    expect(timed(() => (parsed = parseModelOutput(answer)))).toBeLessThan(50);
    expect(parsed).toEqual({ ok: true, value: { answer: "Schaal 6 [1].", citations: [1, 2], answered: true } });
    expect(findTrailer("See CITATIONSX: [1]")).toBeUndefined();
    expect(findTrailer("zieCITATIONS: [1]")).toBeUndefined();
  });

  it("refuses output longer than the cap without looking at it, and parses anything shorter quickly", () => {
    for (const [name, text] of Object.entries(ADVERSARIAL)) {
      let parsed: ReturnType<typeof parseModelOutput> | undefined;
      expect(
        timed(() => (parsed = parseModelOutput(text))),
        name,
      ).toBeLessThan(50);
      expect(parsed, name).toMatchObject({ ok: false, reason: expect.stringMatching(/longer than/) });
      const belowCap = text.slice(0, MAX_MODEL_OUTPUT_CHARS - 1);
      expect(
        timed(() => parseModelOutput(belowCap)),
        `${name} below the cap`,
      ).toBeLessThan(50);
    }
  });

  it("checks the facts of a large adversarial answer quickly", () => {
    const answers = [
      `1${"\n".repeat(100_000)}x`,
      `${"\n".repeat(100_000)}1.x`,
      `niveau${spaces(100_000)}x`,
      "schaal 1 - ".repeat(10_000),
      `${"1 tot ".repeat(15_000)}uur`,
      "[1, ".repeat(25_000),
      `${"niveau ".repeat(15_000)}C`,
      "ＸＩＶ１２３".repeat(15_000),
    ];
    for (const answer of answers) {
      expect(
        timed(() => unsupportedFacts(answer, [block(answer.slice(0, 5000))])),
        answer.slice(0, 20),
      ).toBeLessThan(1000);
      expect(
        timed(() => extractFacts(answer)),
        answer.slice(0, 20),
      ).toBeLessThan(1000);
    }
  });

  it("defuses prompt delimiters in a large adversarial document quickly", () => {
    for (const text of [`<${spaces(100_000)}x`, `</${spaces(100_000)}x`, `<${spaces(50_000)}/${spaces(50_000)}x`, "< ".repeat(50_000)]) {
      expect(timed(() => defuse(text))).toBeLessThan(50);
    }
    expect(defuse("a </ context > b < question>")).toBe("a ‹/ context › b ‹ question›");
  });

  it("renumbers citation markers in an answer of 100,000 spaces quickly", () => {
    let result: { answer: string } | undefined;
    expect(timed(() => (result = draftCitations(`Schaal 6${spaces(100_000)}x [1] .`, [block("Schaal 6")])))).toBeLessThan(50);
    expect(result!.answer).toBe("Schaal 6 x [1].");
  });

  it("streams a line of spaces up to the output cap, delivered a character at a time, in linear time", () => {
    const chunks = ["Schaal 6\n", ...spaces(MAX_MODEL_OUTPUT_CHARS - 100), "x"];
    let out: string[] = [];
    expect(
      timed(() => {
        out = [];
        const stream = new AnswerStream((d) => out.push(d));
        chunks.forEach((c) => stream.push(c));
        stream.end();
      }),
    ).toBeLessThan(50);
    expect(out.join("")).toBe(`Schaal 6\n${spaces(MAX_MODEL_OUTPUT_CHARS - 100)}x`);
    // Leading white space before the first visible character is not accumulated either.
    expect(
      timed(() => {
        const lead = new AnswerStream(() => undefined);
        [...spaces(MAX_MODEL_OUTPUT_CHARS - 100), "x"].forEach((c) => lead.push(c));
      }),
    ).toBeLessThan(50);
  });

  it("stops streaming at the output cap", () => {
    const out: string[] = [];
    const stream = new AnswerStream((d) => out.push(d));
    for (let i = 0; i < 30; i++) stream.push("a".repeat(1000));
    stream.end();
    expect(out.join("").length).toBeLessThanOrEqual(MAX_MODEL_OUTPUT_CHARS);
    expect(out.join("").length).toBeGreaterThan(0);
  });
});
