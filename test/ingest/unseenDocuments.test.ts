import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { loadFile } from "../../src/ingest/loaders/index.js";
import type { ParsedDocument } from "../../src/domain/document.js";
import { parseDocument } from "../../src/ingest/parse/index.js";
import { fold } from "../../src/text/normalize.js";

/**
 * Documents the parser was not written for (test/fixtures/unseen, written by
 * someone who never read the parser), against what a person reads in them
 * (expected.json, written with them).
 */
const Expected = z.array(
  z.object({
    file: z.string(),
    title: z.string(),
    system: z.string(),
    levels: z.array(z.string()),
    competencies: z.array(z.object({ name: z.string(), indicators: z.number(), questions: z.number(), tips: z.number() })),
    facts: z.record(z.string(), z.string()),
    competencyLevels: z.array(z.object({ competency: z.string(), class: z.string(), level: z.coerce.string() })).optional(),
  }),
);
const expected = Expected.parse(JSON.parse(readFileSync("test/fixtures/unseen/expected.json", "utf8")));
const parsed = new Map<string, ParsedDocument>();

beforeAll(async () => {
  for (const entry of expected) {
    const loaded = await loadFile(`test/fixtures/unseen/${entry.file}`);
    parsed.set(entry.file, parseDocument({ source: entry.file, text: loaded.text, format: loaded.format, title: loaded.title }));
  }
});

const key = (text: string) =>
  fold(text)
    .replace(/[^a-z0-9/]+/g, " ")
    .trim();

describe.each(expected)("unseen document $file", (entry) => {
  it("is read in the right classification system, with the job's levels", () => {
    const doc = parsed.get(entry.file)!;
    expect(doc.meta.system).toBe(entry.system);
    const codes = doc.meta.jobLevels.map((l) => l.code);
    for (const level of entry.levels) expect(codes).toContain(level);
    if (!entry.levels.length) expect(doc.meta.warnings).toContain("no level found");
  });

  it("finds every competency by name, with its interview questions and tips complete", () => {
    const doc = parsed.get(entry.file)!;
    for (const competency of entry.competencies) {
      const found = doc.competencies.find((c) => key(c.name) === key(competency.name));
      expect(found, `${competency.name} in ${doc.competencies.map((c) => c.name).join(", ")}`).toBeDefined();
      expect(found!.questions).toHaveLength(competency.questions);
      expect(found!.tips).toHaveLength(competency.tips);
      // Indicators: none lost (a dictionary adds its level descriptions; a PDF table may merge two cells).
      if (!entry.file.endsWith(".pdf")) expect(found!.indicators.length).toBeGreaterThanOrEqual(competency.indicators);
    }
  });

  it("keeps its label/value facts, with their values", () => {
    const facts = parsed.get(entry.file)!.meta.facts ?? [];
    for (const [label, value] of Object.entries(entry.facts)) {
      const fact = facts.find((f) => key(f.label) === key(label));
      expect(fact, `${label} among ${facts.map((f) => f.label).join(", ")}`).toBeDefined();
      expect(key(fact!.value)).toContain(key(value).slice(0, 40));
    }
  });
});

describe("a competency × job class table", () => {
  const family = expected.filter((e) => e.competencyLevels?.length);

  it("is read per class, for every cell the document fills", () => {
    expect(family.length).toBeGreaterThan(0);
    for (const entry of family) {
      const doc = parsed.get(entry.file)!;
      for (const row of entry.competencyLevels!) {
        const competency = doc.competencies.find((c) => key(c.name) === key(row.competency));
        const cell = competency?.levelsByJobLevel?.find((l) => key(l.level).endsWith(key(row.class)));
        expect(cell?.value, `${row.competency} in ${row.class}`).toBe(row.level);
      }
    }
  });
});

describe("titles from the documents themselves", () => {
  it("takes the role's title from the text, a label, a heading or the document's title property", () => {
    const fromText = expected.filter((e) => parsed.get(e.file)!.meta.titleFrom !== "file-name");
    for (const entry of fromText) expect(key(parsed.get(entry.file)!.meta.title)).toContain(key(entry.title).split(" ")[0]!);
    // Only a document whose text names no role falls back to its file name.
    expect(fromText.length).toBeGreaterThanOrEqual(expected.length - 1);
  });
});
