import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/corpus.js";
import { syntheticDocument } from "../../bench/corpusGenerator.js";
import { measureCorpus } from "../../bench/measure.js";
import { parseDocument } from "../../src/ingest/parse/index.js";
import { tempDir } from "../support/knowledge.js";

describe("synthetic corpus and the 100-document benchmark (the CI-sized run of npm run bench)", () => {
  it("is deterministic and the parser recognises every format in it", async () => {
    expect(syntheticDocument(42, 7)).toEqual(syntheticDocument(42, 7));
    expect(syntheticDocument(42, 7).text).not.toEqual(syntheticDocument(43, 7).text);
    const dir = tempDir("fw-corpus-");
    await writeCorpus(dir, 100);
    const files = readdirSync(join(dir, "deel-000"));
    expect(files).toHaveLength(100);
    const layouts = new Map<string, number>();
    for (const file of files) {
      const doc = parseDocument({ source: file, text: readFileSync(join(dir, "deel-000", file), "utf8"), format: "txt" });
      const prefix = file.split("-")[0]!;
      const layout = doc.meta.format.split("/")[1]!;
      layouts.set(`${prefix}→${layout}`, (layouts.get(`${prefix}→${layout}`) ?? 0) + 1);
      if (prefix !== "memo") expect(doc.meta.jobLevels.length, file).toBeGreaterThan(0);
      if (prefix === "ufo")
        expect(
          doc.competencies.every((c) => c.questions.length >= 2),
          file,
        ).toBe(true);
    }
    expect([...layouts.keys()].sort()).toEqual(["memo→structure", "provincie→structure", "rijk→typings", "ufo→ufo"]);
  });

  it("measures ingest, re-ingest, search, naive baseline and answers on 100 documents", async () => {
    const dir = tempDir("fw-corpus-bench-");
    await writeCorpus(dir, 100);
    const result = await measureCorpus(dir, join(tempDir("fw-corpus-index-"), "index"), { queries: 200, questions: 50 });
    expect(result.documents).toBe(100);
    expect(result.chunks).toBeGreaterThan(500);
    expect(result.indexBytes).toBeGreaterThan(0);
    for (const latency of [result.search, result.naiveSearch, result.answer]) {
      expect(latency.p50).toBeGreaterThan(0);
      expect(latency.p95).toBeGreaterThanOrEqual(latency.p50);
      expect(latency.p99).toBeGreaterThanOrEqual(latency.p95);
    }
    expect(result.peakRssMB).toBeGreaterThan(0);
    // The approximate vector search finds what exact search finds.
    expect(result.annRecallAt40).toBeGreaterThanOrEqual(0.95);
  }, 60_000);
});
