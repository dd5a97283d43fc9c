import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { renderReport } from "../../src/cli/ingestReport.js";
import { SetScope } from "../../src/domain/accessPolicy.js";
import { ingest, type IngestResult } from "../../src/indexing/ingest.js";
import { OTHER_SET_LINK_REASON, scanKnowledge } from "../../src/ingest/scan.js";
import { silentLogger } from "../../src/platform/logger.js";
import { currentManifest } from "../../src/search/indexFiles.js";
import { KnowledgeBase } from "../../src/search/knowledgeBase.js";
import { localEmbedder, tempDir } from "../support/knowledge.js";
import { HIDDEN_QUESTION, HIDDEN_SOURCE, HIDDEN_TITLE, setsKnowledge } from "./setsKnowledge.js";

describe("document sets in the index: recorded at ingest, filtered inside both searches", () => {
  const knowledgeDir = setsKnowledge();
  const indexDir = tempDir("fw-sets-index-");
  let kb: KnowledgeBase;
  let result: IngestResult;

  beforeAll(async () => {
    result = await ingest({ knowledgeDir, indexDir, embedder: localEmbedder(), logger: silentLogger });
    kb = await KnowledgeBase.open(indexDir, localEmbedder());
  });

  it("records each document's set in the manifest and the chunk store, and reports it with its audience", async () => {
    const manifest = await currentManifest(indexDir);
    expect(manifest!.documents.find((d) => d.source === HIDDEN_SOURCE)!.set).toBe("hr-only");
    expect(manifest!.documents.filter((d) => d.set === "").length).toBe(manifest!.documents.length - 1);
    const hidden = result.report.find((doc) => doc.source === HIDDEN_SOURCE)!;
    expect(hidden).toMatchObject({ set: "hr-only", audience: expect.stringContaining("Entra groups") });
    expect(renderReport(result)).toContain("set hr-only · web groups hr");
    expect(result.skipped.map((s) => s.file)).not.toContain("access.yaml");
  });

  it("finds only the scope's chunks in BM25 and in the vector graph, and still fills k from them", async () => {
    const publicOnly = kb.within(SetScope.ROOT_ONLY);
    const everything = await kb.search(HIDDEN_QUESTION, { k: 5 });
    expect(everything[0]!.chunk.source).toBe(HIDDEN_SOURCE);
    const k = 40;
    const lexical = publicOnly.lexicalSearch("kwartiermaker fusie zilverberg organogram functie", k);
    const vector = await publicOnly.vectorSearch(HIDDEN_QUESTION, k);
    for (const list of [lexical, vector]) for (const { id } of list) expect(kb.chunk(id).source).not.toBe(HIDDEN_SOURCE);
    // Filtered inside the graph walk, not dropped afterwards: k hits, all of them visible.
    expect(vector).toHaveLength(k);
    const hybrid = await publicOnly.search(HIDDEN_QUESTION, { k: 8 });
    expect(hybrid).toHaveLength(8);
    expect(hybrid.every((hit) => hit.chunk.source !== HIDDEN_SOURCE)).toBe(true);
  });

  it("hides the set from every lookup of a scoped view: documents, facts, chunks, competencies, counts", () => {
    const view = kb.within(SetScope.ROOT_ONLY);
    expect(view.documents.map((d) => d.source)).not.toContain(HIDDEN_SOURCE);
    expect(view.documents).toHaveLength(kb.documents.length - 1);
    expect(view.document(HIDDEN_SOURCE)).toBeUndefined();
    expect(view.chunksOf(HIDDEN_SOURCE)).toEqual([]);
    expect(kb.chunksOf(HIDDEN_SOURCE).length).toBeGreaterThan(0);
    expect(view.chunkCount).toBe(kb.chunkCount - kb.chunksOf(HIDDEN_SOURCE).length);
    expect(view.someChunkText((text) => text.includes("Zilverberg"))).toBe(false);
    expect(kb.someChunkText((text) => text.includes("Zilverberg"))).toBe(true);
    const fromHidden = (facts: { source: string }[]) => facts.some((fact) => fact.source === HIDDEN_SOURCE);
    expect(fromHidden(kb.competencyNames.factsOf("Visie ontwikkelen"))).toBe(true);
    expect(fromHidden(view.competencyNames.factsOf("Visie ontwikkelen"))).toBe(false);
    expect(view.findCompetency((c) => c.source === HIDDEN_SOURCE)).toBeUndefined();
    expect(view.documents.some((d) => d.title === HIDDEN_TITLE)).toBe(false);
    // Whether the documents know a word (which decides a refusal) counts only the view's sets.
    const words = "zilverberg fusieplan organogram";
    expect(kb.coverage(words, new Set())).toEqual({ topic: 3, known: 3 });
    expect(view.coverage(words, new Set()).known).toBeLessThan(3);
    expect(view.coverage("servicedesk", new Set())).toEqual({ topic: 1, known: 1 });
    // One view per scope, and the index itself for a scope that covers every set.
    expect(kb.within(SetScope.ROOT_ONLY)).toBe(view);
    expect(kb.within(SetScope.of(["hr-only"]))).toBe(kb);
    expect(view.within(SetScope.ALL)).toBe(kb);
  });

  it("refuses a link that would carry a document into another set", async () => {
    const dir = tempDir("fw-sets-links-");
    mkdirSync(join(dir, "hr-only"));
    writeFileSync(join(dir, "hr-only", "geheim.md"), "# Geheim\n\nAlleen voor HR.\n");
    writeFileSync(join(dir, "open.md"), "# Open\n\nVoor iedereen.\n");
    symlinkSync(join(dir, "hr-only", "geheim.md"), join(dir, "ook-open.md"));
    symlinkSync(join(dir, "open.md"), join(dir, "hr-only", "kopie.md"));
    const scan = await scanKnowledge(dir);
    expect(scan.files.map((f) => f.source).sort()).toEqual(["hr-only/geheim.md", "open.md"]);
    expect(scan.unreadable).toEqual(
      expect.arrayContaining([
        { file: "ook-open.md", reason: OTHER_SET_LINK_REASON },
        { file: "hr-only/kopie.md", reason: OTHER_SET_LINK_REASON },
      ]),
    );
  });
});
